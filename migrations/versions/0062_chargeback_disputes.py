"""Chargebacks open disputes: where the disputes' follower of the outbox's feed is (one row,
made at its first move; it starts at the feed's beginning, where no ``payment.disputed`` is
older than this release).

Rolling-deploy safe: a new table (the release still running neither reads nor writes it).

Revision ID: 0062_chargeback_disputes
Revises: 0061_payment_gateways
Create Date: 2026-11-28 06:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0062_chargeback_disputes"
down_revision: str | None = "0061_payment_gateways"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dispute_feed_position",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column(
            "updated_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_dispute_feed_position")),
    )


def downgrade() -> None:
    op.drop_table("dispute_feed_position")
