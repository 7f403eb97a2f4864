"""The platform's ledger of what it owes each artist: accounts per artist and currency, their
append-only entries, and the follower's position in the outbox's feed, set to the feed's
newest committed event: the ledger enters what is collected from now on (payments collected
before were never entered, and neither are their refunds: docs/payouts.md).

Rolling-deploy safe: new tables only (the release still running neither reads nor writes
them).

Revision ID: 0060_payouts
Revises: 0059_bookings_held_in_studio
Create Date: 2026-11-28 02:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0060_payouts"
down_revision: str | None = "0059_bookings_held_in_studio"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

POSITION = """
INSERT INTO payout_feed_position (name, after)
SELECT 'ledger',
       (SELECT lpad(xid::text, 20, '0') || '-' || lpad(position::text, 20, '0')
          FROM outbox_events
         WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY xid DESC, position DESC LIMIT 1)
"""


def upgrade() -> None:
    op.create_table(
        "payout_accounts",
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["artist_id"], ["artists.id"], name=op.f("fk_payout_accounts_artist_id_artists")
        ),
        sa.PrimaryKeyConstraint("artist_id", "currency", name=op.f("pk_payout_accounts")),
    )
    op.create_index(
        "ix_payout_accounts_owed",
        "payout_accounts",
        ["currency", sa.text("balance DESC")],
        unique=False,
        postgresql_where=sa.text("balance > 0"),
    )
    op.create_table(
        "payout_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("signed", sa.BigInteger(), nullable=False),
        sa.Column("key", sa.Text(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=True),
        sa.Column("reference", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('collected', 'fee', 'refunded', 'fee_returned', 'payout')",
            name=op.f("ck_payout_entries_kind_known"),
        ),
        sa.CheckConstraint(
            "amount > 0 AND signed = CASE WHEN kind IN ('collected', 'fee_returned')"
            " THEN amount ELSE -amount END",
            name=op.f("ck_payout_entries_amount_signed"),
        ),
        sa.ForeignKeyConstraint(
            ["artist_id"], ["artists.id"], name=op.f("fk_payout_entries_artist_id_artists")
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], name=op.f("fk_payout_entries_booking_id_bookings")
        ),
        sa.ForeignKeyConstraint(
            ["recorded_by"], ["users.id"], name=op.f("fk_payout_entries_recorded_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payout_entries")),
        sa.UniqueConstraint("key", name=op.f("uq_payout_entries_key")),
        sa.UniqueConstraint(
            "artist_id",
            "currency",
            "sequence",
            name=op.f("uq_payout_entries_artist_id_currency_sequence"),
        ),
    )
    op.create_index("ix_payout_entries_booking_id", "payout_entries", ["booking_id"], unique=False)
    op.create_index(
        "ix_payout_entries_newest",
        "payout_entries",
        ["artist_id", sa.text("created_at DESC"), sa.text("sequence DESC")],
        unique=False,
    )
    op.create_table(
        "payout_feed_position",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_payout_feed_position")),
    )
    op.execute(POSITION)


def downgrade() -> None:
    op.drop_table("payout_feed_position")
    op.drop_table("payout_entries")
    op.drop_table("payout_accounts")
