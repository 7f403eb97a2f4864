"""The outbox in memory: events staged with the unit of work, committed with it.

Committed events keep the order of their commits (units of work that write run one at a
time), and that order is the feed's. Cursors are the 1-based place in it, zero-padded to 20
digits so they sort as strings.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Sequence
from datetime import datetime

from adapters.memory.held import HeldRecords
from adapters.memory.store import InMemoryStore, StagedTable
from booking_domain.shared import (
    SINGLE_EVENT_KINDS,
    ConcurrentUpdateError,
    FeedItem,
    FeedScan,
    InvalidCursorError,
    Outbox,
    OutboxEvent,
    OutboxFeed,
    OutboxRelay,
    UserId,
)
from booking_domain.shared.ports import Listening, Publish

OUTBOX = "outbox"
_WIDTH = 20


class InMemoryOutbox(Outbox):
    """Recorded events are held, as PostgreSQL's are (``postgres/outbox.py``), until the
    write of the change they describe carries them (``write_with``: a booking's) or the unit
    of work commits (``write_held``): an autocommit unit whose write fails leaves none."""

    def __init__(self, table: StagedTable[tuple[str, int], OutboxEvent | None]) -> None:
        self._events = table
        self._held = HeldRecords(self._write)

    async def record(self, event: OutboxEvent) -> None:
        self._held.hold(event)

    async def next_sequence(self, subject: str) -> int:
        stored = (e.sequence for e in self._events.values() if e and e.subject == subject)
        held = (e.sequence for e in self._held.held() if e.subject == subject)
        return 1 + max((*stored, *held), default=0)

    def carried(self, subject: str) -> OutboxEvent | None:
        """The held event of ``subject``'s change, for the write of that change
        (``HeldRecords.carried``)."""
        return self._held.carried(lambda e: e.subject == subject)

    def write(self, events: Sequence[OutboxEvent]) -> None:
        """Write events now (a change's own, which its write carries)."""
        self._write(events)

    def write_held(self) -> None:
        self._held.write_all()

    def drop_held(self) -> None:
        self._held.drop()

    def _write(self, events: Sequence[OutboxEvent]) -> None:
        for event in events:
            key = (event.subject, event.sequence)
            if self._events.get(key) is not None:
                raise ConcurrentUpdateError()
            self._events.put(key, event)


class InMemoryOutboxFeed(OutboxFeed):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store

    def _committed(self) -> list[OutboxEvent | None]:
        """In commit order; a forgotten event leaves None in its place (cursors are places)."""
        return list(self._store.table(OUTBOX).values())

    async def read(
        self,
        after: str | None,
        *,
        limit: int,
        for_user: UserId | None = None,
        types: frozenset[str] | None = None,
    ) -> Sequence[FeedItem]:
        if types is not None and for_user is not None:
            raise ValueError("a feed read names an audience or types, not both")
        start = 0 if after is None else _parse(after)
        items: list[FeedItem] = []
        for place, event in enumerate(self._committed()[start:], start=start + 1):
            if event is None or (types is not None and event.type not in types):
                continue
            if for_user is None or for_user in event.audience:
                items.append(FeedItem(f"{place:0{_WIDTH}d}", event))
                if len(items) == limit:
                    break
        return items

    async def scan(self, after: str | None, *, types: Collection[str], limit: int) -> FeedScan:
        start = 0 if after is None else _parse(after)
        places = self._committed()[start : start + limit]
        items = [
            FeedItem(f"{place:0{_WIDTH}d}", event)
            for place, event in enumerate(places, start=start + 1)
            if event is not None and event.type in types
        ]
        reached = f"{start + len(places):0{_WIDTH}d}" if places else None
        return FeedScan(items, reached, len(places))

    async def tail(self) -> str | None:
        count = len(self._committed())
        return f"{count:0{_WIDTH}d}" if count else None

    async def forget_before(self, moment: datetime, *, limit: int) -> int:
        table = self._store.table(OUTBOX)
        newest: dict[str, int] = {}
        for event in table.values():
            if event is not None:
                newest[event.subject] = max(newest.get(event.subject, 0), event.sequence)
        old = [
            key
            for key, e in table.items()
            if e is not None
            and e.occurred_at < moment
            and (e.subject_kind in SINGLE_EVENT_KINDS or e.sequence < newest[e.subject])
        ][:limit]
        for key in old:
            table[key] = None
        return len(old)


def _parse(cursor: str) -> int:
    if len(cursor) != _WIDTH or not (cursor.isascii() and cursor.isdigit()):
        raise InvalidCursorError()
    return int(cursor)


class InMemoryOutboxRelay(OutboxRelay):
    """Looks at the committed events every ``every`` seconds (nothing signals a commit in
    memory) and publishes the new ones."""

    def __init__(self, feed: InMemoryOutboxFeed, every: float = 0.05) -> None:
        self._feed = feed
        self._every = every

    async def run(self, publish: Publish, *, listening: Listening | None = None) -> None:
        cursor = await self._feed.tail()  # in memory, reading is as cheap as skipping
        while True:
            for item in await self._feed.read(cursor, limit=500):
                await publish(item)
                cursor = item.cursor
            await asyncio.sleep(self._every)
