"""Payments: deposit invoices and the payments received on them.

Revision ID: 0012_payments
Revises: 0011_artist_images
Create Date: 2026-11-23 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql as pg

revision: str = "0012_payments"
down_revision: str | None = "0011_artist_images"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _stamp(name: str) -> sa.Column[object]:
    return sa.Column(
        name, sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
    )


def upgrade() -> None:
    op.create_table(
        "payment_invoices",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("customer_id", sa.Uuid(), nullable=False),
        sa.Column("artist_user_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("callback_token_hash", sa.Text(), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("provider_invoice_id", sa.Text(), nullable=True),
        sa.Column("issued", pg.JSONB(), nullable=True),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("idempotency_key", sa.Text(), nullable=True),
        sa.Column("cancel_due", sa.Boolean(), nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
        sa.CheckConstraint("amount > 0", name="ck_payment_invoices_amount_positive"),
        sa.CheckConstraint(
            "status IN ('creating', 'open', 'paid', 'failed', 'cancelled')",
            name="ck_payment_invoices_status_known",
        ),
        sa.ForeignKeyConstraint(["booking_id"], ["bookings.id"], name="fk_payment_invoices_booking_id_bookings"),
        sa.ForeignKeyConstraint(["customer_id"], ["users.id"], name="fk_payment_invoices_customer_id_users"),
        sa.ForeignKeyConstraint(["artist_user_id"], ["users.id"], name="fk_payment_invoices_artist_user_id_users"),
        sa.PrimaryKeyConstraint("id", name="pk_payment_invoices"),
        sa.UniqueConstraint("number", name="uq_payment_invoices_number"),
        sa.UniqueConstraint("provider_invoice_id", name="uq_payment_invoices_provider_invoice_id"),
        sa.UniqueConstraint(
            "customer_id", "idempotency_key", name="uq_payment_invoices_customer_id_idempotency_key"
        ),
    )  # fmt: skip
    op.create_index(
        "ix_payment_invoices_booking_id_created_at",
        "payment_invoices",
        ["booking_id", "created_at"],
    )
    op.create_index(
        "ix_payment_invoices_expires_at_open", "payment_invoices", ["expires_at"],
        postgresql_where=sa.text("status = 'open'"),
    )  # fmt: skip
    op.create_table(
        "received_payments",
        sa.Column("payment_id", sa.Text(), nullable=False),
        sa.Column("provider_invoice_id", sa.Text(), nullable=False),
        sa.Column("booking_id", sa.Uuid(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("callback_payload", sa.Text(), nullable=False),
        sa.Column("check_payload", sa.Text(), nullable=False),
        _stamp("created_at"),
        sa.CheckConstraint(
            "outcome IN ('confirmed', 'owed_back', 'review')", name="ck_received_payments_outcome_known"
        ),
        sa.ForeignKeyConstraint(
            ["provider_invoice_id"], ["payment_invoices.provider_invoice_id"],
            name="fk_received_payments_provider_invoice_id_payment_invoices",
        ),
        sa.ForeignKeyConstraint(["booking_id"], ["bookings.id"], name="fk_received_payments_booking_id_bookings"),
        sa.PrimaryKeyConstraint("payment_id", name="pk_received_payments"),
    )  # fmt: skip
    op.create_index(
        "ix_received_payments_provider_invoice_id", "received_payments", ["provider_invoice_id"]
    )
    op.create_table(
        "sandbox_invoices",
        sa.Column("invoice_id", sa.Text(), nullable=False),
        sa.Column("number", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("callback_url", sa.Text(), nullable=False),
        sa.Column("status", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("invoice_id", name="pk_sandbox_invoices"),
        sa.UniqueConstraint("number", name="uq_sandbox_invoices_number"),
    )
    op.create_table(
        "sandbox_payments",
        sa.Column("payment_id", sa.Text(), nullable=False),
        sa.Column("invoice_id", sa.Text(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=False),
        sa.Column("method", sa.Text(), nullable=False),
        sa.Column("paid_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["sandbox_invoices.invoice_id"],
            name="fk_sandbox_payments_invoice_id_sandbox_invoices",
        ),
        sa.PrimaryKeyConstraint("payment_id", name="pk_sandbox_payments"),
    )  # fmt: skip
    op.create_index("ix_sandbox_payments_invoice_id", "sandbox_payments", ["invoice_id"])


def downgrade() -> None:
    op.drop_table("sandbox_payments")
    op.drop_table("sandbox_invoices")
    op.drop_table("received_payments")
    op.drop_table("payment_invoices")
