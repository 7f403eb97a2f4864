"""The outbox feed's reads (``outbox.py`` sends them): the events after a cursor and the
feed's tail.

Why text: the feed's order and its horizon are the statements' whole point, and they rest
on PostgreSQL's transaction ids, which Core has no words for: rows are read in
``(xid, position)`` order up to ``pg_snapshot_xmin(pg_current_snapshot())`` (every
transaction below it has ended, so no row can still appear before a cursor handed out),
with ``xid8`` values that go out as text and come back in through ``::text::xid8``.
``ix_outbox_events_xid_position`` serves both.
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
FEED_TAIL = """
SELECT xid::text AS xid_text, position
  FROM outbox_events
 WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
 ORDER BY outbox_events.xid DESC, outbox_events.position DESC
 LIMIT 1
"""
