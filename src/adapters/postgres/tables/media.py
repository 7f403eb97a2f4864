"""Media: uploads and the variants made of them."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import metadata, timestamps

uploads = sa.Table(
    "uploads",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("owner_id", sa.Uuid, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    sa.Column("purpose", sa.Text, nullable=False),
    sa.Column("content_type", sa.Text, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("variants", pg.JSONB, nullable=False),
    sa.Column("rejection", sa.Text, nullable=True),
    *timestamps(),
    sa.CheckConstraint("size > 0", name="size_positive"),
    sa.CheckConstraint("status IN ('pending', 'ready', 'rejected', 'used')", name="status_known"),
    # The purge job's question: pending uploads, oldest first.
    sa.Index(
        "ix_uploads_created_at_pending",
        "created_at",
        postgresql_where=sa.text("status = 'pending'"),
    ),
    sa.Index("ix_uploads_owner_id", "owner_id"),
)
