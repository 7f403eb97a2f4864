"""Reviews: one per completed booking, the artist's reply, moderation; the artist's running
rating on ``artists`` (``review_count``, ``rating_total``).

The catalogue's version trigger (0003) ignores an update that changes the rating: a review
is not a change of what and when the artist offers, and must not empty the processes'
catalogue caches.

Revision ID: 0016_reviews
Revises: 0015_notifications
Create Date: 2026-11-23 12:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_reviews"
down_revision: str | None = "0015_notifications"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BUMP = """
CREATE OR REPLACE FUNCTION artists_catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.review_count IS DISTINCT FROM OLD.review_count
       OR NEW.rating_total IS DISTINCT FROM OLD.rating_total THEN
        RETURN NEW;  -- the rating (reviews): the catalogue did not change
    END IF;
    NEW.catalog_version := OLD.catalog_version + 1;
    RETURN NEW;
END
$$;
"""
BUMP_BEFORE = """
CREATE OR REPLACE FUNCTION artists_catalog_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.catalog_version := OLD.catalog_version + 1;
    RETURN NEW;
END
$$;
"""


def upgrade() -> None:
    op.add_column(
        "artists",
        sa.Column("review_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.add_column(
        "artists",
        sa.Column("rating_total", sa.Integer(), server_default=sa.text("0"), nullable=False),
    )
    op.execute(BUMP)
    op.create_table(
        "reviews",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("artist_user_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("rating", sa.SmallInteger(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("reply_text", sa.Text(), nullable=True),
        sa.Column("replied_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("hidden", sa.Boolean(), server_default=sa.text("false"), nullable=False),
        sa.Column("hidden_reason", sa.Text(), nullable=True),
        sa.Column("hidden_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        *[
            sa.Column(
                name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
            )
            for name in ("created_at", "updated_at")
        ],
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name="ck_reviews_rating"),
        sa.ForeignKeyConstraint(
            ["booking_id"],
            ["bookings.id"],
            name="fk_reviews_booking_id_bookings",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["artist_id"],
            ["artists.id"],
            name="fk_reviews_artist_id_artists",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["users.id"],
            name="fk_reviews_customer_id_users",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_reviews"),
        sa.UniqueConstraint("booking_id", name="uq_reviews_booking_id"),
    )
    op.create_index(
        "ix_reviews_artist_newest",
        "reviews",
        ["artist_id", sa.text("created_at DESC"), sa.text("id DESC")],
        postgresql_where=sa.text("NOT hidden"),
    )
    op.create_index(
        "ix_reviews_artist_best",
        "reviews",
        ["artist_id", sa.text("rating DESC"), sa.text("created_at DESC"), sa.text("id DESC")],
        postgresql_where=sa.text("NOT hidden"),
    )


def downgrade() -> None:
    op.drop_index("ix_reviews_artist_best", table_name="reviews")
    op.drop_index("ix_reviews_artist_newest", table_name="reviews")
    op.drop_table("reviews")
    op.execute(BUMP_BEFORE)
    op.drop_column("artists", "rating_total")
    op.drop_column("artists", "review_count")
