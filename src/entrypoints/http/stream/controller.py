"""``/api/v1/events/stream``: a signed-in user's events as Server-Sent Events.

Each message is ``id: <cursor>``, ``event: <type>``, ``data: <envelope JSON>``
(docs/events.md). A client that reconnects with ``Last-Event-ID`` (or ``?lastEventId=``)
first gets what it missed, from the outbox, then the live events, each once and in order:
the stream subscribes before it reads the backlog, and skips live events at or before the
last cursor it sent. A listener that falls ``MAX_BACKLOG`` events behind is disconnected
(its reconnect replays from the outbox: nothing is lost, memory stays bounded). A comment
line every ``KEEP_ALIVE`` seconds keeps idle connections open through proxies.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, Sequence
from typing import Annotated

import msgspec
from litestar import get
from litestar.channels import ChannelsPlugin, Subscriber
from litestar.di import NamedDependency
from litestar.params import HeaderParameter, QueryParameter
from litestar.response import ServerSentEvent, ServerSentEventMessage

from booking_domain.shared import Actor, FeedItem
from booking_domain.stream.use_cases import MAX_REPLAY, StreamUseCases
from entrypoints.http.auth import BEARER, stream_authenticated
from entrypoints.http.caller import Caller
from entrypoints.http.controllers import Public
from entrypoints.http.problem_docs import READS
from entrypoints.http.stream.dto import Published, wire_json
from entrypoints.http.stream.relay import Listeners, channels_of

StreamDep = NamedDependency[StreamUseCases]

KEEP_ALIVE = 15.0
MAX_BACKLOG = 1000
CURSOR_LENGTH = 64


class EventStreamController(Public, context="stream", raises=READS):
    path = "/events"
    tags = ["events"]
    guards = [stream_authenticated]
    security = BEARER

    @get(
        "/stream",
        summary="Your bookings' events as they happen (Server-Sent Events)",
        media_type="text/event-stream",
    )
    async def stream(
        self,
        actor: Caller,
        stream: StreamDep,
        channels: NamedDependency[ChannelsPlugin],
        listeners: NamedDependency[Listeners],
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
        return ServerSentEvent(_messages(channels, listeners, subscriber, backlog, cursor))


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


async def _messages(
    channels: ChannelsPlugin,
    listeners: Listeners,
    subscriber: Subscriber,
    backlog: Sequence[FeedItem],
    cursor: str | None,
) -> AsyncGenerator[ServerSentEventMessage, None]:
    inbox: asyncio.Queue[bytes] = asyncio.Queue()
    try:
        async with subscriber.run_in_background(inbox.put, join=False):
            for item in backlog:
                yield _message(item.cursor, item.event.type, wire_json(item.event))
            while inbox.qsize() <= MAX_BACKLOG:
                try:
                    raw = await asyncio.wait_for(inbox.get(), KEEP_ALIVE)
                except TimeoutError:
                    yield ServerSentEventMessage(comment="keep-alive")
                    continue
                published = msgspec.json.decode(raw, type=Published)
                if cursor is not None and published.cursor <= cursor:
                    continue  # already sent from the backlog
                cursor = published.cursor
                yield _message(published.cursor, published.type, published.body)
    finally:
        listeners.open -= 1
        await channels.unsubscribe(subscriber)


def _message(cursor: str, event_type: str, body: str) -> ServerSentEventMessage:
    return ServerSentEventMessage(data=body, event=event_type, id=cursor)
