"""Everything a slot query needs, in one round trip: the artist (with its policy), the
service, the weekly rules, the overrides of the dates around the window, and the blocked
time of bookings active at ``now`` that overlap the window."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from adapters.postgres.catalog_rows import artist_of, service_of
from adapters.postgres.database import Connection
from booking_domain.availability import DateOverride, LocalWindow, Schedule, WeeklyRule
from booking_domain.ids import ArtistId, ServiceId
from booking_domain.ports import SchedulingContext
from booking_domain.slots import Interval
from booking_domain.timeline import BusyTimeline

_DATE_MARGIN = timedelta(days=1)

# The bookings predicate repeats the exclusion constraint's WHERE clause, so the GiST index
# behind ex_bookings_artist_blocked serves the (artist_id =, blocked &&) search.
_CONTEXT = """
SELECT a.*,
       s.id AS s_id, s.artist_id AS s_artist_id, s.name AS s_name,
       s.duration_minutes AS s_duration_minutes,
       s.buffer_before_minutes AS s_buffer_before_minutes,
       s.buffer_after_minutes AS s_buffer_after_minutes,
       s.price_amount AS s_price_amount, s.currency AS s_currency,
       s.deposit_kind AS s_deposit_kind, s.deposit_value AS s_deposit_value,
       s.requires_approval AS s_requires_approval, s.active AS s_active,
       rules.days, rules.starts AS rule_starts, rules.ends AS rule_ends,
       (SELECT coalesce(jsonb_agg(jsonb_build_array(o.on_date, o.windows)), '[]')
          FROM date_overrides o
         WHERE o.artist_id = a.id AND o.on_date BETWEEN %(first)s AND %(last)s) AS overrides,
       busy.lows, busy.highs, busy.starts, busy.expired_holds
  FROM artists a
  JOIN services s ON s.id = %(service_id)s AND s.artist_id = a.id
  CROSS JOIN LATERAL (
        -- Three parallel int arrays (aggregated over the same rows, so in the same order):
        -- psycopg parses them in C, where JSON would be parsed in Python.
        SELECT coalesce(array_agg(r.day), '{}') AS days,
               coalesce(array_agg(r.start_minute), '{}') AS starts,
               coalesce(array_agg(r.end_minute), '{}') AS ends
          FROM weekly_rules r WHERE r.artist_id = a.id) AS rules
  CROSS JOIN LATERAL (
        -- Epoch seconds as float8: psycopg parses float arrays in C, ranges in Python.
        SELECT coalesce(array_agg(extract(epoch FROM lower(b.blocked))::float8)
                        FILTER (WHERE b.active), '{}') AS lows,
               coalesce(array_agg(extract(epoch FROM upper(b.blocked))::float8)
                        FILTER (WHERE b.active), '{}') AS highs,
               coalesce(array_agg(extract(epoch FROM b.starts_at)::float8)
                        FILTER (WHERE b.active), '{}') AS starts,
               coalesce(bool_or(NOT b.active), false) AS expired_holds
          FROM (SELECT bk.blocked, bk.starts_at,
                       bk.status = 'confirmed' OR bk.hold_expires_at > %(now)s AS active
                  FROM bookings bk
                 WHERE bk.artist_id = a.id AND bk.status IN ('pending', 'confirmed')
                   AND bk.blocked && tstzrange(%(window_start)s, %(window_end)s, '[)')) AS b
       ) AS busy
 WHERE a.id = %(artist_id)s
"""


class PostgresSchedulingReader:
    def __init__(self, connection: Connection) -> None:
        self._conn = connection

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
        row = await (await self._conn.execute(_CONTEXT, params)).fetchone()
        if row is None:
            return None
        rules = map(WeeklyRule, row["days"], row["rule_starts"], row["rule_ends"])
        overrides = (_override(on, windows) for on, windows in row["overrides"])
        busy = BusyTimeline.of_epochs(row["lows"], row["highs"], row["starts"])
        return SchedulingContext(
            artist_of(row),
            service_of(row, "s_"),
            Schedule(tuple(rules), tuple(overrides)),
            busy,
            has_expired_holds=row["expired_holds"],
        )


def _override(on: str, windows: list[list[int]]) -> DateOverride:
    return DateOverride(date.fromisoformat(on), tuple(LocalWindow(s, e) for s, e in windows))
