"""A one-off flash design claimed by a booking (``flash.py`` sends it).

Why text: the claim is two data-modifying steps in one statement (the design claimed unless
another booking holds it, then its sizes marked taken) that answers whether the service is
a one-off, whether this booking won it and how many sizes were marked, so that a booking
and the claim stay one round trip in the booking's transaction.
"""

from __future__ import annotations

# Two data-modifying steps in one statement.
CLAIM = """
WITH target AS (
    SELECT d.id FROM services s JOIN flash_designs d ON d.id = s.flash_design_id
     WHERE s.id = %(service_id)s AND d.one_off
), claimed AS (
    UPDATE flash_designs d
       SET claimed_by_booking_id = %(booking_id)s, updated_at = now()
     WHERE d.id IN (SELECT id FROM target)
       AND (d.claimed_by_booking_id IS NULL OR d.claimed_by_booking_id = %(booking_id)s)
    RETURNING d.id
), marked AS (
    UPDATE services v SET flash_taken = true, updated_at = now()
     WHERE v.flash_design_id IN (SELECT id FROM claimed) AND NOT v.flash_taken
    RETURNING v.id
)
SELECT (SELECT count(*) FROM target) AS one_off,
       (SELECT count(*) FROM claimed) AS won,
       (SELECT count(*) FROM marked) AS marked
"""
