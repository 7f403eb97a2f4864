"""PostgreSQL: the free-starts projection (``booking_domain.search.free_starts``), the
refresher's place in the outbox's feed, and portfolio likes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from adapters.postgres.catalog_rows import artist_of, service_of
from adapters.postgres.database import OnConnection
from booking_domain.catalog.portfolio import PortfolioItemId
from booking_domain.scheduling import BusyTimeline, DateOverride, LocalWindow, Schedule, WeeklyRule
from booking_domain.search.free_starts import (
    ArtistCalendar,
    CalendarProjection,
    read_window,
)
from booking_domain.search.ports import (
    FeedPosition,
    FreeStartsProjection,
    PortfolioLikes,
    SearchFeedPosition,
)
from booking_domain.search.recommendations import SEEN_ENOUGH_LIKES, Taste
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import ArtistId, UserId

# Artists whose projection is out of date (their catalogue moved: a trigger keeps
# wanted_version) or no longer holds: two index range reads.
_DUE = """
(SELECT artist_id AS id FROM search_calendars WHERE catalog_version < wanted_version
  LIMIT %(limit)s)
UNION
(SELECT artist_id FROM search_calendars WHERE valid_until <= %(now)s
  ORDER BY valid_until LIMIT %(limit)s)
LIMIT %(limit)s
"""
# The version first: a change that lands between this and the reads below leaves the
# stored version behind the data, so the artist is simply computed once more.
_ARTIST = "SELECT * FROM artists WHERE id = %(artist_id)s"
_SERVICES = "SELECT * FROM services WHERE artist_id = %(artist_id)s AND active ORDER BY id"
_CALENDAR = """
SELECT (SELECT coalesce(jsonb_agg(jsonb_build_array(r.day, r.start_minute, r.end_minute)), '[]')
          FROM weekly_rules r WHERE r.artist_id = %(artist_id)s) AS rules,
       (SELECT coalesce(jsonb_agg(jsonb_build_array(o.on_date, o.windows)), '[]')
          FROM date_overrides o
         WHERE o.artist_id = %(artist_id)s AND o.on_date BETWEEN %(first)s AND %(last)s)
         AS overrides,
       coalesce(array_agg(extract(epoch FROM lower(b.blocked))::float8), '{}') AS lows,
       coalesce(array_agg(extract(epoch FROM upper(b.blocked))::float8), '{}') AS highs,
       coalesce(array_agg(extract(epoch FROM b.starts_at)::float8), '{}') AS starts,
       min(b.hold_expires_at) FILTER (WHERE b.status = 'pending') AS next_hold_expiry
  FROM (SELECT bk.blocked, bk.starts_at, bk.status, bk.hold_expires_at
          FROM bookings bk
         WHERE bk.artist_id = %(artist_id)s
           AND (bk.status = 'confirmed'
                OR (bk.status = 'pending' AND bk.hold_expires_at > %(now)s))
           AND bk.blocked && tstzrange(%(window_start)s, %(window_end)s, '[)')) AS b
"""
# wanted_version is the trigger's: a change during the computation leaves the artist due.
_STORE_CALENDAR = """
INSERT INTO search_calendars (artist_id, catalog_version, wanted_version, computed_at,
                              valid_until)
VALUES (%(artist_id)s, %(catalog_version)s, %(catalog_version)s, %(computed_at)s,
        %(valid_until)s)
ON CONFLICT (artist_id) DO UPDATE
   SET catalog_version = excluded.catalog_version, computed_at = excluded.computed_at,
       valid_until = excluded.valid_until, updated_at = now()
"""
_FORGET_STARTS = "DELETE FROM search_free_starts WHERE artist_id = %(artist_id)s"
_STORE_STARTS = """
INSERT INTO search_free_starts (artist_id, service_id, step_seconds, first_start, run_firsts,
                                run_lasts)
