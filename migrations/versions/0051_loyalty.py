"""Loyalty: programs (the platform's and artists' own), each customer's account in a
program with its entries (an earn entry is the lot its points are spent from), the points
invoices hold, the earner's position in the outbox's feed (started at the feed's tail: what
happened before any program existed earns nothing); and on invoices, the points redeemed
and their discount. Additive only: the release still running writes invoices without the
new columns, whose defaults (0) say "no points".

Revision ID: 0051_loyalty
Revises: 0050_telegram_bot
Create Date: 2026-11-27 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0051_loyalty"
down_revision: str | None = "0050_telegram_bot"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

START_AT_TAIL = """
INSERT INTO loyalty_feed_position (name, after)
SELECT 'earning',
       (SELECT lpad(xid::text, 20, '0') || '-' || lpad(position::text, 20, '0')
          FROM outbox_events
         WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY xid DESC, position DESC LIMIT 1)
"""


# Checked without holding the invoices' table locked for a scan: every row the release still
# running writes has the defaults, which pass.
DISCOUNT_CHECK = """
ALTER TABLE payment_invoices ADD CONSTRAINT ck_payment_invoices_discount CHECK (
    points_redeemed >= 0 AND discount_amount >= 0 AND prior_discount_amount >= 0
    AND (points_redeemed = 0) = (discount_amount = 0)
) NOT VALID;
ALTER TABLE payment_invoices VALIDATE CONSTRAINT ck_payment_invoices_discount;
"""


def upgrade() -> None:
    op.create_table(
        "loyalty_feed_position",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_loyalty_feed_position")),
    )
    op.create_table(
        "loyalty_programs",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("artist_id", sa.Uuid(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("spend_per_point", sa.BigInteger(), nullable=False),
        sa.Column("review_points", sa.Integer(), nullable=False),
        sa.Column("point_value", sa.BigInteger(), nullable=False),
        sa.Column("max_share_percent", sa.SmallInteger(), nullable=False),
        sa.Column("expiry_days", sa.Integer(), nullable=False),
        sa.Column("tiers", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "spend_per_point > 0 AND review_points >= 0 AND point_value > 0 AND max_share_percent BETWEEN 1 AND 90 AND expiry_days > 0",
            name=op.f("ck_loyalty_programs_rates"),
        ),
        sa.ForeignKeyConstraint(
            ["artist_id"], ["artists.id"], name=op.f("fk_loyalty_programs_artist_id_artists")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loyalty_programs")),
        sa.UniqueConstraint("artist_id", name=op.f("uq_loyalty_programs_artist_id")),
    )
    op.create_index(
        "ux_loyalty_programs_platform",
        "loyalty_programs",
        [sa.literal_column("(artist_id IS NULL)")],
        unique=True,
        postgresql_where=sa.text("artist_id IS NULL"),
    )
    op.create_table(
        "loyalty_accounts",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("program_id", sa.Uuid(), nullable=False),
        sa.Column("balance", sa.BigInteger(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("balance >= 0", name=op.f("ck_loyalty_accounts_balance_not_negative")),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["users.id"], name=op.f("fk_loyalty_accounts_customer_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["loyalty_programs.id"],
            name=op.f("fk_loyalty_accounts_program_id_loyalty_programs"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loyalty_accounts")),
        sa.UniqueConstraint(
            "customer_id", "program_id", name=op.f("uq_loyalty_accounts_customer_id_program_id")
        ),
    )
    op.create_table(
        "loyalty_entries",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("account_id", sa.Uuid(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("balance_after", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("key", sa.Text(), nullable=True),
        sa.Column("moves", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("forgiven", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column("remaining", sa.BigInteger(), nullable=True),
        sa.Column("reversed", sa.BigInteger(), nullable=True),
        sa.Column("basis", sa.BigInteger(), nullable=True),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(kind = 'earn') = (remaining IS NOT NULL) AND (kind = 'earn') = (expires_at IS NOT NULL) AND (kind <> 'earn' OR (remaining BETWEEN 0 AND points AND reversed >= 0 AND basis >= 0))",
            name=op.f("ck_loyalty_entries_lots"),
        ),
        sa.CheckConstraint(
            "kind IN ('earn', 'reverse', 'redeem', 'release', 'expire')",
            name=op.f("ck_loyalty_entries_kind_known"),
        ),
        sa.CheckConstraint(
            "balance_after >= 0 AND forgiven >= 0", name=op.f("ck_loyalty_entries_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["loyalty_accounts.id"],
            name=op.f("fk_loyalty_entries_account_id_loyalty_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loyalty_entries")),
        sa.UniqueConstraint(
            "account_id", "sequence", name=op.f("uq_loyalty_entries_account_id_sequence")
        ),
        sa.UniqueConstraint("key", name=op.f("uq_loyalty_entries_key")),
    )
    op.create_index(
        "ix_loyalty_entries_expiring",
        "loyalty_entries",
        ["expires_at"],
        unique=False,
        postgresql_where=sa.text("kind = 'earn' AND remaining > 0"),
    )
    op.create_index(
        "ix_loyalty_entries_open_lots",
        "loyalty_entries",
        ["account_id"],
        unique=False,
        postgresql_where=sa.text("kind = 'earn' AND remaining > 0"),
    )
    op.create_index(
        "ix_loyalty_entries_source_earned",
        "loyalty_entries",
        ["source"],
        unique=False,
        postgresql_where=sa.text("kind = 'earn'"),
    )
    op.create_table(
        "loyalty_redemptions",
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("program_id", sa.Uuid(), nullable=False),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("points", sa.BigInteger(), nullable=False),
        sa.Column("value_amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("restored", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "status IN ('held', 'spent', 'released', 'forfeited')",
            name=op.f("ck_loyalty_redemptions_status_known"),
        ),
        sa.CheckConstraint(
            "points > 0 AND value_amount > 0 AND restored BETWEEN 0 AND points",
            name=op.f("ck_loyalty_redemptions_amounts"),
        ),
        sa.ForeignKeyConstraint(
            ["booking_id"], ["bookings.id"], name=op.f("fk_loyalty_redemptions_booking_id_bookings")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["users.id"], name=op.f("fk_loyalty_redemptions_customer_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["loyalty_entries.id"],
            name=op.f("fk_loyalty_redemptions_entry_id_loyalty_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["program_id"],
            ["loyalty_programs.id"],
            name=op.f("fk_loyalty_redemptions_program_id_loyalty_programs"),
        ),
        sa.PrimaryKeyConstraint("invoice_id", name=op.f("pk_loyalty_redemptions")),
        sa.UniqueConstraint("entry_id", name=op.f("uq_loyalty_redemptions_entry_id")),
    )
    op.create_index(
        op.f("ix_loyalty_redemptions_booking_id"),
        "loyalty_redemptions",
        ["booking_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_loyalty_redemptions_customer_id"),
        "loyalty_redemptions",
        ["customer_id"],
        unique=False,
    )
    op.add_column(
        "payment_invoices",
        sa.Column("points_redeemed", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
    )
    op.add_column(
        "payment_invoices",
        sa.Column("discount_amount", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
    )
    op.add_column(
        "payment_invoices",
        sa.Column(
            "prior_discount_amount", sa.BigInteger(), server_default=sa.text("0"), nullable=False
        ),
    )

    op.execute(DISCOUNT_CHECK)
    op.execute(START_AT_TAIL)


def downgrade() -> None:
    op.drop_constraint(op.f("ck_payment_invoices_discount"), "payment_invoices", type_="check")

    op.drop_column("payment_invoices", "prior_discount_amount")
    op.drop_column("payment_invoices", "discount_amount")
    op.drop_column("payment_invoices", "points_redeemed")
    op.drop_index(op.f("ix_loyalty_redemptions_customer_id"), table_name="loyalty_redemptions")
    op.drop_index(op.f("ix_loyalty_redemptions_booking_id"), table_name="loyalty_redemptions")
    op.drop_table("loyalty_redemptions")
    op.drop_index(
        "ix_loyalty_entries_source_earned",
        table_name="loyalty_entries",
        postgresql_where=sa.text("kind = 'earn'"),
    )
    op.drop_index(
        "ix_loyalty_entries_open_lots",
        table_name="loyalty_entries",
        postgresql_where=sa.text("kind = 'earn' AND remaining > 0"),
    )
    op.drop_index(
        "ix_loyalty_entries_expiring",
        table_name="loyalty_entries",
        postgresql_where=sa.text("kind = 'earn' AND remaining > 0"),
    )
    op.drop_table("loyalty_entries")
    op.drop_table("loyalty_accounts")
    op.drop_index(
        "ux_loyalty_programs_platform",
        table_name="loyalty_programs",
        postgresql_where=sa.text("artist_id IS NULL"),
    )
    op.drop_table("loyalty_programs")
    op.drop_table("loyalty_feed_position")
