"""Calendars: each person's calendar feed (booking_domain/calendars/feeds.py). The token
is never stored: its nonce and its keyed lookup digest are."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps

calendar_feeds = sa.Table(
    "calendar_feeds",
    metadata,
    refers_to("owner_id", "users.id", primary_key=True),  # one feed per person
    sa.Column("nonce", sa.Text, nullable=False),
    # A feed request finds its feed by the digest of its token (unique: one answer).
    sa.Column("lookup", sa.Text, nullable=False, unique=True),
    *timestamps(),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    "uq_calendar_feeds_lookup": None,  # a secret the server draws
}