VALUES (%(artist_id)s, %(service_id)s, %(step)s, %(first)s, %(firsts)s::timestamptz[],
        %(lasts)s::timestamptz[])
"""


def _schedule(row: Mapping[str, Any]) -> Schedule:
    rules = tuple(WeeklyRule(day, start, end) for day, start, end in row["rules"])
    overrides = tuple(
        DateOverride(date.fromisoformat(on), tuple(LocalWindow(s, e) for s, e in windows))
        for on, windows in row["overrides"]
    )
    return Schedule(rules, overrides)


class PostgresFreeStartsProjection(OnConnection, FreeStartsProjection):
    async def due(self, now: datetime, limit: int) -> Sequence[ArtistId]:
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(_DUE, {"now": now, "limit": limit})
        ).fetchall()
        return [ArtistId(r["id"]) for r in rows]

    async def calendar(self, artist_id: ArtistId, now: datetime) -> ArtistCalendar | None:
        key = {"artist_id": artist_id}
        artist_row: Mapping[str, Any] | None = await (
            await self._conn.execute(_ARTIST, key)
        ).fetchone()
        if artist_row is None:
            return None
        services = await (await self._conn.execute(_SERVICES, key)).fetchall()
        window = read_window(now)
        params = {
            **key,
            "now": now,
            "window_start": window.start,
            "window_end": window.end,
            "first": window.start.date(),
            "last": window.end.date(),
        }
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(_CALENDAR, params)
        ).fetchone()
        assert row is not None  # an aggregate always answers
        return ArtistCalendar(
            artist=artist_of(artist_row),
            services=tuple(service_of(s) for s in services),
            schedule=_schedule(row),
            busy=BusyTimeline.of_epochs(row["lows"], row["highs"], row["starts"]),
            next_hold_expiry=row["next_hold_expiry"],
            catalog_version=artist_row["catalog_version"],
        )

    async def store(self, projection: CalendarProjection) -> None:
        key = {"artist_id": projection.artist_id}
        await self._conn.execute(
            _STORE_CALENDAR,
            {
                **key,
                "catalog_version": projection.catalog_version,
                "computed_at": projection.computed_at,
                "valid_until": projection.valid_until,
            },
        )
        await self._conn.execute(_FORGET_STARTS, key)
        for service in projection.services:
            await self._conn.execute(
                _STORE_STARTS,
                {
                    **key,
                    "service_id": service.service_id,
                    "step": service.step_seconds,
                    "first": service.first,
                    "firsts": [run.first for run in service.runs],
                    "lasts": [run.last for run in service.runs],
                },
            )

    async def offer_nothing(self, artist_id: ArtistId, now: datetime, until: datetime) -> None:
        key = {"artist_id": artist_id}
        await self._conn.execute(_FORGET_STARTS, key)
        await self._conn.execute(_OFFER_NOTHING, {**key, "now": now, "until": until})


_OFFER_NOTHING = """
UPDATE search_calendars
   SET catalog_version = wanted_version, computed_at = %(now)s, valid_until = %(until)s,
       updated_at = now()
 WHERE artist_id = %(artist_id)s
"""


SEARCH_LOCK = 0x696E6B7365617263  # "inksearc": one refresher at a time
_TAKE_TURN = "SELECT pg_try_advisory_xact_lock(%(lock)s::bigint) AS turn"
_POSITION = "SELECT after FROM search_feed_position WHERE name = 'free_starts'"
_ADVANCE = """
UPDATE search_feed_position SET after = %(after)s, updated_at = now()
 WHERE name = 'free_starts' AND (after IS NULL OR after < %(after)s)
