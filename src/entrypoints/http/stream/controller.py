"""``/api/v1/events/stream``: a signed-in user's events as Server-Sent Events.

Each message is ``id: <cursor>``, ``event: <type>``, ``data: <envelope JSON>``
(docs/events.md). A client that reconnects with ``Last-Event-ID`` (or ``?lastEventId=``)
first gets what it missed, from the outbox, then the live events, each once and in order:
the stream subscribes before it reads the backlog, and skips live events at or before the
last cursor it sent. A listener that falls ``MAX_BACKLOG`` events behind is disconnected
(its reconnect replays from the outbox: nothing is lost, memory stays bounded). A comment
line every ``KEEP_ALIVE`` seconds keeps idle connections open through proxies. A stream ends
(a comment ``session ended``, then the end) within a second of the end of the session it was
opened with, whichever process ended it (``sessions.SessionWatch``).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Sequence
from dataclasses import dataclass
from typing import Annotated

import msgspec
from litestar import get
from litestar.channels import ChannelsPlugin, Subscriber
from litestar.di import NamedDependency
from litestar.params import HeaderParameter, QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

from booking_domain.accounts import AccessClaims
from booking_domain.shared import Actor, FeedItem, InvalidCursorError, InvalidInputError
from booking_domain.stream.use_cases import MAX_REPLAY, StreamUseCases
from entrypoints.http.auth import BEARER, stream_authenticated
from entrypoints.http.caller import Caller, Claims
from entrypoints.http.controllers import Public
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.stream.dto import Published, wire_json
from entrypoints.http.stream.relay import Listeners, channels_of
from entrypoints.http.stream.sessions import SESSION_ENDED, SessionWatch

StreamDep = NamedDependency[StreamUseCases]

KEEP_ALIVE = 15.0
MAX_BACKLOG = 1000
CURSOR_LENGTH = 64
# Comment lines only: Litestar's default ``data=""`` would add an empty ``data:`` line, and
# EventSource dispatches that as a message with empty data.
_KEEP_ALIVE = ServerSentEventMessage(data=None, comment="keep-alive")
_SESSION_ENDED = ServerSentEventMessage(data=None, comment="session ended")


# The stream: a Last-Event-ID (or ``after``) this API never made, before it starts.
STREAM_RAISES = raises_exactly(InvalidCursorError, InvalidInputError)


class EventStreamController(Public, context="stream"):
    path = "/events"
    tags = ["events"]
    guards = [stream_authenticated]
    security = BEARER

    @get(
        "/stream",
        summary="Your bookings' events as they happen (Server-Sent Events)",
        media_type="text/event-stream",
        opt=STREAM_RAISES,
    )
    async def stream(
        self,
        actor: Caller,
        claims: Claims,
        stream: StreamDep,
        channels: NamedDependency[ChannelsPlugin],
        listeners: NamedDependency[Listeners],
        session_watch: NamedDependency[SessionWatch],
        last_event_id: Annotated[
            str | None, HeaderParameter(name="Last-Event-ID", max_length=CURSOR_LENGTH)
        ] = None,
        resume_from: Annotated[
            str | None, QueryParameter(name="lastEventId", max_length=CURSOR_LENGTH)
        ] = None,
        ticket: Annotated[
            str | None,
            QueryParameter(
                description="A stream ticket (POST /api/v1/events/tickets), for browsers "
                "whose EventSource cannot send an Authorization header",
                max_length=2048,
            ),
        ] = None,
    ) -> ServerSentEvent:
        """Customers and artists hear their own bookings' events (and an artist their
        profile's); admins hear everything."""
        subscriber = await channels.subscribe(channels_of(actor))
        listeners.open += 1  # from here on the relay reads the outbox (see Listeners)
        try:
            after = last_event_id or resume_from
            backlog = await _replay(stream, actor, after) if after else []
        except BaseException:
            listeners.open -= 1
            await channels.unsubscribe(subscriber)
            raise
        cursor = backlog[-1].cursor if backlog else after
        live = _Live(channels, listeners, subscriber, session_watch, claims)
        return ServerSentEvent(_messages(live, backlog, cursor))


async def _replay(stream: StreamUseCases, actor: Actor, after: str) -> list[FeedItem]:
    """Everything after the cursor (raises for a cursor we never made: a 400 before the
    stream starts)."""
    missed: list[FeedItem] = []
    while True:
        page = await stream.replay_events(actor, after, limit=MAX_REPLAY)
        missed.extend(page)
        if len(page) < MAX_REPLAY:
            return missed
        after = page[-1].cursor


@dataclass(frozen=True, slots=True)
class _Live:
    """What a stream's live part listens with, and what it gives back when it ends."""

    channels: ChannelsPlugin
    listeners: Listeners
    subscriber: Subscriber
    session_watch: SessionWatch
    claims: AccessClaims


async def _messages(
    live: _Live, backlog: Sequence[FeedItem], cursor: str | None
) -> AsyncGenerator[ServerSentEventMessage, None]:
    inbox: asyncio.Queue[bytes] = asyncio.Queue()
    try:
        with live.session_watch.watching(live.claims, inbox):
            async with live.subscriber.run_in_background(inbox.put, join=False):
                for item in backlog:
                    yield _message(item.cursor, item.event.type, wire_json(item.event))
                while inbox.qsize() <= MAX_BACKLOG:
                    try:
                        raw = await asyncio.wait_for(inbox.get(), KEEP_ALIVE)
                    except TimeoutError:
                        yield _KEEP_ALIVE
                        continue
                    if raw == SESSION_ENDED:
                        yield _SESSION_ENDED
                        return
                    published = msgspec.json.decode(raw, type=Published)
                    if cursor is not None and published.cursor <= cursor:
                        continue  # already sent from the backlog
                    cursor = published.cursor
                    yield _message(published.cursor, published.type, published.body)
    finally:
        live.listeners.open -= 1
        await live.channels.unsubscribe(live.subscriber)


def _message(cursor: str, event_type: str, body: str) -> ServerSentEventMessage:
    return ServerSentEventMessage(data=body, event=event_type, id=cursor)
