"""The messages sent about a booking, read by its booking (``GET /bookings/{id}/messages``,
the console's booking page): an index on ``notifications (booking_id, id)``, the booking's
messages in the order they were made.

Rolling-deploy safe: an index only (the release still running reads and writes as before).

Revision ID: 0057_notifications_by_booking
Revises: 0056_studio_invites
Create Date: 2026-11-28 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0057_notifications_by_booking"
down_revision: str | None = "0056_studio_invites"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
CREATE INDEX ix_notifications_booking_id ON notifications (booking_id, id)
    WHERE booking_id IS NOT NULL;
"""
_DOWN = "DROP INDEX ix_notifications_booking_id;"


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
