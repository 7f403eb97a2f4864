"""Analytics' read port on PostgreSQL: the daily rollup (``analytics_days``, kept by the
triggers of migration 0037) for the sums, the bookings themselves for what does not add up
by day (customers, repeat customers, top services), and the artist's rules and overrides.

The platform's question is one scan of the rollup's range with three grouping sets (by
date, by city, by artist); only the top artists' names are read after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any
from uuid import UUID

from adapters.postgres.database import OnConnection
from booking_domain.analytics import (
    TOP_ARTISTS,
    TOP_SERVICES,
    AnalyticsReader,
    ArtistDays,
    Breakdown,
    DateRange,
    PlatformDays,
    PlatformFilter,
    Revenue,
    ServiceCount,
    Tally,
    sum_of,
)
from booking_domain.scheduling import DateOverride, LocalWindow, Schedule, WeeklyRule
from booking_domain.shared.ids import ArtistId, ServiceId

_SUMS = (
    "bookings", "booked_seconds", "cancelled", "no_shows", "lead_seconds",
    "deposits_paid", "balances_paid", "refunded", "awaiting_settlement",
)  # fmt: skip
_SUMMED = ", ".join(f"sum(d.{c})::bigint AS {c}" for c in _SUMS)

_ARTIST_DAYS = f"""
SELECT d.day, d.currency, {_SUMMED} FROM analytics_days d
WHERE d.artist_id = %(artist)s AND d.day BETWEEN %(first)s AND %(last)s
GROUP BY d.day, d.currency
"""  # noqa: S608 - constants only, values are bound
# The counted bookings starting on the range's local dates: an index range on the start
# (a day wider on each side, whatever the zone), then the exact local date.
_IN_RANGE = """
    b.artist_id = %(artist)s
    AND b.starts_at >= (%(first)s::date - 2)::timestamp AT TIME ZONE 'UTC'
    AND b.starts_at < (%(last)s::date + 3)::timestamp AT TIME ZONE 'UTC'
    AND (b.starts_at AT TIME ZONE %(tz)s)::date BETWEEN %(first)s AND %(last)s
    AND b.status <> 'pending'
    AND b.offer IS DISTINCT FROM 'offered'
    AND NOT (b.status = 'cancelled' AND b.cancellation_reason IS NOT DISTINCT FROM 'expired')
"""
# One pass over the range's bookings: the customers, the repeat ones, and the top services
# (one row each, or one row with no service when there are none).
_PARTIES = f"""
WITH inside AS MATERIALIZED (
    SELECT coalesce(b.customer_id, b.client_id) AS who, b.service_id FROM bookings b
    WHERE {_IN_RANGE}
), parties AS (
    SELECT count(*) AS customers, count(*) FILTER (WHERE n > 1) AS repeat_customers
    FROM (SELECT who, count(*) AS n FROM inside GROUP BY who) AS p
), top AS (
    SELECT service_id, count(*) AS n FROM inside GROUP BY service_id
    ORDER BY n DESC, service_id LIMIT {TOP_SERVICES}
)
SELECT parties.customers, parties.repeat_customers, s.id, s.name, top.n
FROM parties LEFT JOIN (top JOIN services s ON s.id = top.service_id) ON true
ORDER BY top.n DESC NULLS LAST, s.id
"""  # noqa: S608 - constants only, values are bound
_RULES = "SELECT day, start_minute, end_minute FROM weekly_rules WHERE artist_id = %(artist)s"
_OVERRIDES = """
SELECT on_date, windows FROM date_overrides
WHERE artist_id = %(artist)s AND on_date BETWEEN %(first)s AND %(last)s
"""
_PLATFORM = f"""
SELECT GROUPING(d.day) = 0 AS by_day, GROUPING(a.city) = 0 AS by_city,
       d.day, coalesce(a.city, '') AS city, d.artist_id, d.currency, {_SUMMED}
