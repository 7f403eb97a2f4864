"""Media: uploads and the variants made of them, and the portfolio items made of uploads
(catalog's, kept beside the uploads they reference)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps

uploads = sa.Table(
    "uploads",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("owner_id", "users.id"),
    sa.Column("purpose", sa.Text, nullable=False),
    sa.Column("content_type", sa.Text, nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("variants", pg.JSONB, nullable=False),
    sa.Column("rejection", sa.Text, nullable=True),
    *timestamps(),
    sa.CheckConstraint("size > 0", name="size_positive"),
    sa.CheckConstraint("status IN ('pending', 'ready', 'rejected', 'used')", name="status_known"),
    # The purge job's question: uploads not used (pending, ready, rejected), oldest first.
    sa.Index(
        "ix_uploads_created_at_unused",
        "created_at",
        postgresql_where=sa.text("status <> 'used'"),
    ),
    sa.Index("ix_uploads_owner_id", "owner_id"),
)

portfolio_items = sa.Table(
    "portfolio_items",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("artist_id", "artists.id"),
    refers_to("upload_id", "uploads.id", ondelete=None, unique=True),
    sa.Column("images", pg.JSONB, nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("style_tags", pg.ARRAY(sa.Text), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    # Kept by the likes of search (0017), in the like's transaction.
    sa.Column("like_count", sa.Integer, nullable=False, server_default=sa.text("0")),
    # Search's folded words of the description and tags (0017).
    sa.Column(
        "search_words",
        pg.ARRAY(sa.Text),
        sa.Computed(
            "inkslot_words(inkslot_portfolio_document(description, style_tags))", persisted=True
        ),
        nullable=False,
    ),
    *timestamps(),
    # An artist's portfolio in its order, one index range per page.
    sa.Index("ix_portfolio_items_artist_id_position_id", "artist_id", "position", "id"),
    sa.Index("ix_portfolio_items_search_tags", "style_tags", postgresql_using="gin"),
    sa.Index("ix_portfolio_items_search_words", "search_words", postgresql_using="gin"),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_portfolio_items_upload_id": None,  # the upload is locked and marked used first
}
