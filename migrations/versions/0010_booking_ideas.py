"""Bookings: design ideas, each with an optional private image from an upload.

Revision ID: 0010_booking_ideas
Revises: 0009_portfolio
Create Date: 2026-11-23 14:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0010_booking_ideas"
down_revision: str | None = "0009_portfolio"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "booking_ideas",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("upload_id", sa.Uuid(), nullable=True),
        sa.Column("images", pg.JSONB(), nullable=False),
        *[
            sa.Column(name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False)
            for name in ("created_at", "updated_at")
        ],
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], name="fk_booking_ideas_booking_id_bookings",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name="fk_booking_ideas_author_id_users"),
        sa.ForeignKeyConstraint(["upload_id"], ["uploads.id"], name="fk_booking_ideas_upload_id_uploads"),
        sa.PrimaryKeyConstraint("id", name="pk_booking_ideas"),
        sa.UniqueConstraint("upload_id", name="uq_booking_ideas_upload_id"),
    )  # fmt: skip
    op.create_index("ix_booking_ideas_booking_id_id", "booking_ideas", ["booking_id", "id"])


def downgrade() -> None:
    op.drop_table("booking_ideas")
