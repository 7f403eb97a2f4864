"""PostgreSQL external calendars, their busy spans, and the refresh queue.

A calendar's feed URL is stored sealed by the ``SecretBox`` (never in the clear). A fetch's
spans replace the calendar's set with two statements in the unit of work's transaction (a
delete, then one insert of every span from two arrays), so readers see the old set or the
new one. Refresh jobs are procrastinate jobs deferred on the unit of work's connection: the
calendar and its first fetch commit or vanish together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from procrastinate import jobs as job_states
from procrastinate.manager import JobManager
from psycopg.types.range import Range
from sqlalchemy import bindparam, delete, func, insert, or_, select, update

from adapters.postgres.database import Connection, OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.external_calendars import external_busy, external_calendars
from adapters.postgres.tuned.external_calendars import BUSY, STORE_SPANS
from booking_domain.scheduling import ExternalCalendar, ExternalCalendarId, FetchOutcome, Interval
from booking_domain.scheduling.external import REFRESH_EVERY
from booking_domain.scheduling.ports import CalendarRefreshQueue, ExternalCalendarRepository
from booking_domain.shared import ArtistId, SecretBox

REFRESH_CALENDAR_TASK = "inkslot:refresh_external_calendar"  # entrypoints/worker/scheduling.py
CALENDAR_QUEUE = "calendars"

_C = external_calendars
_X = external_busy
_INSERT = Statement(
    lambda: insert(_C).values({c.name: bindparam(c.name) for c in _C.c if c.name != "updated_at"})
)
_BY_ID = Statement(lambda: select(_C).where(_C.c.id == bindparam("id")))
_OF_ARTIST = Statement(
    lambda: (
        select(_C)
        .where(_C.c.artist_id == bindparam("artist_id"))
        .order_by(_C.c.created_at, _C.c.id)
    )
)
_DELETE = Statement(lambda: delete(_C).where(_C.c.id == bindparam("id")))  # spans cascade
_DUE = Statement(
    lambda: (
        select(_C)
        .where(or_(_C.c.fetched_at.is_(None), _C.c.fetched_at <= bindparam("before")))
        .order_by(_C.c.fetched_at.asc().nulls_first(), _C.c.id)
        .limit(bindparam("limit"))
    )
)
_RECORD = Statement(
    lambda: (
        update(_C)
        .where(_C.c.id == bindparam("id"))
        .values(
            fetched_at=bindparam("fetched_at"),
            busy_count=bindparam("busy_count"),
            fetch_error=bindparam("fetch_error"),
            updated_at=func.now(),
        )
    )
)
_FORGET_SPANS = Statement(lambda: delete(_X).where(_X.c.calendar_id == bindparam("id")))


def _row(c: ExternalCalendar, box: SecretBox) -> dict[str, Any]:
    fetch = c.last_fetch
    return {
        "id": c.id, "artist_id": c.artist_id, "name": c.name, "url": box.seal(c.url),
        "fetched_at": fetch.at if fetch else None, "busy_count": fetch.busy_count if fetch else 0,
        "fetch_error": fetch.error if fetch else None, "created_at": c.created_at,
    }  # fmt: skip


def _calendar(row: Mapping[str, Any], box: SecretBox) -> ExternalCalendar:
    fetched_at = row["fetched_at"]
    outcome = (
        None
        if fetched_at is None
        else FetchOutcome(fetched_at, row["busy_count"], row["fetch_error"])
    )
    return ExternalCalendar(
        id=ExternalCalendarId(row["id"]),
        artist_id=ArtistId(row["artist_id"]),
        name=row["name"],
        url=box.open(row["url"]),
        created_at=row["created_at"],
        last_fetch=outcome,
    )


class PostgresExternalCalendarRepository(OnConnection, ExternalCalendarRepository):
    def __init__(self, connection: Connection, secrets: SecretBox) -> None:
        super().__init__(connection)
        self._box = secrets

    async def add(self, calendar: ExternalCalendar) -> None:
        await self._conn.execute(_INSERT.text, _row(calendar, self._box))

    async def get(self, calendar_id: ExternalCalendarId) -> ExternalCalendar | None:
        row = await (await self._conn.execute(_BY_ID.text, {"id": calendar_id})).fetchone()
        return _calendar(row, self._box) if row else None

    async def of_artist(self, artist_id: ArtistId) -> tuple[ExternalCalendar, ...]:
        cursor = await self._conn.execute(_OF_ARTIST.text, {"artist_id": artist_id})
        return tuple(_calendar(r, self._box) for r in await cursor.fetchall())

    async def remove(self, calendar_id: ExternalCalendarId) -> None:
        await self._conn.execute(_DELETE.text, {"id": calendar_id})

    async def due(self, now: datetime, limit: int) -> tuple[ExternalCalendar, ...]:
        params = {"before": now - REFRESH_EVERY, "limit": limit}
        cursor = await self._conn.execute(_DUE.text, params)
        return tuple(_calendar(r, self._box) for r in await cursor.fetchall())

    async def record_fetch(
        self,
        calendar_id: ExternalCalendarId,
        outcome: FetchOutcome,
        spans: Sequence[Interval] | None,
    ) -> None:
        params = {
            "id": calendar_id,
            "fetched_at": outcome.at,
            "busy_count": outcome.busy_count,
            "fetch_error": outcome.error,
        }
        await self._conn.execute(_RECORD.text, params)
        if spans is None:
            return
        await self._conn.execute(_FORGET_SPANS.text, {"id": calendar_id})
        if spans:
            lows = [s.start for s in spans]
            highs = [s.end for s in spans]
            await self._conn.execute(STORE_SPANS, {"id": calendar_id, "lows": lows, "highs": highs})

    async def busy(self, artist_id: ArtistId, window: Interval) -> tuple[Interval, ...]:
        params = {"artist_id": artist_id, "low": window.start, "high": window.end}
        rows = await (await self._conn.execute(BUSY, params)).fetchall()
        spans = [r["span"] for r in rows]
        return tuple(
            Interval(s.lower, s.upper)
            for s in spans
            if isinstance(s, Range) and s.lower and s.upper
        )


class ProcrastinateCalendarRefreshQueue(CalendarRefreshQueue):
    def __init__(self, manager: JobManager, connection: Connection) -> None:
        self._manager = manager
        self._conn = connection

    async def refresh_soon(self, calendar_id: ExternalCalendarId) -> None:
        job = job_states.Job(
            id=None,
            lock=None,
            queueing_lock=None,
            task_name=REFRESH_CALENDAR_TASK,
            queue=CALENDAR_QUEUE,
            task_kwargs={"calendar_id": str(calendar_id)},
        )
        await self._manager.batch_defer_jobs_async([job], connection=self._conn)
