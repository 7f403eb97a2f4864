"""Disputes and their evidence: one dispute per booking (the booking's ``dispute_id`` points
to it), messages with an optional private picture.

Revision ID: 0018_disputes
Revises: 0017_search
Create Date: 2026-11-23 17:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0018_disputes"
down_revision: str | None = "0017_search"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "disputes",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("opened_by", sa.Uuid(), nullable=False),
        sa.Column("opened_by_role", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("resolved_by", sa.Uuid(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("resolution_note", sa.Text(), nullable=True),
        sa.Column("refund_amount", sa.BigInteger(), nullable=True),
        sa.Column("refund_currency", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'resolved')", name="ck_disputes_status"),
        sa.CheckConstraint(
            "opened_by_role IN ('customer', 'artist')", name="ck_disputes_opened_by_role"
        ),
        sa.CheckConstraint(
            "(status = 'open') = (resolved_at IS NULL) AND refund_amount >= 0",
            name="ck_disputes_resolution",
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name="fk_disputes_booking_id_bookings",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["opened_by"], ["users.id"], name="fk_disputes_opened_by_users", ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by"],
            ["users.id"],
            name="fk_disputes_resolved_by_users",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_disputes"),
        sa.UniqueConstraint("booking_id", name="uq_disputes_booking_id"),
    )
    op.create_index(
        "ix_disputes_opened", "disputes", [sa.text("opened_at DESC"), sa.text("id DESC")]
    )
    op.create_index(
        "ix_disputes_status_opened",
        "disputes",
        ["status", sa.text("opened_at DESC"), sa.text("id DESC")],
    )
    op.create_table(
        "dispute_messages",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("dispute_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("author_role", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("upload_id", sa.Uuid(), nullable=True),
        sa.Column(
            "images",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'[]'::jsonb"),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["dispute_id"],
            ["disputes.id"],
            name="fk_dispute_messages_dispute_id_disputes",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name="fk_dispute_messages_author_id_users",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["upload_id"], ["uploads.id"], name="fk_dispute_messages_upload_id_uploads"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_dispute_messages"),
        sa.UniqueConstraint("upload_id", name="uq_dispute_messages_upload_id"),
    )
    op.create_index(
        "ix_dispute_messages_dispute_id",
        "dispute_messages",
        ["dispute_id", "created_at", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_dispute_messages_dispute_id", table_name="dispute_messages")
    op.drop_table("dispute_messages")
    op.drop_index("ix_disputes_status_opened", table_name="disputes")
    op.drop_index("ix_disputes_opened", table_name="disputes")
    op.drop_table("disputes")
