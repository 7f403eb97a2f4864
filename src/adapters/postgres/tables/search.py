"""Search: portfolio likes, the word vocabulary, the free-starts projection and its feed
position (migration 0017)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import EXPRESSION_INDEXES, metadata, refers_to

# Migration 0017's indexes on expressions of functions it creates, or with operator-class
# parameters: described there only (the metadata cannot state them the way PostgreSQL
# reflects them), so the schema comparison leaves them out.
EXPRESSION_INDEXES.update(
    {
        "ix_artists_search_rating",  # carrying the rating walk's columns since 0021
        "ix_search_vocabulary_word_trgm",
        "ix_users_folded",  # migration 0020: admins' text search of accounts
        "ix_artists_city_folded",  # migration 0020: admins' list of artists by city
    }
)

portfolio_likes = sa.Table(
    "portfolio_likes",
    metadata,
    refers_to("item_id", "portfolio_items.id", primary_key=True),
    refers_to("user_id", "users.id", primary_key=True),
    sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    ),
    sa.Index("ix_portfolio_likes_user_id", "user_id", "created_at"),
)

# Every word ever indexed (artists' and portfolio items'), for typo-tolerant lookups.
search_vocabulary = sa.Table(
    "search_vocabulary", metadata, sa.Column("word", sa.Text, primary_key=True)
)

search_calendars = sa.Table(
    "search_calendars",
    metadata,
    refers_to("artist_id", "artists.id", primary_key=True),
    sa.Column("catalog_version", sa.BigInteger, nullable=False),
    # The artist's latest catalogue version, kept by a trigger on artists (0017).
    sa.Column("wanted_version", sa.BigInteger, nullable=False),
    sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("valid_until", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    ),
    sa.Index(
        "ix_search_calendars_artist_id",
        "artist_id",
        postgresql_where=sa.text("catalog_version < wanted_version"),
    ),
)

search_free_starts = sa.Table(
    "search_free_starts",
    metadata,
    refers_to("artist_id", "search_calendars.artist_id", primary_key=True),
    refers_to("service_id", "services.id", primary_key=True),
    sa.Column("step_seconds", sa.Integer, nullable=False),
    sa.Column("first_start", sa.DateTime(timezone=True)),
    # The runs of starts (migration 0024): first and last start of each, ascending.
    sa.Column("run_firsts", pg.ARRAY(sa.DateTime(timezone=True)), nullable=False),
    sa.Column("run_lasts", pg.ARRAY(sa.DateTime(timezone=True)), nullable=False),
    sa.CheckConstraint("step_seconds > 0", name="step_seconds"),
)

search_feed_position = sa.Table(
    "search_feed_position",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("after", sa.Text),
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    ),
)

# Each artist's first pieces as the search cards show them, kept by triggers on
# portfolio_items (migration 0022); gone with the artist (0023).
search_thumbnails = sa.Table(
    "search_thumbnails",
    metadata,
    refers_to("artist_id", "artists.id", primary_key=True),
    sa.Column("thumbnails", sa.Text, nullable=False),  # JSON: [[item id, images], ...]
)
