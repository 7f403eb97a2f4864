"""Reviews: one per booking, with the artist's reply and moderation; the artist's running
rating lives on ``artists`` (``review_count``, ``rating_total``)."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps
from booking_domain.reviews import ReviewExistsError

reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    refers_to("booking_id", "bookings.id", unique=True),
    refers_to("artist_id", "artists.id"),
    sa.Column("artist_user_id", sa.Uuid, nullable=False),
    refers_to("customer_id", "users.id"),
    sa.Column("rating", sa.SmallInteger, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("reply_text", sa.Text),
    sa.Column("replied_at", sa.DateTime(timezone=True)),
    sa.Column("hidden", sa.Boolean, nullable=False, server_default=sa.text("false")),
    sa.Column("hidden_reason", sa.Text),
    sa.Column("hidden_at", sa.DateTime(timezone=True)),
    sa.Column("version", sa.Integer, nullable=False),
    *timestamps(),
    sa.CheckConstraint("rating BETWEEN 1 AND 5", name="rating"),
    # The public lists: an artist's visible reviews, newest first or best first.
    sa.Index(
        "ix_reviews_artist_newest",
        "artist_id",
        sa.text("created_at DESC"),
        sa.text("id DESC"),
        postgresql_where=sa.text("NOT hidden"),
    ),
    sa.Index(
        "ix_reviews_artist_best",
        "artist_id",
        sa.text("rating DESC"),
        sa.text("created_at DESC"),
        sa.text("id DESC"),
        postgresql_where=sa.text("NOT hidden"),
    ),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_reviews_booking_id": ReviewExistsError,  # two first reviews of one booking at once
}
