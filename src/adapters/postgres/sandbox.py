"""The sandbox gateway's ledger in PostgreSQL: every process of a local deployment and the
CLI see the same sandbox invoices and payments (``adapters/payments/sandbox.py``).

Each call is one statement on a pooled connection of its own: the sandbox plays a provider,
which never shares a transaction with us.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import psycopg

from adapters.payments.sandbox import SandboxInvoice, SandboxLedger, SandboxPayment
from adapters.postgres.database import Database
from booking_domain.payments import PaymentMethod, PaymentState
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.money import Money


class PostgresSandboxLedger(SandboxLedger):
    def __init__(self, database: Database) -> None:
        self._database = database

    async def add_invoice(self, invoice: SandboxInvoice) -> None:
        try:
            await self._run(
                "INSERT INTO sandbox_invoices (invoice_id, number, amount, currency, callback_url,"
                " status, created_at) VALUES (%(id)s, %(number)s, %(amount)s, %(currency)s,"
                " %(url)s, %(status)s, %(at)s)",
                {
                    "id": invoice.invoice_id,
                    "number": invoice.number,
                    "amount": invoice.amount.amount,
                    "currency": invoice.amount.currency,
                    "url": invoice.callback_url,
                    "status": invoice.status,
                    "at": invoice.created_at,
                },
            )
        except psycopg.errors.UniqueViolation as taken:
            raise ConflictError("invoice number used before") from taken

    async def invoice(self, invoice_id: str) -> SandboxInvoice | None:
        rows = await self._run(
            "SELECT * FROM sandbox_invoices WHERE invoice_id = %(id)s", {"id": invoice_id}
        )
        return _invoice(rows[0]) if rows else None

    async def set_invoice_status(self, invoice_id: str, status: str) -> None:
        await self._run(
            "UPDATE sandbox_invoices SET status = %(s)s WHERE invoice_id = %(id)s",
            {"s": status, "id": invoice_id},
        )

    async def add_payment(self, payment: SandboxPayment) -> None:
        await self._run(
            "INSERT INTO sandbox_payments (payment_id, invoice_id, amount, currency, state,"
            " method, paid_at) VALUES (%(id)s, %(invoice)s, %(amount)s, %(currency)s, %(state)s,"
            " %(method)s, %(at)s)",
            {
                "id": payment.payment_id,
                "invoice": payment.invoice_id,
                "amount": payment.amount.amount,
                "currency": payment.amount.currency,
                "state": payment.state.value,
                "method": payment.method.value,
                "at": payment.paid_at,
            },
        )

    async def payment(self, payment_id: str) -> SandboxPayment | None:
        rows = await self._run(
            "SELECT * FROM sandbox_payments WHERE payment_id = %(id)s", {"id": payment_id}
        )
        return _payment(rows[0]) if rows else None

    async def payments_of(self, invoice_id: str) -> Sequence[SandboxPayment]:
        rows = await self._run(
            "SELECT * FROM sandbox_payments WHERE invoice_id = %(id)s ORDER BY paid_at, payment_id",
            {"id": invoice_id},
        )
        return [_payment(row) for row in rows]

    async def set_payment_state(self, payment_id: str, state: PaymentState) -> None:
        await self._run(
            "UPDATE sandbox_payments SET state = %(s)s WHERE payment_id = %(id)s",
            {"s": state.value, "id": payment_id},
        )

    async def _run(self, sql: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        async with self._database.pool.connection(timeout=self._database.connection_wait()) as conn:
            cursor = await conn.execute(sql, params)
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
