"""Analytics' read port on PostgreSQL: the daily rollup (``analytics_days``, kept by the
triggers of migration 0037) for the sums, the bookings themselves for what does not add up
by day (customers, repeat customers, top services), and the artist's rules and overrides.

The platform's question is one statement over the rollup and its folded summaries; only
the top artists' names are read after it. The statements are hand-written, in
``tuned/analytics.py``, which says why.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any
from uuid import UUID

from adapters.postgres.database import OnConnection
from adapters.postgres.tuned.analytics import (
    ARTIST_DAYS,
    BY_METHOD,
    FOLD,
    NAMES,
    OVERRIDES,
    PARTIES,
    PLATFORM,
    RULES,
    SUMMARY_ALL,
    SUMMARY_IN_CITY,
)
from booking_domain.analytics import (
    TOP_ARTISTS,
    AnalyticsReader,
    ArtistDays,
    Breakdown,
    DateRange,
    MethodRevenue,
    PlatformDays,
    PlatformFilter,
    Revenue,
    ServiceCount,
    Tally,
    sum_of,
)
from booking_domain.scheduling import DateOverride, LocalWindow, Schedule, WeeklyRule
from booking_domain.shared.ids import ArtistId, ServiceId


def _int(value: object) -> int:
    assert isinstance(value, int)  # bigint and smallint columns, counts
    return value


def _uuid(value: object) -> UUID:
    assert isinstance(value, UUID)
    return value


def _date(value: object) -> date:
    assert isinstance(value, date)
    return value


def _windows(value: object) -> tuple[LocalWindow, ...]:
    """An override's stored windows: ``[[start_minute, end_minute], ...]``."""
    assert isinstance(value, list)
    return tuple(LocalWindow(int(start), int(end)) for start, end in value)


def _tally(row: Mapping[str, Any]) -> Tally:
    money = Revenue(
        str(row["currency"]),
        int(row["deposits_paid"]),
        int(row["balances_paid"]),
        int(row["refunded"]),
        int(row["awaiting_settlement"]),
    )
    return Tally(
        int(row["bookings"]),
        int(row["booked_seconds"]),
        int(row["cancelled"]),
        int(row["no_shows"]),
        int(row["lead_seconds"]),
        () if money.is_zero else (money,),
    )


def _by_key(rows: Iterable[tuple[Any, Tally]]) -> dict[Any, Tally]:
    """One tally per key (the rows are one per key and currency)."""
    grouped: dict[Any, list[Tally]] = {}
    for key, tally in rows:
        grouped.setdefault(key, []).append(tally)
    return {key: sum_of(tallies) for key, tallies in grouped.items()}


class PostgresAnalyticsReader(OnConnection, AnalyticsReader):
    async def artist_days(self, artist_id: ArtistId, time_zone: str, span: DateRange) -> ArtistDays:
        params = {"artist": artist_id, "first": span.first, "last": span.last, "tz": time_zone}
        days = await (await self._conn.execute(ARTIST_DAYS, params)).fetchall()
        parties = await (await self._conn.execute(PARTIES, params)).fetchall()
        rules = await (await self._conn.execute(RULES, params)).fetchall()
        overrides = await (await self._conn.execute(OVERRIDES, params)).fetchall()
        methods = await (await self._conn.execute(BY_METHOD, params)).fetchall()
        schedule = Schedule(
            tuple(
                WeeklyRule(_int(r["day"]), _int(r["start_minute"]), _int(r["end_minute"]))
                for r in rules
            ),
            tuple(DateOverride(_date(r["on_date"]), _windows(r["windows"])) for r in overrides),
        )
        counts = parties[0]  # the parties' aggregate always has its one row
        return ArtistDays(
            time_zone,
            tuple((_date(r["day"]), _tally(r)) for r in days),
            schedule,
            _int(counts["customers"]),
            _int(counts["repeat_customers"]),
            tuple(
                ServiceCount(ServiceId(_uuid(r["id"])), str(r["name"]), _int(r["n"]))
                for r in parties
                if r["id"] is not None
            ),
            tuple(
                MethodRevenue(
                    str(r["currency"]),
                    str(r["method"]),
                    _int(r["received"]),
                    _int(r["given_back"]),
                )
                for r in methods
            ),
        )

    async def platform_days(self, span: DateRange, where: PlatformFilter) -> PlatformDays:
        params = {
            "first": span.first,
            "last": span.last,
            "artist": where.artist_id,
            "city": where.city,
        }
        # One artist's rows are few: read straight from the rollup.
        if where.artist_id is not None:
            query = PLATFORM
        else:
            query = SUMMARY_ALL if where.city is None else SUMMARY_IN_CITY
        rows = await (await self._conn.execute(query, params)).fetchall()
        days = [(_date(r["day"]), _tally(r)) for r in rows if r["by_day"]]
        cities = _by_key((r["city"], _tally(r)) for r in rows if r["by_city"])
        artists = _by_key(
            (r["artist_id"], _tally(r)) for r in rows if not r["by_day"] and not r["by_city"]
        )
        top = sorted(artists.items(), key=lambda kv: (-kv[1].bookings, str(kv[0])))[:TOP_ARTISTS]
        names = await self._names([artist for artist, _ in top])
        return PlatformDays(
            tuple(days),
            tuple(Breakdown(str(c), str(c), t) for c, t in sorted(cities.items())),
            tuple(Breakdown(str(a), names.get(a, ""), t) for a, t in top),
        )

    async def fold(self) -> int:
        row = await (await self._conn.execute(FOLD)).fetchone()
        return 0 if row is None else _int(row["folded"])

    async def _names(self, ids: list[UUID]) -> dict[UUID, str]:
        if not ids:
            return {}
        rows = await (await self._conn.execute(NAMES, {"ids": ids})).fetchall()
        return {_uuid(r["id"]): str(r["display_name"]) for r in rows}
