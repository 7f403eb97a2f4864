"""What a booking holds that the artist took in the studio (``bookings.held_in_studio``, minor
units): money the platform never received, so never owes back when the booking is cancelled,
expires or is disputed (``Booking.platform_refundable``); the artist gives it back by hand and
records it. Filled from the studio payments already recorded, less what of them was given
back.

Rolling-deploy safe: a column with a default (the release still running neither writes nor
reads it, and takes no studio payment).

Revision ID: 0059_bookings_held_in_studio
Revises: 0058_studio_payments
Create Date: 2026-11-27 17:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0059_bookings_held_in_studio"
down_revision: str | None = "0058_studio_payments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
ALTER TABLE bookings ADD COLUMN held_in_studio bigint NOT NULL DEFAULT 0
    CONSTRAINT ck_bookings_held_in_studio CHECK (held_in_studio >= 0);
UPDATE bookings SET held_in_studio = held.amount
FROM (
    SELECT booking_id, sum(amount - refunded_amount) AS amount
    FROM studio_payments GROUP BY booking_id
) AS held
WHERE held.booking_id = bookings.id AND held.amount > 0;
"""
_DOWN = "ALTER TABLE bookings DROP COLUMN held_in_studio;"


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
