"""One read of the outbox for all of a process's followers: the last events read, kept.

A worker runs seven followers of the feed (the notification planner, the webhook dispatcher,
the free-starts projection, the waitlist, loyalty, the ledger, disputes), each at its own
position, and each read the same events from PostgreSQL and decoded them again: a burst of
bookings was read seven times. ``FeedWindow`` keeps the events last read, in feed order
(at most ``KEPT``), and answers a read or a scan that starts inside them from memory; what
lies past them it reads once, whole (every type: a reader of a few types is answered by
filtering), and keeps for the next reader. The followers are spread along the feed (the
planner behind the loyalty earner in a burst), so what is kept is a few stretches, one
where each reader reads on, merged when they meet; the lowest are dropped first.

Why an answer from memory is the database's answer: a read hands out only events below its
snapshot's horizon (``outbox.py``), and no event can ever appear before a cursor handed
out; so the events between two cursors of one read are final, all of them, for good. A
stretch is the events of consecutive reads, each starting where the one before ended (a
read from elsewhere starts a stretch of its own), so it holds every event between its first
cursor and its last. An answer from it, completed by a read past its end, is what one read at that
moment would have given. A reader for one user (a stream's replay for a customer or an
artist) and the tail go to the database. Two readers that miss at the same place share one
read. An API process reads through a window only for an admin's replay (every event).

Forgetting old events (``forget_before``, the hourly purge) empties the window. A window of
another process may still answer an event forgotten meanwhile to a reader that far behind
(days): it would have been answered before it was forgotten.
"""

from __future__ import annotations

import asyncio
from bisect import bisect_right
from collections.abc import AsyncIterator, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from adapters.postgres.outbox import PostgresOutboxFeed, parse_cursor
from booking_domain.shared import FeedItem, FeedScan, OutboxFeed, UserId

# Events kept: a burst of a few thousand bookings between the first follower and the last
# (decoded, a few kilobytes each: some tens of megabytes at the most).
KEPT = 10_000
# Events each read past the window asks for, whatever its reader asked: a follower that
# asks for a few still reads on for the others.
FILL = 500


@dataclass
class _Stretch:
    """Every event after ``start`` up to the last one held, in feed order (never none)."""

    start: str
    items: list[FeedItem]

    @property
    def end(self) -> str:
        return self.items[-1].cursor

    def after(self, position: str) -> list[FeedItem]:
        return self.items[bisect_right(self.items, position, key=_cursor) :]


def _cursor(item: FeedItem) -> str:
    return item.cursor


def _start(stretch: _Stretch) -> str:
    return stretch.start


class FeedWindow(OutboxFeed):
    """``feed`` with the events last read kept for the next reader (module docstring)."""

    def __init__(self, feed: PostgresOutboxFeed, *, kept: int = KEPT, fill: int = FILL) -> None:
        if kept < 1 or fill < 1:
            raise ValueError("a window keeps and reads at least one event")
        self._feed = feed
        self._kept = kept
        self._fill = fill
        self._stretches: list[_Stretch] = []  # by start; none overlaps another
        self._reading: dict[str, asyncio.Task[Sequence[FeedItem]]] = {}
        self._forgets = 0  # moves as a forget_before starts and ends: a read across one is not kept

    async def read(
        self,
        after: str | None,
        *,
        limit: int,
        for_user: UserId | None = None,
        types: frozenset[str] | None = None,
    ) -> Sequence[FeedItem]:
        if for_user is not None or limit <= 0:
            return await self._feed.read(after, limit=limit, for_user=for_user, types=types)
        found: list[FeedItem] = []
        async for item in self._walk(after):
            if types is None or item.event.type in types:
                found.append(item)
                if len(found) == limit:
                    break
        return found

    async def scan(self, after: str | None, *, types: Collection[str], limit: int) -> FeedScan:
        if limit <= 0:
            return await self._feed.scan(after, types=types, limit=limit)
        wanted: list[FeedItem] = []
        looked, reached = 0, None
        async for item in self._walk(after):
            looked, reached = looked + 1, item.cursor
            if item.event.type in types:
                wanted.append(item)
            if looked == limit:
                break
        return FeedScan(wanted, reached, looked)

    async def tail(self) -> str | None:
        return await self._feed.tail()

    async def forget_before(self, moment: datetime, *, limit: int) -> int:
        """Forgotten here too: nothing kept, nor read before it, is answered after it."""
        self._forgets += 1
        forgotten = await self._feed.forget_before(moment, limit=limit)
        self._forgets += 1
        self._stretches = []
        return forgotten

    async def _walk(self, after: str | None) -> AsyncIterator[FeedItem]:
        """Every event after ``after`` that lies below the horizon now, in feed order: from
        what is kept while it has them, then read past it in reads of ``fill``, until a read
        comes back short (the horizon). The caller stops when it has enough."""
        if after is not None:
            parse_cursor(after)  # a cursor this feed never made fails as the database's would
        position = after or ""
        while True:
            kept = self._kept_after(position)
            if kept:
                for item in kept:
                    yield item
                position = kept[-1].cursor
                continue
            read = await self._read_once(position)
            for item in read:
                yield item
            if len(read) < self._fill:
                return
            position = read[-1].cursor

    async def _read_once(self, position: str) -> Sequence[FeedItem]:
        """A read after ``position``, kept; readers that miss there meanwhile share it (a
        reader cancelled while it waits cancels nobody else's read)."""
        reading = self._reading.get(position)
        if reading is None:
            reading = asyncio.ensure_future(self._read_and_keep(position))
            self._reading[position] = reading
            reading.add_done_callback(lambda _: self._reading.pop(position, None))
        return await asyncio.shield(reading)

    async def _read_and_keep(self, position: str) -> Sequence[FeedItem]:
        forgets = self._forgets
        read = await self._feed.read(position or None, limit=self._fill)
        if forgets == self._forgets:  # no forgetting began meanwhile
            self._keep(position, read)
        return read

    def _kept_after(self, position: str) -> list[FeedItem]:
        """The kept events after ``position``, from the stretch that covers it; else none."""
        at = bisect_right(self._stretches, position, key=_start) - 1
        if at < 0 or not position < self._stretches[at].end:
            return []
        return self._stretches[at].after(position)

    def _keep(self, position: str, read: Sequence[FeedItem]) -> None:
        """Keep a read after ``position`` (every event after it up to the read's last) as a
        stretch, merged with those it meets; the lowest events dropped beyond ``kept``."""
        if not read:
            return
        stretches = self._stretches
        stretches.insert(bisect_right(stretches, position, key=_start), _Stretch(position, [*read]))
        merged = [stretches[0]]
        for stretch in stretches[1:]:
            last = merged[-1]
            if stretch.start <= last.end:  # they meet: each holds every event of its span
                last.items.extend(stretch.after(last.end))
            else:
                merged.append(stretch)
        self._stretches = merged
        self._drop_beyond_kept()

    def _drop_beyond_kept(self) -> None:
        excess = sum(len(s.items) for s in self._stretches) - self._kept
        while excess > 0:
            lowest = self._stretches[0]
            if len(lowest.items) <= excess:
                excess -= len(lowest.items)
                self._stretches.pop(0)
                continue
            lowest.start = lowest.items[excess - 1].cursor
            del lowest.items[:excess]
            excess = 0
