"""In-memory external calendars, their busy spans, and the refresh queue.

The queue keeps the ids of calendars whose fetch was asked for (``calendar_refresh_jobs``):
nothing runs them in memory; a test or an embedding service drains them with ``queued``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.scheduling import ExternalCalendar, ExternalCalendarId, FetchOutcome, Interval
from booking_domain.scheduling.ports import CalendarRefreshQueue, ExternalCalendarRepository
from booking_domain.shared import ArtistId

CALENDAR_REFRESH_JOBS = "calendar_refresh_jobs"
_job_numbers = itertools.count(1)


class InMemoryExternalCalendarRepository(
    TableRepository[ExternalCalendarId, ExternalCalendar], ExternalCalendarRepository
):
    def __init__(
        self,
        calendars: StagedTable[ExternalCalendarId, ExternalCalendar],
        spans: StagedTable[ExternalCalendarId, tuple[Interval, ...]],
    ) -> None:
        super().__init__(calendars)
        self._spans = spans

    async def add(self, calendar: ExternalCalendar) -> None:
        self._rows.put(calendar.id, calendar)

    async def get(self, calendar_id: ExternalCalendarId) -> ExternalCalendar | None:
        return self._rows.get(calendar_id)

    async def of_artist(self, artist_id: ArtistId) -> tuple[ExternalCalendar, ...]:
        mine = (c for c in self._rows.values() if c.artist_id == artist_id)
        return tuple(sorted(mine, key=lambda c: (c.created_at, c.id)))

    async def remove(self, calendar_id: ExternalCalendarId) -> None:
        self._rows.delete(calendar_id)
        self._spans.delete(calendar_id)

    async def due(self, now: datetime, limit: int) -> tuple[ExternalCalendar, ...]:
        waiting = [c for c in self._rows.values() if c.due(now)]
        waiting.sort(key=lambda c: (c.last_fetch is not None, c.last_fetch and c.last_fetch.at))
        return tuple(waiting[:limit])

    async def record_fetch(
        self,
        calendar_id: ExternalCalendarId,
        outcome: FetchOutcome,
        spans: Sequence[Interval] | None,
    ) -> None:
        calendar = self._rows.get(calendar_id)
        if calendar is None:
            return
        self._rows.put(calendar_id, calendar.fetched(outcome))
        if spans is not None:
            self._spans.put(calendar_id, tuple(spans))

    async def busy(self, artist_id: ArtistId, window: Interval) -> tuple[Interval, ...]:
        mine = {c.id for c in self._rows.values() if c.artist_id == artist_id}
        found = [
            span
            for calendar_id in mine
            for span in self._spans.get(calendar_id) or ()
            if span.overlaps(window)
        ]
        return tuple(sorted(found, key=lambda s: (s.start, s.end)))


class InMemoryCalendarRefreshQueue(TableRepository[int, ExternalCalendarId], CalendarRefreshQueue):
    async def refresh_soon(self, calendar_id: ExternalCalendarId) -> None:
        self._rows.put(next(_job_numbers), calendar_id)

    def queued(self) -> list[ExternalCalendarId]:
        """The calendars queued for a fetch, in the order queued."""
        return list(self._rows.values())
