"""Booking links' counters and usage (``booking_links.py`` sends them): a visit counted
once per visitor, use, link and day; an artist's links' visits, slot views and bookings in
all and since a day.

Why text: the count is two data-modifying steps in one statement (the visitor remembered
first, the day's row upserted only from what that insert returned), which keeps a load's
count one round trip and makes a concurrent load of the same visitor wait on the key's index
entry and insert nothing; the usage sums two tables per link in one pass with ``FILTER``
clauses and a full join on the link. Core spells both, but as nested builder calls in which
the order of the steps, the point of the statement, no longer reads at a glance.
"""

from __future__ import annotations

# The visitor is remembered first (its primary key is the uniqueness: a
# visitor already counted for this use, link and day inserts nothing), and the day's row is
# upserted only from what that insert returned, all in one statement. A concurrent load of
# the same visitor waits on the key's index entry, then inserts nothing.
COUNT_VISIT = """
WITH seen AS (
    INSERT INTO booking_link_visitors (link_id, day, use, visitor)
    VALUES (%(link_id)s, %(day)s, %(use)s, %(visitor)s)
    ON CONFLICT DO NOTHING
    RETURNING link_id
)
INSERT INTO booking_link_days AS d (link_id, day, visits, slot_views)
SELECT link_id, %(day)s, %(visits)s, %(slot_views)s FROM seen
ON CONFLICT (link_id, day) DO UPDATE
SET visits = d.visits + excluded.visits,
    slot_views = d.slot_views + excluded.slot_views,
    updated_at = now()
RETURNING 1
"""

# The day rows and the bookings of one artist's links, each summed in all and
# since a day, joined per link (partial index ix_bookings_booking_link_id serves the second).
USAGE = """
WITH links AS (
    SELECT id FROM booking_links WHERE artist_id = %(artist_id)s
), days AS (
    SELECT d.link_id,
           sum(d.visits) AS visits, sum(d.slot_views) AS slot_views,
           coalesce(sum(d.visits) FILTER (WHERE d.day >= %(since)s), 0) AS recent_visits,
           coalesce(sum(d.slot_views) FILTER (WHERE d.day >= %(since)s), 0) AS recent_views
    FROM booking_link_days d JOIN links l ON l.id = d.link_id
    GROUP BY d.link_id
), made AS (
    SELECT b.booking_link_id AS link_id, count(*) AS bookings,
           count(*) FILTER (WHERE b.created_at >= %(since_at)s) AS recent_bookings
    FROM bookings b JOIN links l ON l.id = b.booking_link_id
    WHERE b.booking_link_id IS NOT NULL
    GROUP BY b.booking_link_id
)
SELECT link_id,
       coalesce(days.visits, 0) AS visits, coalesce(days.slot_views, 0) AS slot_views,
       coalesce(days.recent_visits, 0) AS recent_visits,
       coalesce(days.recent_views, 0) AS recent_views,
       coalesce(made.bookings, 0) AS bookings,
       coalesce(made.recent_bookings, 0) AS recent_bookings
FROM days FULL JOIN made USING (link_id)
"""
