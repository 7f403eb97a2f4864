"""Media: uploads (a signed PUT, then completion into image variants).

Revision ID: 0008_uploads
Revises: 0007_job_queue_planning
Create Date: 2026-11-23 12:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0008_uploads"
down_revision: str | None = "0007_job_queue_planning"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "uploads",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("content_type", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("variants", pg.JSONB(), nullable=False),
        sa.Column("rejection", sa.Text(), nullable=True),
        *[
            sa.Column(
                name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
            )
            for name in ("created_at", "updated_at")
        ],
        sa.CheckConstraint("size > 0", name="ck_uploads_size_positive"),
        sa.CheckConstraint(
            "status IN ('pending', 'ready', 'rejected', 'used')", name="ck_uploads_status_known"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name="fk_uploads_owner_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_uploads"),
    )
    op.create_index(
        "ix_uploads_created_at_pending", "uploads", ["created_at"],
        postgresql_where=sa.text("status = 'pending'"),
    )  # fmt: skip
    op.create_index("ix_uploads_owner_id", "uploads", ["owner_id"])


def downgrade() -> None:
    op.drop_table("uploads")
