"""Bookings keep the service's price they were made at (``bookings.price``), so the balance
asked after the session is reckoned from the price the customer booked at, not from the
service's price on the day of the balance.

The column is nullable and not back-filled: a booking made before it (or by the release
before, during a rolling deploy) has none, and its balance uses its service's price then,
as before. Adding a nullable column without a default rewrites nothing.

Revision ID: 0040_booking_price
Revises: 0039_analytics_ranking
Create Date: 2026-11-26 06:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0040_booking_price"
down_revision: str | None = "0039_analytics_ranking"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("bookings", sa.Column("price", sa.BigInteger))


def downgrade() -> None:
    op.drop_column("bookings", "price")
