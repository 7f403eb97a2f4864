"""Booking links (catalog): each link with its sealed current token and that token's keyed
digest, the digests of the tokens it had before (retired: they answer "gone"), and one row
of counts per link and day (migration 0036)."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps
from booking_domain.catalog import BookingLinkExistsError

booking_links = sa.Table(
    "booking_links",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("artist_id", "artists.id"),
    refers_to("service_id", "services.id", nullable=True, index=True),
    # The token sealed with the secret box (shown to the artist), and its keyed digest (what
    # a visit looks up): the token itself is never stored in the clear.
    sa.Column("token_sealed", sa.Text, nullable=False),
    sa.Column("token_digest", sa.Text, nullable=False, unique=True),
    sa.Column("token_created_at", sa.DateTime(timezone=True), nullable=False),
    *timestamps(),
    # One link per service of an artist, and one general link (no service).
    sa.UniqueConstraint("artist_id", "service_id"),
    sa.Index(
        "ix_booking_links_general",
        "artist_id",
        unique=True,
        postgresql_where=sa.text("service_id IS NULL"),
    ),
)

booking_link_retired = sa.Table(
    "booking_link_retired",
    metadata,
    sa.Column("token_digest", sa.Text, primary_key=True),
    refers_to("link_id", "booking_links.id", index=True),
    sa.Column(  # when the token was replaced
        "created_at",
        sa.DateTime(timezone=True),
        nullable=False,
        server_default=sa.text("now()"),
    ),
)

booking_link_days = sa.Table(
    "booking_link_days",
    metadata,
    refers_to("link_id", "booking_links.id", primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("visits", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("slot_views", sa.Integer, nullable=False, server_default=sa.text("0")),
    *timestamps(),
)

# Who was counted, per link, day and use (``catalog.visits``): a keyed digest, never an
# address; the primary key is what makes a visitor count once (migration 0052).
booking_link_visitors = sa.Table(
    "booking_link_visitors",
    metadata,
    refers_to("link_id", "booking_links.id", primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("use", sa.Text, primary_key=True),
    sa.Column("visitor", sa.Text, primary_key=True),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    # Two first links of one artist (for one service, or general) at once.
    "uq_booking_links_artist_id_service_id": BookingLinkExistsError,
    "ix_booking_links_general": BookingLinkExistsError,
    "uq_booking_links_token_digest": None,  # a token the server draws
}
