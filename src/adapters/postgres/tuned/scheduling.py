"""The scheduling context (the slot query): everything a slot search or a booking needs,
in one round trip: the artist (with its policy), the service, the weekly rules, the
overrides of the dates around the window, and the blocked time of the bookings active at
``now`` and of the artist's external calendars that overlap the window
(``scheduling_reader.py`` sends it and remembers the catalogue part per process).

Why text (docs/performance.md, "Query plans" and "Bookings"): every piece of it is a
measured choice. The bookings part repeats the exclusion constraint's predicate word for
word (``status IN ('pending', 'confirmed')``), so the GiST index behind
``ex_bookings_artist_blocked`` answers the overlap search (0.15 ms, 39 buffers, on 40,000
bookings; 0.20 ms and 43 buffers in full, 0.08 ms and 32 buffers with the catalogue
remembered). The busy spans come back as ``float8`` epoch arrays and the weekly rules as
three ``int[]``: psycopg parses those in C, where its range loader ran in Python (28 % of a
31-day slots request) and the rules' JSON in Python too (the step that made them arrays,
with two other changes, took creations from 1,457 to 1,506 a second). The lateral aggregates
with their ``FILTER`` clauses are the plan EXPLAIN shows; Core would spell each of them as
builder calls, with the predicate's exact form (the thing the index depends on) implicit.
``bench/explain.py`` prints the plans of both shapes.
"""

from __future__ import annotations

# What every read needs fresh: the overrides of the dates in question and the busy time.
# The bookings predicate repeats the exclusion constraint's WHERE clause, so the GiST index
# behind ex_bookings_artist_blocked serves the (artist_id =, blocked &&) search.
_FRESH_COLUMNS = """
       a.catalog_version,
       (SELECT coalesce(jsonb_agg(jsonb_build_array(o.on_date, o.windows)), '[]')
          FROM date_overrides o
         WHERE o.artist_id = a.id AND o.on_date BETWEEN %(first)s AND %(last)s) AS overrides,
       busy.lows, busy.highs, busy.starts, busy.expired_holds,
       outside.lows AS outside_lows, outside.highs AS outside_highs"""
_BUSY = """
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
  CROSS JOIN LATERAL (
        -- External calendars' busy spans (docs/external-calendars.md): blocked time but no
        -- appointment (no daily-cap mark); ix_external_busy_artist_id_span (GiST) is there
        -- for this (artist_id =, span &&) search.
        SELECT coalesce(array_agg(extract(epoch FROM lower(x.span))::float8), '{}') AS lows,
               coalesce(array_agg(extract(epoch FROM upper(x.span))::float8), '{}') AS highs
          FROM external_busy x
         WHERE x.artist_id = a.id
           AND x.span && tstzrange(%(window_start)s, %(window_end)s, '[)')
       ) AS outside"""

# The version and the fresh part only: used when this process remembers the catalogue.
KNOWN_CATALOGUE_SQL = f"""
SELECT {_FRESH_COLUMNS}
  FROM artists a
  {_BUSY}
 WHERE a.id = %(artist_id)s
"""  # noqa: S608 - constant fragments; every value is a bound parameter

# Everything, with the catalogue.
FULL_CONTEXT_SQL = f"""
SELECT a.*,
       s.id AS s_id, s.artist_id AS s_artist_id, s.name AS s_name,
       s.duration_minutes AS s_duration_minutes,
       s.buffer_before_minutes AS s_buffer_before_minutes,
       s.buffer_after_minutes AS s_buffer_after_minutes,
       s.price_amount AS s_price_amount, s.currency AS s_currency,
       s.deposit_kind AS s_deposit_kind, s.deposit_value AS s_deposit_value,
       s.requires_approval AS s_requires_approval, s.active AS s_active,
       s.flash_design_id AS s_flash_design_id, s.size_label AS s_size_label,
       s.size_cm AS s_size_cm, s.flash_one_off AS s_flash_one_off,
       s.flash_taken AS s_flash_taken,
       rules.days, rules.starts AS rule_starts, rules.ends AS rule_ends,
       {_FRESH_COLUMNS}
  FROM artists a
  JOIN services s ON s.id = %(service_id)s AND s.artist_id = a.id
  CROSS JOIN LATERAL (
        -- Three parallel int arrays (aggregated over the same rows, so in the same order):
        -- psycopg parses them in C, where JSON would be parsed in Python.
        SELECT coalesce(array_agg(r.day), '{{}}') AS days,
               coalesce(array_agg(r.start_minute), '{{}}') AS starts,
               coalesce(array_agg(r.end_minute), '{{}}') AS ends
          FROM weekly_rules r WHERE r.artist_id = a.id) AS rules
  {_BUSY}
 WHERE a.id = %(artist_id)s
"""  # noqa: S608 - constant fragments; every value is a bound parameter
