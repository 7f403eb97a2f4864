"""The waitlist: customers' entries (each with the one offer it may get), the artists'
settings, and the reader's position in the outbox (migration 0048)."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to
from booking_domain.waitlist import WaitlistEntryExistsError

waitlist_entries = sa.Table(
    "waitlist_entries",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),  # uuid7
    refers_to("customer_id", "users.id"),
    refers_to("artist_id", "artists.id"),
    refers_to("service_id", "services.id"),
    sa.Column("first_date", sa.Date, nullable=False),
    sa.Column("last_date", sa.Date, nullable=False),
    # The dates' span in the artist's zone when the entry was made: [first midnight, the
    # midnight after the last).
    sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
    sa.Column("window_end", sa.DateTime(timezone=True), nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    # The offer: its booking (no key: a booking outlives nothing here, and an entry goes
    # with its customer's or artist's deletion while the booking stays), its start, the
    # hold's end, when it was made and answered, and the booking whose freeing began the
    # chain of offers of that time (the figures count a time once).
    sa.Column("offer_booking_id", sa.Uuid),
    sa.Column("offer_start", sa.DateTime(timezone=True)),
    sa.Column("offer_until", sa.DateTime(timezone=True)),
    sa.Column("offered_at", sa.DateTime(timezone=True)),
    sa.Column("answered_at", sa.DateTime(timezone=True)),
    sa.Column("freed_by", sa.Uuid),
    sa.CheckConstraint(
        "status IN ('waiting', 'offered', 'accepted', 'declined', 'lapsed', 'withdrawn', 'left')",
        name="status",
    ),
    sa.CheckConstraint(
        "first_date <= last_date AND window_start < window_end AND version >= 1", name="dates"
    ),
    sa.CheckConstraint(
        "(offer_booking_id IS NULL) = (status IN ('waiting', 'left')) AND "
        "(offer_booking_id IS NULL) = (offered_at IS NULL)",
        name="offer",
    ),
    # A customer's live entries for one service never share a date, whatever the
    # concurrency (WaitlistEntryExistsError).
    pg.ExcludeConstraint(
        ("customer_id", "="),
        ("service_id", "="),
        (sa.text("daterange(first_date, last_date, '[]')"), "&&"),
        where=sa.text("status IN ('waiting', 'offered')"),
        using="gist",
        name="ex_waitlist_entries_live_dates",
    ),
    # The reader: an artist's waiting entries whose window covers a freed time, by the
    # window's end. Entries whose dates are over stay 'waiting' (their expiry is read, not
    # stored), so an index led by the join order would walk every one of them, under the
    # artist's calendar lock; this one starts past them (the few found are sorted by
    # join time).
    sa.Index(
        "ix_waitlist_entries_waiting",
        "artist_id",
        "window_end",
        postgresql_where=sa.text("status = 'waiting'"),
    ),
    # A customer's list, newest first (and their live count).
    sa.Index(
        "ix_waitlist_entries_customer",
        "customer_id",
        sa.text("joined_at DESC"),
        sa.text("id DESC"),
    ),
    # An offer's entry, by its booking.
    sa.Index(
        "uq_waitlist_entries_offer_booking_id",
        "offer_booking_id",
        unique=True,
        postgresql_where=sa.text("offer_booking_id IS NOT NULL"),
    ),
    # The artist's figures (offers made in a period) and the artist's deletion.
    sa.Index("ix_waitlist_entries_artist_offered", "artist_id", "offered_at"),
    sa.Index("ix_waitlist_entries_service_id", "service_id"),
)

waitlist_settings = sa.Table(
    "waitlist_settings",
    metadata,
    refers_to("artist_id", "artists.id", primary_key=True),
    sa.Column("enabled", sa.Boolean, nullable=False),
    sa.Column("hold_minutes", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("hold_minutes BETWEEN 5 AND 1440", name="hold_minutes"),
)

# The reader's place in the outbox's feed: one row, made by the migration at the feed's
# tail then.
waitlist_feed_position = sa.Table(
    "waitlist_feed_position",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("after", sa.Text),
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    ),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    # Two live entries of a customer for one service sharing a date.
    "ex_waitlist_entries_live_dates": WaitlistEntryExistsError,
    "uq_waitlist_entries_offer_booking_id": None,  # a booking the offer makes
}
