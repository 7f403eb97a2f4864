"""A second gateway (Stripe): the gateway of each received payment and refund (the ledger's
key; every earlier one was QPay's), and the log of the events gateways send by themselves
(Stripe's webhooks), each kept once with its raw body.

Rolling-deploy safe: new columns with a default (the release still running writes rows
without them, which are QPay's) and a new table.

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


def upgrade() -> None:
    for table in ("received_payments", "refunds"):
        op.add_column(table, sa.Column("gateway", sa.Text(), nullable=False, server_default="qpay"))
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
        sa.PrimaryKeyConstraint("gateway", "event_id"),
    )


def downgrade() -> None:
    op.drop_table("gateway_events")
    for table in ("received_payments", "refunds"):
        op.drop_column(table, "gateway")
