"""The schema as SQLAlchemy Core tables: the single source for repositories and for Alembic.

Naming conventions give every constraint a stable name, so error translation can recognise
which constraint a violation came from.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.dialects.postgresql import ARRAY, JSONB, TSTZRANGE, ExcludeConstraint

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _timestamps() -> list[Column[object]]:
    return [
        Column("created_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
        Column("updated_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
    ]


users = Table(
    "users",
    metadata,
    Column("id", Uuid, primary_key=True),
    # Stored normalised (trimmed, lower-case), so a plain unique index is case-insensitive.
    Column("email", Text, nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("phone", Text),
    Column("failed_login_count", Integer, nullable=False, server_default=text("0")),
    Column("locked_until", DateTime(timezone=True)),
    Column("disabled", Boolean, nullable=False, server_default=text("false")),
    *_timestamps(),
    CheckConstraint("role IN ('customer', 'artist', 'admin')", name="role"),
    CheckConstraint("email = lower(email)", name="email_lower"),
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("family_id", Uuid, nullable=False, index=True),
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_hash", Text, nullable=False, unique=True),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("spent_at", DateTime(timezone=True)),
    Column("replaced_by", Uuid, ForeignKey("refresh_tokens.id", ondelete="SET NULL")),
    Column("revoked_at", DateTime(timezone=True)),
    *_timestamps(),
    # Serves "revoke every live session of a user" without touching dead tokens.
    Index("ix_refresh_tokens_user_live", "user_id", postgresql_where=text("revoked_at IS NULL")),
)


studios = Table(
    "studios",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("name", Text, nullable=False),
    Column("address", Text, nullable=False),
    Column("city", Text, nullable=False),
    Column("lat", Double),
    Column("lng", Double),
    Column("owner_user_id", Uuid, ForeignKey("users.id", ondelete="SET NULL"), index=True),
    *_timestamps(),
)

artists = Table(
    "artists",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column(
        "user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), nullable=False, unique=True
    ),
    Column("display_name", Text, nullable=False),
    Column("bio", Text, nullable=False, server_default=text("''")),
    Column("styles", ARRAY(Text), nullable=False, server_default=text("'{}'")),
    Column("city", Text),
    Column("lat", Double),
    Column("lng", Double),
    Column("instagram", Text),
    Column("studio_id", Uuid, ForeignKey("studios.id", ondelete="SET NULL"), index=True),
    Column("time_zone", Text, nullable=False),
    Column("status", Text, nullable=False, server_default=text("'draft'")),
    Column("suspended", Boolean, nullable=False, server_default=text("false")),
    Column("review_note", Text),
    # The scheduling policy, in whole minutes (days for the horizon).
    Column("slot_step_minutes", Integer, nullable=False, server_default=text("30")),
    Column("minimum_notice_minutes", Integer, nullable=False, server_default=text("1440")),
    Column("horizon_days", Integer, nullable=False, server_default=text("90")),
    Column("deposit_hold_minutes", Integer, nullable=False, server_default=text("15")),
    Column("approval_hold_minutes", Integer, nullable=False, server_default=text("2880")),
    Column("free_cancellation_minutes", Integer, nullable=False, server_default=text("2880")),
    Column("daily_cap", Integer),
    # Moves whenever this row, one of the artist's services or weekly rules changes (triggers
    # of migration 0003): what the slot reader's cache checks. Never written by the app.
    Column("catalog_version", BigInteger, nullable=False, server_default=text("1")),
    *_timestamps(),
    CheckConstraint("status IN ('draft', 'pending', 'approved', 'rejected')", name="status"),
)

services = Table(
    "services",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column(
        "artist_id", Uuid, ForeignKey("artists.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("name", Text, nullable=False),
    Column("duration_minutes", Integer, nullable=False),
    Column("buffer_before_minutes", Integer, nullable=False, server_default=text("0")),
    Column("buffer_after_minutes", Integer, nullable=False, server_default=text("0")),
    Column("price_amount", BigInteger, nullable=False),
    Column("currency", Text, nullable=False),
    # Deposit: none, a fixed amount (minor units), or a percentage (basis points).
    Column("deposit_kind", Text, nullable=False, server_default=text("'none'")),
    Column("deposit_value", BigInteger, nullable=False, server_default=text("0")),
    Column("requires_approval", Boolean, nullable=False, server_default=text("false")),
    Column("active", Boolean, nullable=False, server_default=text("true")),
    *_timestamps(),
    CheckConstraint("deposit_kind IN ('none', 'fixed', 'percent')", name="deposit_kind"),
    CheckConstraint(
        "duration_minutes > 0 AND price_amount >= 0 AND deposit_value >= 0", name="amounts"
    ),
)

weekly_rules = Table(
    "weekly_rules",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column(
        "artist_id", Uuid, ForeignKey("artists.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("day", SmallInteger, nullable=False),
    Column("start_minute", SmallInteger, nullable=False),
    Column("end_minute", SmallInteger, nullable=False),
    *_timestamps(),
    CheckConstraint("day BETWEEN 0 AND 6", name="day"),
    CheckConstraint(
        "0 <= start_minute AND start_minute < end_minute AND end_minute <= 1440", name="minutes"
    ),
)

date_overrides = Table(
    "date_overrides",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("artist_id", Uuid, ForeignKey("artists.id", ondelete="CASCADE"), nullable=False),
    Column("on_date", Date, nullable=False),
    # [[start_minute, end_minute], ...]; empty = closed that day.
    Column("windows", JSONB, nullable=False, server_default=text("'[]'")),
    *_timestamps(),
    UniqueConstraint("artist_id", "on_date"),
)

bookings = Table(
    "bookings",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("reference", Text, nullable=False, unique=True),
    Column("artist_id", Uuid, ForeignKey("artists.id", ondelete="RESTRICT"), nullable=False),
    # The artist's account (immutable for a profile): who acts as "the artist" of a booking.
    Column("artist_user_id", Uuid, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False),
    Column("customer_id", Uuid, ForeignKey("users.id", ondelete="RESTRICT"), nullable=False),
    Column("service_id", Uuid, ForeignKey("services.id", ondelete="RESTRICT"), nullable=False),
    Column("starts_at", DateTime(timezone=True), nullable=False),
    Column("ends_at", DateTime(timezone=True), nullable=False),
    # [start - buffer_before, end + buffer_after): what no other active booking may overlap.
    Column("blocked", TSTZRANGE, nullable=False),
    Column("status", Text, nullable=False),
    Column("payment_status", Text, nullable=False),
    Column("hold_expires_at", DateTime(timezone=True)),
    Column("requires_approval", Boolean, nullable=False),
    Column("approved", Boolean, nullable=False),
    Column("currency", Text, nullable=False),
    Column("deposit_amount", BigInteger, nullable=False),
    Column("amount_paid", BigInteger, nullable=False, server_default=text("0")),
    Column("amount_refunded", BigInteger, nullable=False, server_default=text("0")),
    Column("refund_due", BigInteger, nullable=False, server_default=text("0")),
    Column("version", Integer, nullable=False),
    Column("status_changed_at", DateTime(timezone=True), nullable=False),
    Column("notes", Text, nullable=False, server_default=text("''")),
    Column("cancellation_reason", Text),
    Column("dispute_id", Uuid),
    *_timestamps(),
    CheckConstraint(
        "status IN ('pending', 'confirmed', 'completed', 'cancelled', 'no_show', 'disputed')",
        name="status",
    ),
    CheckConstraint(
        "payment_status IN ('unpaid', 'invoiced', 'paid', 'partially_refunded', 'refunded')",
        name="payment_status",
    ),
    CheckConstraint("starts_at < ends_at AND NOT isempty(blocked)", name="times"),
    # Double booking is impossible by construction: active bookings of one artist never
    # overlap. "Active" here is pending-or-confirmed; a pending booking whose hold has run
    # out is cancelled (reason "expired") before anything that needs its time is written.
    ExcludeConstraint(
        ("artist_id", "="),
        ("blocked", "&&"),
        where=text("status IN ('pending', 'confirmed')"),
        using="gist",
        name="ex_bookings_artist_blocked",
    ),
    Index("ix_bookings_customer_start", "customer_id", "starts_at"),
    Index("ix_bookings_artist_user_start", "artist_user_id", "starts_at"),
    Index("ix_bookings_starts_at", "starts_at"),
    Index("ix_bookings_service_id", "service_id"),
    # Finding holds that have run out (the sweeper, and creation's clean-up).
    Index(
        "ix_bookings_pending_hold", "hold_expires_at", postgresql_where=text("status = 'pending'")
    ),
)

booking_events = Table(
    "booking_events",
    metadata,
    Column("booking_id", Uuid, ForeignKey("bookings.id", ondelete="CASCADE"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor_id", Uuid, ForeignKey("users.id", ondelete="SET NULL")),
    Column("actor_role", Text),
    Column("from_status", Text),
    Column("to_status", Text, nullable=False),
    Column("reason", Text),
    Column("amount", BigInteger),
    Column("currency", Text),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
)

idempotency_keys = Table(
    "idempotency_keys",
    metadata,
    Column("user_id", Uuid, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("key", Text, primary_key=True),
    # A digest of the request, so the same key with a different request is refused.
    Column("fingerprint", Text, nullable=False),
    # Deferred: the key is claimed first (serialising retries), then the booking is written.
    Column(
        "booking_id",
        Uuid,
        ForeignKey("bookings.id", ondelete="CASCADE", deferrable=True, initially="DEFERRED"),
        nullable=False,
    ),
    Column("expires_at", DateTime(timezone=True), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=text("now()")),
)
