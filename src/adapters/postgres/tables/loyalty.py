"""Loyalty (migration 0049): programs, each customer's account in a program, its entries
(an ``earn`` entry is also the lot its points are spent from), the points invoices hold,
and the earner's position in the outbox's feed. Entries are never deleted: the ledger is
the record of what each balance is made of."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps
from booking_domain.shared import ConflictError

loyalty_programs = sa.Table(
    "loyalty_programs",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    # NULL: the platform's program (one: ux_loyalty_programs_platform).
    refers_to("artist_id", "artists.id", ondelete=None, nullable=True, unique=True),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("spend_per_point", sa.BigInteger, nullable=False),
    sa.Column("review_points", sa.Integer, nullable=False),
    sa.Column("point_value", sa.BigInteger, nullable=False),
    sa.Column("max_share_percent", sa.SmallInteger, nullable=False),
    sa.Column("expiry_days", sa.Integer, nullable=False),
    sa.Column("tiers", pg.JSONB, nullable=False),  # [{name, threshold, multiplierPercent}]
    sa.Column("version", sa.Integer, nullable=False),
    *timestamps(),
    sa.CheckConstraint(
        "spend_per_point > 0 AND review_points >= 0 AND point_value > 0"
        " AND max_share_percent BETWEEN 1 AND 90 AND expiry_days > 0",
        name="rates",
    ),
    sa.Index(
        "ux_loyalty_programs_platform",
        sa.text("(artist_id IS NULL)"),
        unique=True,
        postgresql_where=sa.text("artist_id IS NULL"),
    ),
)

loyalty_accounts = sa.Table(
    "loyalty_accounts",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("customer_id", "users.id", ondelete=None),
    refers_to("program_id", "loyalty_programs.id", ondelete=None),
    sa.Column("balance", sa.BigInteger, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),  # entries so far
    *timestamps(),
    sa.CheckConstraint("balance >= 0", name="balance_not_negative"),
    sa.UniqueConstraint("customer_id", "program_id"),
)

loyalty_entries = sa.Table(
    "loyalty_entries",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("account_id", "loyalty_accounts.id", ondelete=None),
    sa.Column("sequence", sa.Integer, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("points", sa.BigInteger, nullable=False),  # signed
    sa.Column("balance_after", sa.BigInteger, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("source", sa.Text, nullable=True),
    sa.Column("key", sa.Text, nullable=True, unique=True),  # "<event id>:<reason>"
    sa.Column("moves", pg.JSONB, nullable=False),  # [[lot id, signed points], ...]
    sa.Column("forgiven", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    # An earn entry is its lot: what is left of it, what was claimed back of it, what it was
    # earned on, and when it expires (NULL on every other kind).
    sa.Column("remaining", sa.BigInteger, nullable=True),
    sa.Column("reversed", sa.BigInteger, nullable=True),
    sa.Column("basis", sa.BigInteger, nullable=True),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
    sa.CheckConstraint(
        "kind IN ('earn', 'reverse', 'redeem', 'release', 'expire')", name="kind_known"
    ),
    sa.CheckConstraint("balance_after >= 0 AND forgiven >= 0", name="not_negative"),
    sa.CheckConstraint(
        "(kind = 'earn') = (remaining IS NOT NULL) AND (kind = 'earn') = (expires_at IS NOT NULL)"
        " AND (kind <> 'earn' OR (remaining BETWEEN 0 AND points AND reversed >= 0"
        " AND basis >= 0))",
        name="lots",
    ),
    sa.UniqueConstraint("account_id", "sequence"),
    # An account's lots with points left (every change of the account loads them).
    sa.Index(
        "ix_loyalty_entries_open_lots",
        "account_id",
        postgresql_where=sa.text("kind = 'earn' AND remaining > 0"),
    ),
    # The expiry sweep: lots with points left, by when they expire.
    sa.Index(
        "ix_loyalty_entries_expiring",
        "expires_at",
        postgresql_where=sa.text("kind = 'earn' AND remaining > 0"),
    ),
    # Reversals find the lots a booking or a review earned.
    sa.Index(
        "ix_loyalty_entries_source_earned", "source", postgresql_where=sa.text("kind = 'earn'")
    ),
)

loyalty_redemptions = sa.Table(
    "loyalty_redemptions",
    metadata,
    # The payments' invoice (loyalty sits below payments: named, not referred to).
    sa.Column("invoice_id", sa.Uuid, primary_key=True),
    refers_to("booking_id", "bookings.id", ondelete=None, index=True),
    refers_to("customer_id", "users.id", ondelete=None, index=True),
    refers_to("program_id", "loyalty_programs.id", ondelete=None),
    refers_to("entry_id", "loyalty_entries.id", ondelete=None, unique=True),
    sa.Column("points", sa.BigInteger, nullable=False),
    sa.Column("value_amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("restored", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    *timestamps(),
    sa.CheckConstraint("status IN ('held', 'spent', 'released', 'forfeited')", name="status_known"),
    sa.CheckConstraint(
        "points > 0 AND value_amount > 0 AND restored BETWEEN 0 AND points", name="amounts"
    ),
)

# The earner's place in the outbox's feed (one row, 'earning').
loyalty_feed_position = sa.Table(
    "loyalty_feed_position",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("after", sa.Text),
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    ),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    # The ports' word (``ProgramRepository.save``, ``LoyaltyLedger.save``): two first
    # programs of one owner saved at once; an entry's key used before (its effect happened).
    "uq_loyalty_programs_artist_id": ConflictError,
    "ux_loyalty_programs_platform": ConflictError,
    "uq_loyalty_entries_key": ConflictError,
    "uq_loyalty_accounts_customer_id_program_id": None,  # written ON CONFLICT DO NOTHING
    "uq_loyalty_entries_account_id_sequence": None,  # after the account's version moved
    "uq_loyalty_redemptions_entry_id": None,  # a new entry's id
}
