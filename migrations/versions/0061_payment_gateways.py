"""A second gateway (Stripe): the gateway of each received payment and refund (the ledger's
key; every earlier one was QPay's) and a payment's split when the gateway paid the artist's
share to their own account, the log of the events gateways send by themselves (Stripe's
webhooks), each kept once with its raw body, artists' own payout accounts (Stripe
Connect), and the daily reconciliations of each gateway's report.

Rolling-deploy safe: new columns with a default (the release still running writes rows
without them, which are QPay's), new tables, and the ledger's kinds widened (the release
still running writes only the kinds it knew).

Revision ID: 0061_payment_gateways
Revises: 0060_payouts
Create Date: 2026-11-28 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0061_payment_gateways"
down_revision: str | None = "0060_payouts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


KINDS = (
    "kind IN ('collected', 'fee', 'refunded', 'fee_returned', 'payout', 'transferred',"
    " 'transfer_reversed', 'discount_credited', 'discount_reversed')"
)
SIGNED = (
    "amount > 0 AND signed = CASE WHEN kind IN ('collected', 'fee_returned',"
    " 'transfer_reversed', 'discount_credited') THEN amount ELSE -amount END"
)
OLD_KINDS = "kind IN ('collected', 'fee', 'refunded', 'fee_returned', 'payout')"
OLD_SIGNED = (
    "amount > 0 AND signed = CASE WHEN kind IN ('collected', 'fee_returned')"
    " THEN amount ELSE -amount END"
)


def _ledger_kinds(kinds: str, signed: str) -> None:
    """The ledger's entry kinds (payouts): a destination charge's transfer to the artist's
    own account and its reversal, and platform-funded discounts credited back."""
    for name in ("ck_payout_entries_kind_known", "ck_payout_entries_amount_signed"):
        op.drop_constraint(op.f(name), "payout_entries", type_="check")
    op.create_check_constraint(op.f("ck_payout_entries_kind_known"), "payout_entries", kinds)
    op.create_check_constraint(op.f("ck_payout_entries_amount_signed"), "payout_entries", signed)


def upgrade() -> None:
    _ledger_kinds(KINDS, SIGNED)
    for table in ("received_payments", "refunds"):
        op.add_column(table, sa.Column("gateway", sa.Text(), nullable=False, server_default="qpay"))
    for column in ("transferred", "gateway_fee"):
        op.add_column(
            "received_payments",
            sa.Column(column, sa.BigInteger(), nullable=False, server_default="0"),
        )
    op.create_table(
        "connected_accounts",
        sa.Column("artist_user_id", sa.Uuid(), nullable=False),
        sa.Column("gateway", sa.Text(), nullable=False),
        sa.Column("account_id", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["artist_user_id"],
            ["users.id"],
            name=op.f("fk_connected_accounts_artist_user_id_users"),
        ),
        sa.PrimaryKeyConstraint("artist_user_id", "gateway", name=op.f("pk_connected_accounts")),
        sa.UniqueConstraint("account_id", name=op.f("uq_connected_accounts_account_id")),
    )
    op.create_table(
        "payment_reconciliations",
        sa.Column("gateway", sa.Text(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded", sa.Integer(), nullable=False),
        sa.Column("reported", sa.Integer(), nullable=False),
        sa.Column("agrees", sa.Boolean(), nullable=False),
        sa.Column("differences", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("gateway", "day", name=op.f("pk_payment_reconciliations")),
    )
    op.create_table(
        "gateway_events",
        sa.Column("gateway", sa.Text(), nullable=False),
        sa.Column("event_id", sa.Text(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("invoice_id", sa.Text(), nullable=True),
        sa.Column("payment_id", sa.Text(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("gateway", "event_id", name=op.f("pk_gateway_events")),
    )


def downgrade() -> None:
    _ledger_kinds(OLD_KINDS, OLD_SIGNED)
    op.drop_table("gateway_events")
    op.drop_table("payment_reconciliations")
    op.drop_table("connected_accounts")
    for column in ("transferred", "gateway_fee"):
        op.drop_column("received_payments", column)
    for table in ("received_payments", "refunds"):
        op.drop_column(table, "gateway")
