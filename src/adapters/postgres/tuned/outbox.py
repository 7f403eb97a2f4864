"""The outbox feed's reads (``outbox.py`` sends them): the events after a cursor and the
feed's tail.

Why text: the feed's order and its horizon are the statements' whole point, and they rest
on PostgreSQL's transaction ids, which Core has no words for: rows are read in
``(xid, position)`` order up to ``pg_snapshot_xmin(pg_current_snapshot())`` (every
transaction below it has ended, so no row can still appear before a cursor handed out),
with ``xid8`` values that go out as text and come back in through ``::text::xid8``.
``ix_outbox_events_xid_position`` serves them all.

``FEED_SCAN`` is a follower of a few types that bounds its walk (the loyalty earner): it
walks up to ``limit`` rows of any type after the cursor in feed order, as ``FEED_READ``
does, and returns only the rows of the types asked for, with their data, plus the last row
walked (its cursor alone, unless it is of those types too) and how many were walked: the
other rows' data is never decoded nor sent, and a follower that is up to date costs the one
index lookup that finds nothing.
"""

from __future__ import annotations

# The transaction id goes out as text (no driver type for xid8) under its own name: were it
# aliased ``xid``, ``ORDER BY xid`` would sort by that text alias ("1000" before "999").
FEED_READ = """
SELECT position, xid::text AS xid_text, id, type, occurred_at, subject, sequence, data, audience
  FROM outbox_events
 WHERE (xid, position) > (%(xid)s::text::xid8, %(position)s)
   AND xid < pg_snapshot_xmin(pg_current_snapshot())
   AND (%(user_id)s::uuid IS NULL OR audience @> ARRAY[%(user_id)s::uuid])
 ORDER BY outbox_events.xid, outbox_events.position
 LIMIT %(limit)s
"""
# A reader of a few types (the waitlist's): the same walk, the types chosen here, never
# for one audience. Each event after the reader's position is looked at once: the reader
# moves its position to the tail it read before this when fewer than ``limit`` came back.
FEED_READ_TYPES = """
SELECT position, xid::text AS xid_text, id, type, occurred_at, subject, sequence, data, audience
  FROM outbox_events
 WHERE (xid, position) > (%(xid)s::text::xid8, %(position)s)
   AND xid < pg_snapshot_xmin(pg_current_snapshot())
   AND type = ANY(%(types)s::text[])
 ORDER BY outbox_events.xid, outbox_events.position
 LIMIT %(limit)s
"""
FEED_SCAN = """
WITH looked AS (
  SELECT position, xid, type
    FROM outbox_events
   WHERE (xid, position) > (%(xid)s::text::xid8, %(position)s)
     AND xid < pg_snapshot_xmin(pg_current_snapshot())
   ORDER BY outbox_events.xid, outbox_events.position
   LIMIT %(limit)s
), marked AS (
  SELECT position, xid, type = ANY(%(types)s::text[]) AS wanted,
         row_number() OVER (ORDER BY xid DESC, position DESC) = 1 AS last,
         count(*) OVER () AS looked
    FROM looked
)
SELECT m.position, m.xid::text AS xid_text, m.wanted, m.looked,
       e.id, e.type, e.occurred_at, e.subject, e.sequence, e.data, e.audience
  FROM marked m
  LEFT JOIN outbox_events e ON e.position = m.position AND m.wanted
 WHERE m.wanted OR m.last
 ORDER BY m.xid, m.position
"""
FEED_TAIL = """
SELECT xid::text AS xid_text, position
  FROM outbox_events
 WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
 ORDER BY outbox_events.xid DESC, outbox_events.position DESC
 LIMIT 1
"""