FROM analytics_days d JOIN artists a ON a.id = d.artist_id
WHERE d.day BETWEEN %(first)s AND %(last)s
  AND (%(artist)s::uuid IS NULL OR d.artist_id = %(artist)s::uuid)
  AND (%(city)s::text IS NULL OR lower(a.city) = lower(%(city)s::text))
GROUP BY GROUPING SETS ((d.day, d.currency), (a.city, d.currency), (d.artist_id, d.currency))
"""  # noqa: S608 - constants only, values are bound
# Without an artist, the summaries the worker folds (migration 0038) plus the differences
# of the rollup rows changed since (their current figures less their folded copies): exact
# at every commit, and small while the worker keeps up.
_NEG = ", ".join(f"-f.{c}" for c in _SUMS)
_OF_D = ", ".join(f"d.{c}" for c in _SUMS)
_OF_S = ", ".join(f"s.{c}" for c in _SUMS)
_UNFOLDED = f"""
unfolded AS MATERIALIZED (
    SELECT coalesce(a.city, '') AS city, d.day, d.artist_id, d.currency, {_OF_D}
    FROM analytics_days d JOIN artists a ON a.id = d.artist_id
    WHERE d.changed AND d.day BETWEEN %(first)s AND %(last)s
    UNION ALL
    SELECT f.city, f.day, f.artist_id, f.currency, {_NEG}
    FROM analytics_days d JOIN analytics_days_folded f USING (artist_id, day, currency)
    WHERE d.changed AND d.day BETWEEN %(first)s AND %(last)s
)"""  # noqa: S608 - constants only
_PICKED = "(%(city)s::text IS NULL OR lower({c}) = lower(%(city)s::text))"
# Each artist's range: the years wholly inside it from the yearly summary, the other months
# wholly inside it from the monthly one, both plus their unfolded differences, and the dates
# of the clipped months at its ends from the rollup; each part an index range. [lo, hi) of
# whole units: lo the first unit start on or after `first`, hi the first after `last`.
_LO = "(date_trunc('{u}', %(first)s::date - 1) + interval '1 {u}')::date"
_HI = "date_trunc('{u}', %(last)s::date + 1)::date"
_M_LO, _M_HI = _LO.format(u="month"), _HI.format(u="month")
_Y_LO, _Y_HI = _LO.format(u="year"), _HI.format(u="year")
_WHOLE = f"{{m}} >= {_M_LO} AND {{m}} < {_M_HI}"
_MONTH = "date_trunc('month', {d})::date"


def _around(column: str, lo: str, hi: str, first: str, last_: str) -> tuple[str, str]:
    """The parts of [first, last_) outside [lo, hi) (all of it when lo >= hi), as two
    ranges of ``column``."""
    return (
        f"{column} >= {first} AND {column} < least({lo}, {last_})",
        f"{column} >= greatest({hi}, {lo}) AND {column} < {last_}",
    )


def _artists_range(columns: tuple[str, ...], only: bool) -> str:
    """Each artist's rows of the range (``columns`` of them; ``only`` the ranked ones)."""
    months = _around("m.month", _Y_LO, _Y_HI, _M_LO, _M_HI)
    days = _around("r.day", _M_LO, _M_HI, "%(first)s::date", "%(last)s::date + 1")

    def of(t: str) -> str:
        return ", ".join(f"{t}.{c}" for c in columns)

    def also(t: str) -> str:
        return f" AND {t}.artist_id IN (SELECT artist_id FROM ranked)" if only else ""  # noqa: S608

    return f"""
        SELECT y.artist_id, y.currency, {of("y")} FROM analytics_artist_years y
        WHERE y.year >= {_Y_LO} AND y.year < {_Y_HI}{also("y")}
        UNION ALL
        SELECT m.artist_id, m.currency, {of("m")} FROM analytics_artist_months m
        WHERE {months[0]}{also("m")}
        UNION ALL
        SELECT m.artist_id, m.currency, {of("m")} FROM analytics_artist_months m
        WHERE {months[1]}{also("m")}
        UNION ALL
        SELECT u.artist_id, u.currency, {of("u")} FROM unfolded u
        WHERE {_WHOLE.format(m=_MONTH.format(d="u.day"))}{also("u")}
        UNION ALL
        SELECT r.artist_id, r.currency, {of("r")} FROM analytics_days r
        WHERE {days[0]}{also("r")}
        UNION ALL
        SELECT r.artist_id, r.currency, {of("r")} FROM analytics_days r
        WHERE {days[1]}{also("r")}
    """  # noqa: S608 - constants only


