"""Everything a slot query needs, in one round trip: the artist (with its policy), the
service, the weekly rules, the overrides of the dates around the window, and the blocked
time of bookings active at ``now`` and of external calendars that overlap the window.

The catalogue part (artist, service, weekly rules) changes rarely and is read on every slot
search and booking, so each process remembers it per (artist, service) with the artist's
``catalog_version`` (moved by triggers on any change to the artist, their services or their
rules). A remembered entry is used only when the same statement that reads the bookings and
overrides sees the same version, so what the domain decides on is exactly what a full read
would have returned; when the version moved, the full query runs again (one more round
trip, once per change). The two statements are hand-tuned text
(``adapters.postgres.tuned.scheduling`` says why).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from adapters.postgres.catalog_rows import artist_of, service_of
from adapters.postgres.database import Connection
from adapters.postgres.tuned.scheduling import FULL_CONTEXT_SQL, KNOWN_CATALOGUE_SQL
from booking_domain.catalog import ArtistProfile, Service
from booking_domain.scheduling import (
    BusyTimeline,
    DateOverride,
    Interval,
    LocalWindow,
    Schedule,
    WeeklyRule,
)
from booking_domain.scheduling.ports import SchedulingContext, SchedulingReader
from booking_domain.shared import ArtistId, ServiceId

_DATE_MARGIN = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Catalogue:
    """An artist's profile, one of their services and their weekly rules, as of
    ``version`` (domain objects are immutable, so requests can share them)."""

    version: int
    artist: ArtistProfile
    service: Service
    rules: tuple[WeeklyRule, ...]


class CatalogueCache:
    """The catalogues this process read last, least recently used dropped first. One per
    process and database (the unit-of-work factory owns it); asyncio runs one request step
    at a time, so a plain ordered dict needs no lock."""

    def __init__(self, capacity: int = 4096) -> None:
        self._capacity = capacity
        self._entries: OrderedDict[tuple[ArtistId, ServiceId], Catalogue] = OrderedDict()

    def get(self, key: tuple[ArtistId, ServiceId]) -> Catalogue | None:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry

    def put(self, key: tuple[ArtistId, ServiceId], entry: Catalogue) -> None:
        self._entries[key] = entry
        self._entries.move_to_end(key)
        if len(self._entries) > self._capacity:
            self._entries.popitem(last=False)

    def discard(self, key: tuple[ArtistId, ServiceId]) -> None:
        self._entries.pop(key, None)


class PostgresSchedulingReader(SchedulingReader):
    def __init__(self, connection: Connection, cache: CatalogueCache) -> None:
        self._conn = connection
        self._cache = cache

    async def context(
        self, artist_id: ArtistId, service_id: ServiceId, window: Interval, now: datetime
    ) -> SchedulingContext | None:
        params = {
            "artist_id": artist_id,
            "service_id": service_id,
            "first": (window.start - _DATE_MARGIN).date(),
            "last": (window.end + _DATE_MARGIN).date(),
            # Two timestamps, not a Range: psycopg adapts ranges in Python, timestamps in C.
            "window_start": window.start,
            "window_end": window.end,
            "now": now,
        }
        key = (artist_id, service_id)
        known = self._cache.get(key)
        if known is not None:
            row = await self._fetch(KNOWN_CATALOGUE_SQL, params)
            if row is not None and row["catalog_version"] == known.version:
                return _context(known, row)
        row = await self._fetch(FULL_CONTEXT_SQL, params)
        if row is None:
            self._cache.discard(key)
            return None
        rules = map(WeeklyRule, row["days"], row["rule_starts"], row["rule_ends"])
        catalogue = Catalogue(
            row["catalog_version"], artist_of(row), service_of(row, "s_"), tuple(rules)
        )
        self._cache.put(key, catalogue)
        return _context(catalogue, row)

    async def _fetch(self, sql: str, params: dict[str, Any]) -> dict[str, Any] | None:
        return await (await self._conn.execute(sql, params)).fetchone()


def _context(catalogue: Catalogue, row: dict[str, Any]) -> SchedulingContext:
    overrides = (_override(on, windows) for on, windows in row["overrides"])
    return SchedulingContext(
        catalogue.artist,
        catalogue.service,
        Schedule(catalogue.rules, tuple(overrides)),
        # External calendars' spans block time but mark no appointment (the daily cap).
        BusyTimeline.of_epochs(
            row["lows"] + row["outside_lows"], row["highs"] + row["outside_highs"], row["starts"]
        ),
        has_expired_holds=row["expired_holds"],
    )


def _override(on: str, windows: list[list[int]]) -> DateOverride:
    return DateOverride(date.fromisoformat(on), tuple(LocalWindow(s, e) for s, e in windows))
