"""The free-starts projection's reads (``free_starts.py`` sends them): which artists are
due for computing, and an artist's calendar for it.

Why text (docs/performance.md, "Search"): the refresher looks every 100 ms, so the due
artists are found by two index range reads, written as the union of two limited
subqueries: the partial index of artists whose catalogue moved (``catalog_version <
wanted_version``, kept by a trigger) and the ``valid_until`` index; comparing every
artist's version instead took 43 ms a look, 40 % of a core. The calendar read is the slot
query's sibling: the rules and the window's overrides as JSON aggregates, and the busy time
as ``float8`` epoch arrays psycopg parses in C, over the active bookings and the external
calendars' spans that overlap the window, in one round trip (an artist is computed in 2-3
ms: this read, ``free_slots`` over 31 days per service, one write). Core would leave the
union's per-branch limits and the aggregates' exact forms implicit in builder calls.
"""

from __future__ import annotations

# Artists whose projection is out of date (their catalogue moved: a trigger keeps
# wanted_version) or no longer holds: two index range reads.
DUE = """
(SELECT artist_id AS id FROM search_calendars WHERE catalog_version < wanted_version
  LIMIT %(limit)s)
UNION
(SELECT artist_id FROM search_calendars WHERE valid_until <= %(now)s
  ORDER BY valid_until LIMIT %(limit)s)
LIMIT %(limit)s
"""
# The rules, the window's overrides and the busy time of one artist (read after the artist's
# row, whose version comes first: a change landing between them leaves the stored version
# behind the data, so the artist is simply computed once more).
CALENDAR = """
SELECT (SELECT coalesce(jsonb_agg(jsonb_build_array(r.day, r.start_minute, r.end_minute)), '[]')
          FROM weekly_rules r WHERE r.artist_id = %(artist_id)s) AS rules,
       (SELECT coalesce(jsonb_agg(jsonb_build_array(o.on_date, o.windows)), '[]')
          FROM date_overrides o
         WHERE o.artist_id = %(artist_id)s AND o.on_date BETWEEN %(first)s AND %(last)s)
         AS overrides,
       coalesce(array_agg(extract(epoch FROM lower(b.blocked))::float8), '{}') AS lows,
       coalesce(array_agg(extract(epoch FROM upper(b.blocked))::float8), '{}') AS highs,
       coalesce(array_agg(extract(epoch FROM b.starts_at)::float8), '{}') AS starts,
       min(b.hold_expires_at) FILTER (WHERE b.status = 'pending') AS next_hold_expiry,
       -- External calendars' busy spans: blocked time but no appointment (no daily-cap
       -- mark), as in the slot query; a change of them makes the artist due (migration 0041).
       (SELECT coalesce(array_agg(extract(epoch FROM lower(x.span))::float8), '{}')
          FROM external_busy x
         WHERE x.artist_id = %(artist_id)s
           AND x.span && tstzrange(%(window_start)s, %(window_end)s, '[)')) AS outside_lows,
       (SELECT coalesce(array_agg(extract(epoch FROM upper(x.span))::float8), '{}')
          FROM external_busy x
         WHERE x.artist_id = %(artist_id)s
           AND x.span && tstzrange(%(window_start)s, %(window_end)s, '[)')) AS outside_highs
  FROM (SELECT bk.blocked, bk.starts_at, bk.status, bk.hold_expires_at
          FROM bookings bk
         WHERE bk.artist_id = %(artist_id)s
           AND (bk.status = 'confirmed'
                OR (bk.status = 'pending' AND bk.hold_expires_at > %(now)s))
           AND bk.blocked && tstzrange(%(window_start)s, %(window_end)s, '[)')) AS b
"""
