"""The catalogue: studios, artists (with their scheduling policy) and services."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps
from booking_domain.catalog import ArtistProfileExistsError

studios = sa.Table(
    "studios",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("address", sa.Text, nullable=False),
    sa.Column("city", sa.Text, nullable=False),
    sa.Column("lat", sa.Double),
    sa.Column("lng", sa.Double),
    refers_to("owner_user_id", "users.id", ondelete="SET NULL", index=True, nullable=True),
    *timestamps(),
)

artists = sa.Table(
    "artists",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("user_id", "users.id", unique=True),
    sa.Column("display_name", sa.Text, nullable=False),
    sa.Column("bio", sa.Text, nullable=False, server_default=sa.text("''")),
    sa.Column("styles", pg.ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")),
    sa.Column("city", sa.Text),
    sa.Column("lat", sa.Double),
    sa.Column("lng", sa.Double),
    sa.Column("instagram", sa.Text),
    refers_to("studio_id", "studios.id", ondelete="SET NULL", index=True, nullable=True),
    sa.Column("time_zone", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default=sa.text("'draft'")),
    sa.Column("suspended", sa.Boolean, nullable=False, server_default=sa.text("false")),
    sa.Column("review_note", sa.Text),
    sa.Column("avatar_images", pg.JSONB, nullable=False, server_default=sa.text("'[]'")),
    sa.Column("cover_images", pg.JSONB, nullable=False, server_default=sa.text("'[]'")),
    # The scheduling policy, in whole minutes (days for the horizon).
    sa.Column("slot_step_minutes", sa.Integer, nullable=False, server_default=sa.text("30")),
    sa.Column("minimum_notice_minutes", sa.Integer, nullable=False, server_default=sa.text("1440")),
    sa.Column("horizon_days", sa.Integer, nullable=False, server_default=sa.text("90")),
    sa.Column("deposit_hold_minutes", sa.Integer, nullable=False, server_default=sa.text("15")),
    sa.Column("approval_hold_minutes", sa.Integer, nullable=False, server_default=sa.text("2880")),
    sa.Column(
        "free_cancellation_minutes", sa.Integer, nullable=False, server_default=sa.text("2880")
    ),
    sa.Column("daily_cap", sa.Integer),
    # Moves whenever this row, one of the artist's services or weekly rules changes (triggers
    # of migration 0003): what the slot reader's cache checks. Never written by the app.
    sa.Column("catalog_version", sa.BigInteger, nullable=False, server_default=sa.text("1")),
    # The running rating of visible reviews, kept by the reviews context (migration 0016).
    sa.Column("review_count", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("rating_total", sa.Integer, nullable=False, server_default=sa.text("0")),
    # The origins of the artist's site that may embed the booking page (migration 0055;
    # catalog.embedding: normalised ASCII origins, at most five).
    sa.Column("embed_origins", pg.ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")),
    # The search row (migration 0017), kept by a trigger from this row and the studio's.
    sa.Column("search_words", pg.ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")),
    sa.Column("search_lat", sa.Double),
    sa.Column("search_lng", sa.Double),
    sa.Column("search_city", sa.Text),
    *timestamps(),
    sa.CheckConstraint("status IN ('draft', 'pending', 'approved', 'rejected')", name="status"),
    # The profile rules' bound on styles, which the search index carries (migration 0023).
    sa.CheckConstraint("inkslot_styles_fit(styles)", name="styles_bounded"),
    sa.CheckConstraint("cardinality(embed_origins) <= 5", name="embed_origins_bounded"),
    # The admins' list, oldest first, all or by review state (migration 0020; by city:
    # ix_artists_city_folded, an expression index in the migration only).
    sa.Index("ix_artists_created_at_id", "created_at", "id"),
    sa.Index(
        "ix_artists_status_created_at_id",
        "status",
        "created_at",
        "id",
        postgresql_include=["suspended"],
    ),
    # Search (0017); its expression indexes are in the migration only.
    sa.Index(
        "ix_artists_search_words",
        "search_words",
        postgresql_using="gin",
        postgresql_where=sa.text("status = 'approved' AND NOT suspended"),
    ),
    sa.Index(
        "ix_artists_search_lat",
        "search_lat",
        postgresql_where=sa.text("status = 'approved' AND NOT suspended"),
    ),
    sa.Index(
        "ix_artists_search_lng",
        "search_lng",
        postgresql_where=sa.text("status = 'approved' AND NOT suspended"),
    ),
    sa.Index(
        "ix_artists_search_city",
        "search_city",
        postgresql_where=sa.text("status = 'approved' AND NOT suspended"),
    ),
    sa.Index(
        "ix_artists_search_styles",
        "styles",
        postgresql_using="gin",
        postgresql_where=sa.text("status = 'approved' AND NOT suspended"),
    ),
)

services = sa.Table(
    "services",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("artist_id", "artists.id", index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("duration_minutes", sa.Integer, nullable=False),
    sa.Column("buffer_before_minutes", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("buffer_after_minutes", sa.Integer, nullable=False, server_default=sa.text("0")),
    sa.Column("price_amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    # Deposit: none, a fixed amount (minor units), or a percentage (basis points).
    sa.Column("deposit_kind", sa.Text, nullable=False, server_default=sa.text("'none'")),
    sa.Column("deposit_value", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    sa.Column("requires_approval", sa.Boolean, nullable=False, server_default=sa.text("false")),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.text("true")),
    # A size of a flash design (0043): its design, label and size; whether the design is
    # one-off (fixed with the design), and taken (written by the design's claim alone, so
    # the scheduling context reads it with the service and the catalogue version moves).
    refers_to("flash_design_id", "flash_designs.id", ondelete=None, nullable=True),
    sa.Column("size_label", sa.Text),
    sa.Column("size_cm", sa.Integer),
    sa.Column("flash_one_off", sa.Boolean, nullable=False, server_default=sa.text("false")),
    sa.Column("flash_taken", sa.Boolean, nullable=False, server_default=sa.text("false")),
    # Made for a project's sessions (commissions, 0045): never listed, never changed.
    sa.Column("reserved", sa.Boolean, nullable=False, server_default=sa.text("false")),
    *timestamps(),
    sa.CheckConstraint("deposit_kind IN ('none', 'fixed', 'percent')", name="deposit_kind"),
    sa.Index(
        "ix_services_flash_design_id",
        "flash_design_id",
        postgresql_where=sa.text("flash_design_id IS NOT NULL"),
    ),
    sa.CheckConstraint(
        "duration_minutes > 0 AND price_amount >= 0 AND deposit_value >= 0", name="amounts"
    ),
    # Search's price filter and lowest price (0017).
    sa.Index(
        "ix_services_artist_active_price",
        "artist_id",
        "currency",
        "price_amount",
        postgresql_where=sa.text("active"),
    ),
)

# An artist's flash sheet (0043): designs whose sizes are services (services.flash_design_id).
flash_designs = sa.Table(
    "flash_designs",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("artist_id", "artists.id"),
    sa.Column("title", sa.Text, nullable=False),
    refers_to("upload_id", "uploads.id", ondelete=None, unique=True),
    sa.Column("images", pg.JSONB, nullable=False),
    sa.Column("tags", pg.ARRAY(sa.Text), nullable=False, server_default=sa.text("'{}'")),
    sa.Column("one_off", sa.Boolean, nullable=False),
    # The booking whose confirmation claimed a one-off design (set once, by a conditional
    # update: of concurrent claims one wins). bookings -> services -> flash_designs ->
    # bookings is a cycle: the key is made after the tables (use_alter) to sort them.
    sa.Column(
        "claimed_by_booking_id",
        sa.Uuid,
        sa.ForeignKey("bookings.id", ondelete="SET NULL", use_alter=True),
    ),
    sa.Column("removed", sa.Boolean, nullable=False, server_default=sa.text("false")),
    *timestamps(),
    sa.CheckConstraint("claimed_by_booking_id IS NULL OR one_off", name="claimed_one_off"),
    # An artist's sheet, oldest first.
    sa.Index("ix_flash_designs_artist_id_created_at_id", "artist_id", "created_at", "id"),
    sa.Index("ix_flash_designs_claimed_by_booking_id", "claimed_by_booking_id"),
)

# An artist's aftercare settings (migration 0047): the aftercare text, the delays of the
# aftercare message and of the review request after completion, the touch-up window. No
# row: the defaults (booking_domain.catalog.aftercare).
artist_aftercare = sa.Table(
    "artist_aftercare",
    metadata,
    refers_to("artist_id", "artists.id", primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("aftercare_delay_minutes", sa.Integer, nullable=False),
    sa.Column("review_delay_minutes", sa.Integer, nullable=False),
    sa.Column("touch_up_days", sa.Integer, nullable=False),
    *timestamps(),
    sa.CheckConstraint(
        "aftercare_delay_minutes BETWEEN 0 AND 43200 AND review_delay_minutes BETWEEN 0 AND 43200",
        name="delays",
    ),
    sa.CheckConstraint("touch_up_days BETWEEN 0 AND 730", name="touch_up_days"),
)

# A studio's invites (migration 0056: booking_domain.catalog.studio_invites): the token's
# keyed digest only (the token is shown once, when it is made), its expiry, and its end:
# used (by whom) or revoked.
studio_invites = sa.Table(
    "studio_invites",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("studio_id", "studios.id", index=True),
    refers_to("created_by", "users.id", index=True),
    sa.Column("token_digest", sa.Text, nullable=False, unique=True),
    sa.Column("note", sa.Text, nullable=False, server_default=sa.text("''")),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("used_at", sa.DateTime(timezone=True)),
    refers_to("used_by", "artists.id", ondelete="SET NULL", index=True, nullable=True),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
    *timestamps(),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_artists_user_id": ArtistProfileExistsError,
    "uq_flash_designs_upload_id": None,  # the upload is locked and marked used first
    "uq_studio_invites_token_digest": None,  # a digest of 24 random bytes
}
