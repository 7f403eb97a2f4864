"""External calendars' busy spans (``external_calendars.py`` sends them): a fetch's spans
stored in one statement, an artist's spans over a window read.

Why text: the spans arrive as two parallel arrays unnested together into ``tstzrange``s (one
insert however many spans a feed has), and the read is a GiST overlap (``&&``) on a range
built from two bound ends; Core needs ``literal_column`` or custom constructs for the
``unnest ... AS u(low, high)`` alias and the range constructor, which read worse than the
SQL they stand for.
"""

from __future__ import annotations

# Every span in one statement: two parallel arrays, unnested together.
STORE_SPANS = """
INSERT INTO external_busy (calendar_id, artist_id, span)
SELECT c.id, c.artist_id, tstzrange(u.low, u.high, '[)')
  FROM external_calendars c,
       unnest(%(lows)s::timestamptz[], %(highs)s::timestamptz[]) AS u(low, high)
 WHERE c.id = %(id)s
"""

BUSY = """
SELECT x.span FROM external_busy x
 WHERE x.artist_id = %(artist_id)s AND x.span && tstzrange(%(low)s, %(high)s, '[)')
 ORDER BY x.span
"""
