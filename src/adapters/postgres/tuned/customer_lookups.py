"""An artist account's customer lookups counted in a window (``customer_lookups.py`` sends
it).

Why text: one upsert moves the window on and counts in it, its ``CASE`` comparing the stored
window with the excluded row's, and returns the count: one round trip a lookup, the rule
readable in the statement itself.
"""

from __future__ import annotations

# A later window starts the count again; an earlier one (another process's clock a little
# behind) counts in the stored window rather than resetting it.
COUNT_LOOKUP = """
INSERT INTO customer_lookups AS c (user_id, window_start, lookups)
VALUES (%(user_id)s, %(window)s, 1)
ON CONFLICT (user_id) DO UPDATE
SET lookups = CASE WHEN excluded.window_start > c.window_start THEN 1 ELSE c.lookups + 1 END,
    window_start = greatest(c.window_start, excluded.window_start)
RETURNING lookups
"""
