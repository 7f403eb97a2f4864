"""Payments: refunds (paid through the provider, or awaiting manual settlement).

Revision ID: 0014_refunds
Revises: 0013_provider_tokens
Create Date: 2026-11-23 11:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_refunds"
down_revision: str | None = "0013_provider_tokens"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "refunds",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("artist_user_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("payment_id", sa.Text(), nullable=True),
        sa.Column("method", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("settled_by", sa.Uuid(), nullable=True),
        sa.Column("settlement_note", sa.Text(), nullable=True),
        *[
            sa.Column(name, sa.DateTime(timezone=True), server_default=sa.text("now()"),
                      nullable=False)
            for name in ("created_at", "updated_at")
        ],
        sa.CheckConstraint("amount > 0", name="ck_refunds_amount_positive"),
        sa.CheckConstraint(
            "status IN ('pending', 'refunded', 'manual', 'settled')", name="ck_refunds_status_known"
        ),
        sa.ForeignKeyConstraint(["booking_id"], ["bookings.id"], name="fk_refunds_booking_id_bookings"),
        sa.ForeignKeyConstraint(["customer_id"], ["users.id"], name="fk_refunds_customer_id_users"),
        sa.ForeignKeyConstraint(
            ["artist_user_id"], ["users.id"], name="fk_refunds_artist_user_id_users"
        ),
        sa.ForeignKeyConstraint(["settled_by"], ["users.id"], name="fk_refunds_settled_by_users"),
        sa.PrimaryKeyConstraint("id", name="pk_refunds"),
    )  # fmt: skip
    op.create_index("ix_refunds_booking_id", "refunds", ["booking_id"])
    op.create_index(
        "ix_refunds_created_at_id_manual", "refunds", ["created_at", "id"],
        postgresql_where=sa.text("status = 'manual'"),
    )  # fmt: skip
    op.create_index(
        "ix_bookings_owing", "bookings", ["id"], postgresql_where=sa.text("refund_due > 0")
    )


def downgrade() -> None:
    op.drop_index("ix_bookings_owing", table_name="bookings")
    op.drop_table("refunds")
