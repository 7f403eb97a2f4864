"""Catching up: the events a caller missed since a cursor (a reconnecting stream's
``Last-Event-ID``), only theirs, in feed order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from booking_domain.shared.clock import Clock
from booking_domain.shared.errors import FieldError, InvalidCursorError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ports import FeedItem, OutboxFeed
from booking_domain.shared.use_case import UseCase
from booking_domain.stream.audience import audience_filter

MAX_REPLAY = 500
KEPT_FOR = timedelta(days=7)  # how far back a reconnecting stream can catch up


@dataclass(frozen=True, slots=True)
class StreamDeps:
    feed: OutboxFeed
    clock: Clock


class ReplayEvents(UseCase[StreamDeps]):
    """Up to ``limit`` (1 .. ``MAX_REPLAY``) of the actor's events after ``after``; read on
    from the last one's cursor until fewer than ``limit`` come back. A cursor the feed never
    made is ``InvalidCursorError`` (422): one of another shape (the feed refuses it), and
    one after the feed's tail, since every cursor handed out is at or before the tail
    (cursors sort as strings in feed order, and the tail never moves back)."""

    async def __call__(self, actor: Actor, after: str, *, limit: int) -> Sequence[FeedItem]:
        if not 1 <= limit <= MAX_REPLAY:
            raise InvalidInputError(errors=(FieldError("limit", f"1 .. {MAX_REPLAY}."),))
        tail = await self._deps.feed.tail()
        if tail is None or after > tail:
            raise InvalidCursorError()
        return await self._deps.feed.read(after, limit=limit, for_user=audience_filter(actor))

    async def start(self) -> str | None:
        """Where a new listener starts: after the newest event there is now."""
        return await self._deps.feed.tail()


class ForgetOldEvents(UseCase[StreamDeps]):
    """Events older than ``KEPT_FOR`` are no longer kept (each subject's newest stays), in
    batches; returns how many went."""

    async def __call__(self, *, batch_size: int = 5000) -> int:
        before = self._deps.clock.now() - KEPT_FOR
        total = 0
        while True:
            gone = await self._deps.feed.forget_before(before, limit=batch_size)
            total += gone
            if gone < batch_size:
                return total
