"""The platform's ledger (migration 0060): each artist's account per currency, its entries
and the follower's position in the outbox's feed. Entries are never changed or deleted: an
account's balance is the sum of its entries (``signed``), kept with them in one
transaction."""

from __future__ import annotations

import sqlalchemy as sa

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to
from booking_domain.shared import ConflictError

payout_accounts = sa.Table(
    "payout_accounts",
    metadata,
    refers_to("artist_id", "artists.id", ondelete=None, primary_key=True),
    sa.Column("currency", sa.Text, primary_key=True),
    sa.Column("balance", sa.BigInteger, nullable=False),  # signed: < 0, the artist owes
    sa.Column("version", sa.Integer, nullable=False),  # entries so far
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    # What the platform owes, largest first per currency (the admins' list).
    sa.Index(
        "ix_payout_accounts_owed",
        "currency",
        sa.text("balance DESC"),
        postgresql_where=sa.text("balance > 0"),
    ),
)

payout_entries = sa.Table(
    "payout_entries",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("artist_id", "artists.id", ondelete=None),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("sequence", sa.Integer, nullable=False),  # its number in its account
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("amount", sa.BigInteger, nullable=False),  # unsigned; the kind gives the sign
    sa.Column("signed", sa.BigInteger, nullable=False),
    sa.Column("key", sa.Text, nullable=False, unique=True),
    # The booking it is about (bookings sit below: referred to; None for a payout).
    refers_to("booking_id", "bookings.id", ondelete=None, nullable=True, index=True),
    sa.Column("reference", sa.Text, nullable=True),
    sa.Column("note", sa.Text, nullable=True),
    refers_to("recorded_by", "users.id", ondelete=None, nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint(
        "kind IN ('collected', 'fee', 'refunded', 'fee_returned', 'payout', 'transferred',"
        " 'transfer_reversed', 'discount_credited', 'discount_reversed')",
        name="kind_known",
    ),
    sa.CheckConstraint(
        "amount > 0 AND signed = CASE WHEN kind IN ('collected', 'fee_returned',"
        " 'transfer_reversed', 'discount_credited') THEN amount ELSE -amount END",
        name="amount_signed",
    ),
    sa.UniqueConstraint("artist_id", "currency", "sequence"),
    # An artist's entries, newest first (the artist's page and the admins').
    sa.Index(
        "ix_payout_entries_newest",
        "artist_id",
        sa.text("created_at DESC"),
        sa.text("sequence DESC"),
    ),
)

# The follower's place in the outbox's feed (one row, 'ledger').
payout_feed_position = sa.Table(
    "payout_feed_position",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("after", sa.Text),
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()
    ),
)

# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    # The port's word (``PayoutLedger.save``): an entry's key used before (its effect
    # was entered).
    "uq_payout_entries_key": ConflictError,
    "uq_payout_entries_artist_id_currency_sequence": None,  # after the account's version moved
}
