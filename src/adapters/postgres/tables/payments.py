"""Payments: deposit invoices (a booking's deposit transactions) and the payments received
on them. Money is integer minor units plus a currency code. Rows are never deleted: they
are the record of money."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

from adapters.postgres.tables.base import ConstraintErrors, metadata, refers_to, timestamps
from booking_domain.shared import ConflictError

payment_invoices = sa.Table(
    "payment_invoices",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("booking_id", "bookings.id", ondelete=None),
    refers_to("customer_id", "users.id", ondelete=None),
    refers_to("artist_user_id", "users.id", ondelete=None),
    sa.Column("number", sa.Text, nullable=False, unique=True),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("callback_token_hash", sa.Text, nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("provider_invoice_id", sa.Text, nullable=True, unique=True),
    sa.Column("issued", pg.JSONB, nullable=True),
    sa.Column("paid_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("idempotency_key", sa.Text, nullable=True),
    sa.Column("cancel_due", sa.Boolean, nullable=False),
    # What the invoice asks for (migration 0033): the deposit, or the balance after the
    # session. A balance keeps its terms: the service's price, what the booking held
    # (credit) and the artist's signed adjustment with its reason, all in ``currency``.
    sa.Column("kind", sa.Text, nullable=False, server_default=sa.text("'deposit'")),
    sa.Column("price_amount", sa.BigInteger, nullable=True),
    sa.Column("credit_amount", sa.BigInteger, nullable=True),
    sa.Column("adjustment_amount", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    sa.Column("adjustment_reason", sa.Text, nullable=True),
    # Loyalty points redeemed on it (migration 0049): their value came off ``amount``
    # (``discount_amount``); a balance also keeps what earlier invoices' points took off the
    # booking's price (``prior_discount_amount``). Zero for everyone not redeeming.
    sa.Column("points_redeemed", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    sa.Column("discount_amount", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    sa.Column("prior_discount_amount", sa.BigInteger, nullable=False, server_default=sa.text("0")),
    *timestamps(),
    sa.CheckConstraint("amount > 0", name="amount_positive"),
    sa.CheckConstraint(
        "points_redeemed >= 0 AND discount_amount >= 0 AND prior_discount_amount >= 0"
        " AND (points_redeemed = 0) = (discount_amount = 0)",
        name="discount",
    ),
    sa.CheckConstraint("kind IN ('deposit', 'balance')", name="kind_known"),
    sa.CheckConstraint(
        "kind = 'deposit' OR (price_amount IS NOT NULL AND credit_amount IS NOT NULL)",
        name="balance_terms",
    ),
    sa.CheckConstraint(
        "status IN ('creating', 'open', 'paid', 'failed', 'cancelled')", name="status_known"
    ),
    sa.UniqueConstraint("customer_id", "idempotency_key"),
    sa.Index("ix_payment_invoices_booking_id_created_at", "booking_id", "created_at"),
    # The admins' ledger, newest first, all or by status.
    sa.Index("ix_payment_invoices_created_at_id", "created_at", "id"),
    sa.Index("ix_payment_invoices_status_created_at_id", "status", "created_at", "id"),
    # The lapsed-invoice sweep: open invoices by the end of their payable time.
    sa.Index(
        "ix_payment_invoices_expires_at_open",
        "expires_at",
        postgresql_where=sa.text("status = 'open'"),
    ),
)

received_payments = sa.Table(
    "received_payments",
    metadata,
    # The provider's payment id: a payment is recorded once, whoever reports it.
    sa.Column("payment_id", sa.Text, primary_key=True),
    sa.Column(
        "provider_invoice_id",
        sa.Text,
        sa.ForeignKey("payment_invoices.provider_invoice_id"),
        nullable=False,
    ),
    refers_to("booking_id", "bookings.id", ondelete=None),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("method", sa.Text, nullable=False),
    sa.Column("outcome", sa.Text, nullable=False),
    sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
    # The gateway that took it ("qpay", "stripe"): the ledger's and reconciliation's key.
    sa.Column("gateway", sa.Text, nullable=False, server_default="qpay"),
    # A destination charge's split: paid by the gateway to the artist's own account, and
    # the platform's fee it kept (0 and 0 for money the platform collected whole).
    sa.Column("transferred", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("gateway_fee", sa.BigInteger, nullable=False, server_default="0"),
    sa.Column("callback_payload", sa.Text, nullable=False),
    sa.Column("check_payload", sa.Text, nullable=False),
    sa.Column(
        "created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
    sa.CheckConstraint("outcome IN ('confirmed', 'owed_back', 'review')", name="outcome_known"),
    sa.Index("ix_received_payments_provider_invoice_id", "provider_invoice_id"),
)

# What gateways sent us by themselves (Stripe's webhooks), each event once: its gateway's id
# is the key a repeated delivery meets. The raw body is kept as evidence.
gateway_events = sa.Table(
    "gateway_events",
    metadata,
    sa.Column("gateway", sa.Text, primary_key=True),
    sa.Column("event_id", sa.Text, primary_key=True),
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("invoice_id", sa.Text, nullable=True),
    sa.Column("payment_id", sa.Text, nullable=True),
    sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
)

# Artists' own payout accounts at a gateway (Stripe Connect), one per artist and gateway.
connected_accounts = sa.Table(
    "connected_accounts",
    metadata,
    sa.Column("artist_user_id", sa.Uuid, sa.ForeignKey("users.id"), primary_key=True),
    sa.Column("gateway", sa.Text, primary_key=True),
    sa.Column("account_id", sa.Text, nullable=False, unique=True),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

# The daily reconciliations: each gateway's report of a day against what we recorded, the
# latest finding of each (gateway, day); ``differences`` a JSON list.
payment_reconciliations = sa.Table(
    "payment_reconciliations",
    metadata,
    sa.Column("gateway", sa.Text, primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("recorded", sa.Integer, nullable=False),
    sa.Column("reported", sa.Integer, nullable=False),
    sa.Column("agrees", sa.Boolean, nullable=False),
    sa.Column("differences", sa.Text, nullable=False),
)

# The sandbox gateway's own books (the local profile's stand-in for QPay; empty elsewhere).
sandbox_invoices = sa.Table(
    "sandbox_invoices",
    metadata,
    sa.Column("invoice_id", sa.Text, primary_key=True),
    sa.Column("number", sa.Text, nullable=False, unique=True),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("callback_url", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

sandbox_payments = sa.Table(
    "sandbox_payments",
    metadata,
    sa.Column("payment_id", sa.Text, primary_key=True),
    sa.Column("invoice_id", sa.Text, sa.ForeignKey("sandbox_invoices.invoice_id"), nullable=False),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("method", sa.Text, nullable=False),
    sa.Column("paid_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_sandbox_payments_invoice_id", "invoice_id"),
)

# The payment provider's current access token, one row per credential set (QPay asks for one
# token reused until it expires, not one per process).
provider_tokens = sa.Table(
    "provider_tokens",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("access_token", sa.Text, nullable=False),
    sa.Column("access_expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("refresh_token", sa.Text, nullable=False),
    sa.Column("refresh_expires_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("refresh_used", sa.Boolean, nullable=False),
    sa.Column(
        "updated_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.text("now()")
    ),
)

refunds = sa.Table(
    "refunds",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("booking_id", "bookings.id", ondelete=None),
    refers_to("customer_id", "users.id", ondelete=None),
    refers_to("artist_user_id", "users.id", ondelete=None),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False),
    sa.Column("payment_id", sa.Text, nullable=True),
    sa.Column("method", sa.Text, nullable=True),
    sa.Column("gateway", sa.Text, nullable=False, server_default="qpay"),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("settled_at", sa.DateTime(timezone=True), nullable=True),
    refers_to("settled_by", "users.id", ondelete=None, nullable=True),
    sa.Column("settlement_note", sa.Text, nullable=True),
    *timestamps(),
    sa.CheckConstraint("amount > 0", name="amount_positive"),
    sa.CheckConstraint(
        "status IN ('pending', 'refunded', 'manual', 'settled')", name="status_known"
    ),
    sa.Index("ix_refunds_booking_id", "booking_id"),
    # The admins' ledger, all or by status; status = 'manual' is the settlements' list.
    sa.Index("ix_refunds_created_at_id", "created_at", "id"),
    sa.Index("ix_refunds_status_created_at_id", "status", "created_at", "id"),
)

# Payments taken in the studio (migration 0058; ``booking_domain.payments.studio``): cash, a
# card terminal or a bank transfer the artist recorded, numbered per artist without gaps.
studio_payments = sa.Table(
    "studio_payments",
    metadata,
    sa.Column("id", sa.Uuid, primary_key=True),
    refers_to("booking_id", "bookings.id", ondelete=None),
    refers_to("artist_id", "artists.id", ondelete=None),
    sa.Column("receipt_number", sa.Integer, nullable=False),
    sa.Column("method", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("amount", sa.BigInteger, nullable=False),
    sa.Column("refunded_amount", sa.BigInteger, nullable=False),
    sa.Column("currency", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=True),
    refers_to("recorded_by", "users.id", ondelete=None),
    sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("refunded_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("receipt_token_hash", sa.Text, nullable=False, unique=True),
    sa.Column("idempotency_key", sa.Text, nullable=True),
    *timestamps(),
    sa.CheckConstraint("amount > 0", name="amount_positive"),
    sa.CheckConstraint("refunded_amount BETWEEN 0 AND amount", name="refund_bounded"),
    sa.CheckConstraint("receipt_number > 0", name="receipt_number_positive"),
    sa.CheckConstraint("method IN ('cash', 'card_terminal', 'bank_transfer')", name="method_known"),
    sa.CheckConstraint("kind IN ('deposit', 'balance', 'all')", name="kind_known"),
    sa.UniqueConstraint("artist_id", "receipt_number"),
    sa.UniqueConstraint("recorded_by", "idempotency_key"),
    sa.Index("ix_studio_payments_booking_id_receipt_number", "booking_id", "receipt_number"),
)

# Each artist's last receipt number: taken by an upsert that holds the row until commit, so
# two recordings at once number one after the other, and a rollback leaves no gap.
studio_receipt_counters = sa.Table(
    "studio_receipt_counters",
    metadata,
    refers_to("artist_id", "artists.id", primary_key=True),
    sa.Column("last_number", sa.Integer, nullable=False),
    sa.CheckConstraint("last_number > 0", name="last_number_positive"),
)


# What a violation of each unique or exclusion constraint above means (``base.ConstraintErrors``).
CONSTRAINT_ERRORS: ConstraintErrors = {
    # One customer's Idempotency-Key sent at once with two different bookings (each locks
    # only its own); sent after the first, it is ``IdempotencyKeyReusedError``.
    "uq_payment_invoices_customer_id_idempotency_key": ConflictError,
    "uq_payment_invoices_number": None,  # the booking's reference and attempt, under its lock
    "uq_payment_invoices_provider_invoice_id": None,  # the provider's own
    "uq_sandbox_invoices_number": None,  # the sandbox gateway's own
    "uq_studio_payments_artist_id_receipt_number": None,  # the counter row serialises them
    # One recorder's Idempotency-Key sent at once with two different bookings.
    "uq_studio_payments_recorded_by_idempotency_key": ConflictError,
    "uq_studio_payments_receipt_token_hash": None,  # 128 random bits
    "uq_connected_accounts_account_id": None,  # the gateway's own, one per artist and gateway
}
