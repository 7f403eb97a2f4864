"""Balance invoices: ``payment_invoices`` gains ``kind`` (``deposit`` | ``balance``) and a
balance's terms: ``price_amount`` (the service's price it was reckoned from),
``credit_amount`` (what the booking held then: paid, neither refunded nor owed back),
``adjustment_amount`` (the artist's signed adjustment) and ``adjustment_reason``; all in the
row's ``currency``. One invoice model and one callback path serve both kinds
(booking_domain/payments/balance.py, docs/payments.md "The balance at the end").

``bookings`` gains ``full_price`` (the price plus the adjustment, noted when the balance is
paid; NULL before), which the booking's ``paidInFull`` compares with what it holds.

Every existing row is a deposit: ``kind`` defaults to it, the other columns are nullable or
default to 0 (no table rewrite on PostgreSQL 11+). Revenue by SQL: ``amount`` of rows with
``status = 'paid'`` grouped by ``kind``.

Revision ID: 0033_balance_invoices
Revises: 0032_account_deletion
Create Date: 2026-11-26 12:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0033_balance_invoices"
down_revision: str | None = "0032_account_deletion"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_UP = """
ALTER TABLE bookings ADD COLUMN full_price bigint;
ALTER TABLE payment_invoices
    ADD COLUMN kind text NOT NULL DEFAULT 'deposit',
    ADD COLUMN price_amount bigint,
    ADD COLUMN credit_amount bigint,
    ADD COLUMN adjustment_amount bigint NOT NULL DEFAULT 0,
    ADD COLUMN adjustment_reason text;
ALTER TABLE payment_invoices ADD CONSTRAINT ck_payment_invoices_kind_known
    CHECK (kind IN ('deposit', 'balance'));
ALTER TABLE payment_invoices ADD CONSTRAINT ck_payment_invoices_balance_terms
    CHECK (kind = 'deposit' OR (price_amount IS NOT NULL AND credit_amount IS NOT NULL));
"""

# Going back forgets which invoices were balances: refused while any exists, so no balance
# is silently turned into a deposit.
_DOWN = """
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM payment_invoices WHERE kind = 'balance') THEN
        RAISE EXCEPTION 'balance invoices exist: downgrading would make them deposits';
    END IF;
END $$;
ALTER TABLE payment_invoices DROP CONSTRAINT ck_payment_invoices_balance_terms;
ALTER TABLE payment_invoices DROP CONSTRAINT ck_payment_invoices_kind_known;
ALTER TABLE payment_invoices
    DROP COLUMN adjustment_reason,
    DROP COLUMN adjustment_amount,
    DROP COLUMN credit_amount,
    DROP COLUMN price_amount,
    DROP COLUMN kind;
ALTER TABLE bookings DROP COLUMN full_price;
"""


def upgrade() -> None:
    op.execute(_UP)


def downgrade() -> None:
    op.execute(_DOWN)