# Ranking every artist of the range reads only the rollup's covering date index (migration
# 0039); their cities are joined in only when the question names one.
_RANKED_ALL = f"""
    SELECT d.artist_id FROM ({_artists_range(("bookings",), only=False)}) AS d
    GROUP BY d.artist_id"""  # noqa: S608 - constants only
_RANKED_IN_CITY = f"""
    SELECT d.artist_id FROM ({_artists_range(("bookings",), only=False)}) AS d
    JOIN artists a ON a.id = d.artist_id
    WHERE {_PICKED.format(c="coalesce(a.city, '')")}
    GROUP BY d.artist_id"""  # noqa: S608 - constants only


def _summary(ranked: str) -> str:
    """One statement (one snapshot): the same rows as _PLATFORM's grouping sets, but only the
    top artists' (ranked by bookings in SQL first, then summed in full for those few)."""
    return f"""
WITH {_UNFOLDED}, places AS (
    SELECT GROUPING(d.day) = 0 AS by_day, d.day, d.city, d.currency, {_SUMMED} FROM (
        SELECT s.city, s.day, s.currency, {_OF_S} FROM analytics_city_days s
        WHERE s.day BETWEEN %(first)s AND %(last)s
        UNION ALL
        SELECT u.city, u.day, u.currency, {", ".join(f"u.{c}" for c in _SUMS)} FROM unfolded u
    ) AS d
    WHERE {_PICKED.format(c="d.city")}
    GROUP BY GROUPING SETS ((d.day, d.currency), (d.city, d.currency))
), ranked AS ({ranked}
    ORDER BY sum(d.bookings) DESC, d.artist_id::text COLLATE "C"
    LIMIT {TOP_ARTISTS}
), people AS (
    SELECT d.artist_id, d.currency, {_SUMMED} FROM ({_artists_range(_SUMS, only=True)}) AS d
    GROUP BY d.artist_id, d.currency
)
SELECT p.by_day, NOT p.by_day AS by_city, p.day, p.city, NULL::uuid AS artist_id, p.currency,
       {", ".join(f"p.{c}" for c in _SUMS)}
FROM places p
UNION ALL
SELECT false, false, NULL::date, '', q.artist_id, q.currency, {", ".join(f"q.{c}" for c in _SUMS)}
FROM people q
"""  # noqa: S608 - constants only, values are bound


_SUMMARY_ALL, _SUMMARY_IN_CITY = _summary(_RANKED_ALL), _summary(_RANKED_IN_CITY)
_NAMES = "SELECT id, display_name FROM artists WHERE id = ANY(%(ids)s)"


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
        days = await (await self._conn.execute(_ARTIST_DAYS, params)).fetchall()
        parties = await (await self._conn.execute(_PARTIES, params)).fetchall()
        rules = await (await self._conn.execute(_RULES, params)).fetchall()
        overrides = await (await self._conn.execute(_OVERRIDES, params)).fetchall()
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
            query = _PLATFORM
        else:
            query = _SUMMARY_ALL if where.city is None else _SUMMARY_IN_CITY
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
        row = await (await self._conn.execute("SELECT analytics_fold() AS folded")).fetchone()
        return 0 if row is None else _int(row["folded"])

    async def _names(self, ids: list[UUID]) -> dict[UUID, str]:
        if not ids:
            return {}
        rows = await (await self._conn.execute(_NAMES, {"ids": ids})).fetchall()
        return {_uuid(r["id"]): str(r["display_name"]) for r in rows}
