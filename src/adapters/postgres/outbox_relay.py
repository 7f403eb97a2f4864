"""The relay: each API process follows the outbox itself and pushes new events to its own
listeners (the real-time stream), so a listener on any process hears a change committed
through any other, with no broker in between.

It polls the feed from its cursor every ``POLL`` seconds (an index range scan that finds
nothing most of the time). While no stream of its process listens it only moves its cursor
to the feed's tail, reading and decoding nothing. It does not LISTEN for a NOTIFY from the
writers: PostgreSQL serialises the commits of every transaction that NOTIFYs (a
database-wide lock held through the commit's WAL flush), which cost booking creation a third
of its rate (docs/events.md).
After an outage it goes on from its cursor: nothing committed meanwhile is skipped.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Protocol

import psycopg

from adapters.postgres.outbox import PostgresOutboxFeed
from booking_domain.shared import DomainError, OutboxRelay
from booking_domain.shared.ports import Listening, Publish

_log = logging.getLogger("inkslot.events")
BATCH = 500
POLL = 0.05
RECONNECT = 1.0


class Checkpoint(Protocol):
    """Where a relay shared by several processes keeps its cursor (``adapters/redis``)."""

    async def load(self) -> str | None: ...

    async def save(self, cursor: str) -> None: ...


class PostgresOutboxRelay(OutboxRelay):
    """Follows the feed from the events committed after it started, or, with a checkpoint,
    from the checkpoint (saved after each batch it published)."""

    def __init__(
        self, feed: PostgresOutboxFeed, *, poll: float = POLL, checkpoint: Checkpoint | None = None
    ) -> None:
        self._feed = feed
        self._poll = poll
        self._checkpoint = checkpoint
        self._cursor: str | None = None
        self._started = False

    async def run(self, publish: Publish, *, listening: Listening | None = None) -> None:
        while True:
            try:
                await self._follow(publish, listening)
            except (psycopg.Error, DomainError, OSError) as exc:
                _log.warning("event relay lost the database (%s); retrying", type(exc).__name__)
                await asyncio.sleep(RECONNECT)

    async def _follow(self, publish: Publish, listening: Listening | None) -> None:
        if not self._started:  # from the checkpoint, or only what commits from now on
            saved = await self._checkpoint.load() if self._checkpoint is not None else None
            self._cursor = saved if saved is not None else await self._feed.tail()
            self._started = True
        while True:
            if listening is None or listening() or not await self._skip(listening):
                await self._drain(publish)
            await asyncio.sleep(self._poll)

    async def _skip(self, listening: Listening) -> bool:
        """Nobody listens: move to the feed's tail without reading what lies before it (one
        index lookup instead of decoding every event). The tail is taken first and the
        question asked again after: whoever subscribed before the answer subscribed before
        the tail was read, so everything committed after their subscription lies beyond
        it. Returns whether it skipped."""
        tail = await self._feed.tail()
        if listening():
            return False
        if tail is not None and (self._cursor is None or tail > self._cursor):
            self._cursor = tail
        return True

    async def _drain(self, publish: Publish) -> None:
        while True:
            items = await self._feed.read(self._cursor, limit=BATCH)
            for item in items:
                await publish(item)
                self._cursor = item.cursor
            if items and self._checkpoint is not None and self._cursor is not None:
                await self._checkpoint.save(self._cursor)
            if len(items) < BATCH:
                return
