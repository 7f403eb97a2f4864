"""The sandbox gateway's ledger in PostgreSQL: every process of a local deployment and the
CLI see the same sandbox invoices and payments (``booking_domain.payments.SandboxLedger``,
used by ``adapters/payments/sandbox.py``).

Each call is one statement on a pooled connection of its own: the sandbox plays a provider,
which never shares a transaction with us.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

import psycopg
from sqlalchemy import bindparam, insert, select, update

from adapters.postgres.database import Database
from adapters.postgres.sql import Statement
from adapters.postgres.tables.payments import sandbox_invoices, sandbox_payments
from booking_domain.payments import (
    PaymentMethod,
    PaymentState,
    SandboxInvoice,
    SandboxLedger,
    SandboxPayment,
)
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.money import Money

_SI, _SP = sandbox_invoices.c, sandbox_payments.c
_ADD_INVOICE = Statement(
    lambda: insert(sandbox_invoices).values({c.name: bindparam(c.name) for c in sandbox_invoices.c})
)
_INVOICE = Statement(lambda: select(sandbox_invoices).where(_SI.invoice_id == bindparam("id")))
_SET_INVOICE_STATUS = Statement(
    lambda: (
        update(sandbox_invoices)
        .where(_SI.invoice_id == bindparam("id"))
        .values(status=bindparam("status"))
    )
)
_ADD_PAYMENT = Statement(
    lambda: insert(sandbox_payments).values({c.name: bindparam(c.name) for c in sandbox_payments.c})
)
_PAYMENT = Statement(lambda: select(sandbox_payments).where(_SP.payment_id == bindparam("id")))
_PAYMENTS_OF = Statement(
    lambda: (
        select(sandbox_payments)
        .where(_SP.invoice_id == bindparam("id"))
        .order_by(_SP.paid_at, _SP.payment_id)
    )
)
_PAYMENTS_BETWEEN = Statement(
    lambda: (
        select(sandbox_payments)
        .where((_SP.paid_at >= bindparam("start")) & (_SP.paid_at < bindparam("end")))
        .order_by(_SP.paid_at, _SP.payment_id)
    )
)
_SET_PAYMENT_STATE = Statement(
    lambda: (
        update(sandbox_payments)
        .where(_SP.payment_id == bindparam("id"))
        .values(state=bindparam("state"))
    )
)


class PostgresSandboxLedger(SandboxLedger):
    def __init__(self, database: Database) -> None:
        self._database = database

    async def add_invoice(self, invoice: SandboxInvoice) -> None:
        try:
            await self._run(
                _ADD_INVOICE,
                {
                    "invoice_id": invoice.invoice_id,
                    "number": invoice.number,
                    "amount": invoice.amount.amount,
                    "currency": invoice.amount.currency,
                    "callback_url": invoice.callback_url,
                    "status": invoice.status,
                    "created_at": invoice.created_at,
                },
            )
        except psycopg.errors.UniqueViolation as taken:
            raise ConflictError("invoice number used before") from taken

    async def invoice(self, invoice_id: str) -> SandboxInvoice | None:
        rows = await self._run(_INVOICE, {"id": invoice_id})
        return _invoice(rows[0]) if rows else None

    async def set_invoice_status(self, invoice_id: str, status: str) -> None:
        await self._run(_SET_INVOICE_STATUS, {"status": status, "id": invoice_id})

    async def add_payment(self, payment: SandboxPayment) -> None:
        await self._run(
            _ADD_PAYMENT,
            {
                "payment_id": payment.payment_id,
                "invoice_id": payment.invoice_id,
                "amount": payment.amount.amount,
                "currency": payment.amount.currency,
                "state": payment.state.value,
                "method": payment.method.value,
                "paid_at": payment.paid_at,
            },
        )

    async def payment(self, payment_id: str) -> SandboxPayment | None:
        rows = await self._run(_PAYMENT, {"id": payment_id})
        return _payment(rows[0]) if rows else None

    async def payments_between(self, start: datetime, end: datetime) -> Sequence[SandboxPayment]:
        rows = await self._run(_PAYMENTS_BETWEEN, {"start": start, "end": end})
        return [_payment(row) for row in rows]

    async def payments_of(self, invoice_id: str) -> Sequence[SandboxPayment]:
        rows = await self._run(_PAYMENTS_OF, {"id": invoice_id})
        return [_payment(row) for row in rows]

    async def set_payment_state(self, payment_id: str, state: PaymentState) -> None:
        await self._run(_SET_PAYMENT_STATE, {"state": state.value, "id": payment_id})

    async def _run(self, statement: Statement, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        async with self._database.statement_connection() as conn:
            cursor = await conn.execute(statement.text, params)
            return list(await cursor.fetchall()) if cursor.description else []


def _invoice(row: Mapping[str, Any]) -> SandboxInvoice:
    return SandboxInvoice(
        row["invoice_id"],
        row["number"],
        Money(row["amount"], row["currency"]),
        row["callback_url"],
        row["status"],
        row["created_at"],
    )


def _payment(row: Mapping[str, Any]) -> SandboxPayment:
    return SandboxPayment(
        row["payment_id"],
        row["invoice_id"],
        Money(row["amount"], row["currency"]),
        PaymentState(row["state"]),
        PaymentMethod(row["method"]),
        row["paid_at"],
    )
