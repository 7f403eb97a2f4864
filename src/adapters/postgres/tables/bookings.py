"""Bookings, their events (the audit trail), idempotency keys and the artists' clients."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps
from booking_domain.bookings import (
    BookingReferenceTakenError,
    SlotTakenError,
    TouchUpTakenError,
)

# An artist's clients: people the artist books who have no account (migration 0026).
clients = sa.Table(
    "clients",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("artist_id", "artists.id"),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("phone", sa.Text, nullable=False),  # E.164
    sa.Column("email", sa.Text),  # normalised
    *timestamps(),
    # One record per phone number of an artist: booking the number again finds it.
    sa.UniqueConstraint("artist_id", "phone"),
)

bookings = sa.Table(
    "bookings",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    sa.Column("reference", sa.Text, nullable=False, unique=True),
    refers_to("artist_id", "artists.id", ondelete="RESTRICT"),
    # The artist's account (immutable for a profile): who acts as "the artist" of a booking.
    refers_to("artist_user_id", "users.id", ondelete="RESTRICT"),
    # The customer's account, or (booked by the artist) the artist's client record: one.
    refers_to("customer_id", "users.id", ondelete="RESTRICT", nullable=True),
    refers_to("client_id", "clients.id", ondelete="RESTRICT", nullable=True),
    refers_to("service_id", "services.id", ondelete="RESTRICT"),
    sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ends_at", sa.DateTime(timezone=True), nullable=False),
    # [start - buffer_before, end + buffer_after): what no other active booking may overlap.
    sa.Column("blocked", pg.TSTZRANGE, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("payment_status", sa.Text, nullable=False),
    sa.Column("hold_expires_at", sa.DateTime(timezone=True)),
    sa.Column("requires_approval", sa.Boolean, nullable=False),
    sa.Column("approved", sa.Boolean, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("deposit_amount", sa.BigInteger, nullable=False),
    sa.Column("amount_paid", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    sa.Column("amount_refunded", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    sa.Column("refund_due", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    # What of the money held the artist took in the studio (migration 0059).
    sa.Column("held_in_studio", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("notes", sa.Text, nullable=False, server_default=sa.text("''")),
    sa.Column("cancellation_reason", sa.Text),
    sa.Column("dispute_id", sa.Uuid),
    # The price plus the artist's adjustment, noted when the balance is paid (migration 0033).
    sa.Column("full_price", sa.BigInteger),
    # The booking link it was made through, if any (catalog; migration 0036).
    refers_to("booking_link_id", "booking_links.id", ondelete="SET NULL", nullable=True),
    # The service's price when booked, in the booking's currency; never changed after.
    # NULL for bookings made before migration 0040 (their service's price stands in).
    sa.Column("price", sa.BigInteger),
    # The one-off flash design the booked service is a size of, when it is one (catalog;
    # migration 0044): confirming the booking claims it; NULL for any other service.
    refers_to("one_off_design_id", "flash_designs.id", ondelete=None, nullable=True),
    # The project (commissions; migration 0045) the booking is a session of, if any: such a
    # booking is moved only through its project. No key: projects are commissions' rows,
    # and a booking outlives nothing it refers to here (project_sessions links the two).
    sa.Column("project_id", sa.Uuid),
    # The completed booking this one is the free touch-up of (migration 0047); never changed.
    refers_to("touch_up_of", "bookings.id", ondelete=None, nullable=True),
    # A waitlist offer (migration 0048): 'offered' while held for the customer's answer,
    # 'accepted' after; NULL for every other booking (bookings/offers.py).
    sa.Column("offer", sa.Text),
    *timestamps(),
    sa.CheckConstraint(
        "status IN ('pending', 'confirmed', 'completed', 'cancelled', 'no_show', 'disputed')",
        name="status",
    ),
    sa.CheckConstraint(
        "payment_status IN ('unpaid', 'invoiced', 'paid', 'partially_refunded', 'refunded')",
        name="payment_status",
    ),
    sa.CheckConstraint("starts_at < ends_at AND NOT isempty(blocked)", name="times"),
    sa.CheckConstraint("offer IN ('offered', 'accepted')", name="offer"),
    sa.CheckConstraint("held_in_studio >= 0", name="held_in_studio"),
    sa.CheckConstraint("(customer_id IS NULL) <> (client_id IS NULL)", name="party"),
    # Double booking is impossible by construction: active bookings of one artist never
    # overlap. "Active" here is pending-or-confirmed; a pending booking whose hold has run
    # out is cancelled (reason "expired") before anything that needs its time is written.
    pg.ExcludeConstraint(
        ("artist_id", "="),
        ("blocked", "&&"),
        where=sa.text("status IN ('pending', 'confirmed')"),
        using="gist",
        name="ex_bookings_artist_blocked",
    ),
    sa.Index("ix_bookings_customer_start", "customer_id", "starts_at"),
    sa.Index("ix_bookings_artist_user_start", "artist_user_id", "starts_at"),
    sa.Index("ix_bookings_starts_at", "starts_at"),
    # The admins' list, newest start first, by status, payment status or artist (migration
    # 0020); each status index carries the other status, so both filters stay index-only.
    sa.Index(
        "ix_bookings_status_starts_at_id",
        "status",
        "starts_at",
        "id",
        postgresql_include=["payment_status"],
    ),
    sa.Index(
        "ix_bookings_payment_status_starts_at_id",
        "payment_status",
        "starts_at",
        "id",
        postgresql_include=["status"],
    ),
    sa.Index("ix_bookings_artist_id_starts_at_id", "artist_id", "starts_at", "id"),
    sa.Index("ix_bookings_service_id", "service_id"),
    # The refund sweep: the few bookings that owe money back.
    sa.Index("ix_bookings_owing", "id", postgresql_where=sa.text("refund_due > 0")),
    # Finding holds that have run out (the sweeper, and creation's clean-up).
    sa.Index(
        "ix_bookings_pending_hold",
        "hold_expires_at",
        postgresql_where=sa.text("status = 'pending'"),
    ),
    # Counting a link's bookings: the few made through links.
    sa.Index(
        "ix_bookings_booking_link_id",
        "booking_link_id",
        postgresql_where=sa.text("booking_link_id IS NOT NULL"),
    ),
    # One live touch-up per original: a cancelled one frees the right (migration 0047). Also
    # how an original finds its touch-up.
    sa.Index(
        "uq_bookings_touch_up_of",
        "touch_up_of",
        unique=True,
        postgresql_where=sa.text("touch_up_of IS NOT NULL AND status <> 'cancelled'"),
    ),
    # The few bookings of one-off flash designs (the key's checks when a design goes).
    sa.Index(
        "ix_bookings_one_off_design_id",
        "one_off_design_id",
        postgresql_where=sa.text("one_off_design_id IS NOT NULL"),
    ),
)

booking_history = sa.Table(
    "booking_events",
    metadata,
    refers_to("booking_id", "bookings.id", primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    refers_to("actor_id", "users.id", ondelete="SET NULL", nullable=True),
    sa.Column("actor_role", sa.Text),
    sa.Column("from_status", sa.Text),
    sa.Column("to_status", sa.Text, nullable=False),
    sa.Column("reason", sa.Text),
    sa.Column("amount", sa.BigInteger),
    sa.Column("currency", sa.Text),
    sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
)

idempotency_keys = sa.Table(
    "idempotency_keys",
    metadata,
    refers_to("user_id", "users.id", primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    # A digest of the request, so the same key with a different request is refused.
    sa.Column("fingerprint", sa.Text, nullable=False),
    # Deferred: the key is claimed first (serialising retries), then the booking is written.
    sa.Column(
        "booking_id",
        sa.Uuid,
        sa.ForeignKey("bookings.id", ondelete="CASCADE", deferrable=True, initially="DEFERRED"),
        nullable=False,
    ),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
)

booking_ideas = sa.Table(
    "booking_ideas",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("booking_id", "bookings.id"),
    refers_to("author_id", "users.id", ondelete=None),
    sa.Column("description", sa.Text, nullable=False),
    refers_to("upload_id", "uploads.id", ondelete=None, nullable=True, unique=True),
    sa.Column("images", pg.JSONB, nullable=False),
    *timestamps(),
    sa.Index("ix_booking_ideas_booking_id_id", "booking_id", "id"),
)

# How many customers each artist account looked up in its current window (``lookups``): one
# row per account, started again by the first lookup of a later window (migration 0053).
customer_lookups = sa.Table(
    "customer_lookups",
    metadata,
    refers_to("user_id", "users.id", primary_key=True),
    sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
    sa.Column("lookups", sa.Integer, nullable=False),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    # 23P01 on the exclusion constraint: another active booking holds the time.
    "ex_bookings_artist_blocked": SlotTakenError,
    "uq_bookings_reference": BookingReferenceTakenError,  # drawn again by the use case
    "uq_bookings_touch_up_of": TouchUpTakenError,  # two touch-ups of one original at once
    "uq_clients_artist_id_phone": None,  # written ON CONFLICT DO NOTHING
    "uq_booking_ideas_upload_id": None,  # the upload is locked and marked used first
}