"""


class PostgresSearchFeedPosition(OnConnection, SearchFeedPosition):
    async def claim(self) -> FeedPosition | None:
        turn = await (await self._conn.execute(_TAKE_TURN, {"lock": SEARCH_LOCK})).fetchone()
        if turn is None or not turn["turn"]:
            return None
        row = await (await self._conn.execute(_POSITION)).fetchone()
        after = None if row is None else row["after"]
        return FeedPosition(after if isinstance(after, str) else None)

    async def advance(self, cursor: str) -> None:
        moved = await self._conn.execute(_ADVANCE, {"after": cursor})
        if moved.rowcount != 1:
            raise ConflictError("The search feed position would move backwards.")


_VISIBLE_ITEM = """
SELECT 1 FROM portfolio_items p JOIN artists a ON a.id = p.artist_id
 WHERE p.id = %(item_id)s AND a.status = 'approved' AND NOT a.suspended
"""
_LIKE = """
WITH added AS (
    INSERT INTO portfolio_likes (item_id, user_id, created_at)
    VALUES (%(item_id)s, %(user_id)s, %(at)s) ON CONFLICT DO NOTHING RETURNING item_id)
UPDATE portfolio_items SET like_count = like_count + 1 WHERE id IN (SELECT item_id FROM added)
"""
_UNLIKE = """
WITH gone AS (
    DELETE FROM portfolio_likes WHERE item_id = %(item_id)s AND user_id = %(user_id)s
    RETURNING item_id)
UPDATE portfolio_items SET like_count = like_count - 1 WHERE id IN (SELECT item_id FROM gone)
"""
_TASTE = """
SELECT (SELECT coalesce(jsonb_object_agg(tag, n), '{}') FROM (
          SELECT t.tag, count(*) AS n
            FROM portfolio_likes l JOIN portfolio_items p ON p.id = l.item_id,
                 unnest(p.style_tags) AS t(tag)
           WHERE l.user_id = %(user_id)s GROUP BY t.tag) liked) AS liked,
       (SELECT coalesce(jsonb_object_agg(style, n), '{}') FROM (
          SELECT st.style, count(*) AS n
            FROM bookings b JOIN artists a ON a.id = b.artist_id, unnest(a.styles) AS st(style)
           WHERE b.customer_id = %(user_id)s AND b.status IN ('confirmed', 'completed')
           GROUP BY st.style) booked) AS booked,
       (SELECT coalesce(a.city, s.city) FROM bookings b JOIN artists a ON a.id = b.artist_id
               LEFT JOIN studios s ON s.id = a.studio_id
         WHERE b.customer_id = %(user_id)s ORDER BY b.created_at DESC LIMIT 1) AS city,
       ARRAY(SELECT DISTINCT b.artist_id FROM bookings b
              WHERE b.customer_id = %(user_id)s AND b.status IN ('confirmed', 'completed')
             UNION
             SELECT p.artist_id FROM portfolio_likes l JOIN portfolio_items p ON p.id = l.item_id
              WHERE l.user_id = %(user_id)s GROUP BY p.artist_id
             HAVING count(*) >= %(seen_enough)s) AS seen_enough
"""


class PostgresPortfolioLikes(OnConnection, PortfolioLikes):
    async def is_visible(self, item_id: PortfolioItemId) -> bool:
        found = await (await self._conn.execute(_VISIBLE_ITEM, {"item_id": item_id})).fetchone()
        return found is not None

    async def like(self, item_id: PortfolioItemId, user_id: UserId, at: datetime) -> None:
        await self._conn.execute(_LIKE, {"item_id": item_id, "user_id": user_id, "at": at})

    async def unlike(self, item_id: PortfolioItemId, user_id: UserId) -> None:
        await self._conn.execute(_UNLIKE, {"item_id": item_id, "user_id": user_id})

    async def taste(self, user_id: UserId) -> Taste:
        params = {"user_id": user_id, "seen_enough": SEEN_ENOUGH_LIKES}
        row: Mapping[str, Any] | None = await (await self._conn.execute(_TASTE, params)).fetchone()
        assert row is not None
        return Taste(
            liked=Counter(row["liked"]),
            booked=Counter(row["booked"]),
            city=row["city"],
            seen_enough=frozenset(ArtistId(a) for a in row["seen_enough"]),
        )
