"""PostgreSQL deposit invoices, received payments, and payment jobs on procrastinate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

import procrastinate.exceptions
from procrastinate import jobs as job_states
from procrastinate.manager import JobManager
from psycopg.types.json import Jsonb
from sqlalchemy import and_, bindparam, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import Connection, OnConnection
from adapters.postgres.sql import Statement, constant, count_of, exact_count, page_in_order
from adapters.postgres.tables.bookings import bookings
from adapters.postgres.tables.payments import payment_invoices, received_payments, refunds
from booking_domain.payments import (
    DepositInvoice,
    Evidence,
    InvoiceId,
    InvoiceKind,
    InvoiceRepository,
    InvoiceStatus,
    IssuedInvoice,
    PaymentJob,
    PaymentJobs,
    PaymentMethod,
    PaymentOutcome,
    ReceivedPayment,
    ReceivedPaymentRepository,
    Refund,
    RefundId,
    RefundRepository,
    RefundStatus,
)
from booking_domain.shared import BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest

PAYMENT_QUEUE = "payments"
PAYMENT_TASKS = {
    PaymentJob.RECHECK: "inkslot:payment_recheck",
    PaymentJob.CANCEL_INVOICE: "inkslot:payment_cancel_invoice",
    PaymentJob.REFUND: "inkslot:payment_refund",
}

_I = payment_invoices
_P = received_payments
_INSERT = Statement(lambda: insert(_I).values({c.name: bindparam(c.name) for c in _I.c}))
_UPDATE = Statement(
    lambda: (
        update(_I)
        .where(_I.c.id == bindparam("id"))
        .values({c.name: bindparam(c.name) for c in _I.c if c.name not in ("id", "created_at")})
    )
)


def _where(column: str, *, lock: bool = False) -> Statement:
    def build() -> Any:
        query = select(_I).where(_I.c[column] == bindparam(column))
        return query.with_for_update() if lock else query

    return Statement(build)


_BY_ID, _LOCK_ID = _where("id"), _where("id", lock=True)
_BY_PROVIDER_ID, _BY_NUMBER = _where("provider_invoice_id"), _where("number")
_BY_KEY = Statement(
    lambda: select(_I).where(
        _I.c.customer_id == bindparam("customer_id"), _I.c.idempotency_key == bindparam("key")
    )
)
_FOR_BOOKING = Statement(
    lambda: (
        select(_I)
        .where(_I.c.booking_id == bindparam("booking_id"))
        .order_by(_I.c.created_at, _I.c.number)
    )
)
# One statement decides among concurrent checks: the row lock serialises them, and each
# re-evaluates the condition on the row as the previous one left it.
_MARK_CHECKED = Statement(
    lambda: (
        update(_I)
        .where(
            _I.c.id == bindparam("id"),
            or_(_I.c.checked_at.is_(None), _I.c.checked_at <= bindparam("since")),
        )
        .values(checked_at=bindparam("now"), updated_at=bindparam("now"))
    )
)
# Open invoices (the partial index on open ones) whose hold ended, or whose booking no
# longer waits for its deposit (cancelled meanwhile): both must stop being payable. A
# balance invoice lapses at its end, or once its booking is no longer completed.
_LAPSED = Statement(
    lambda: (
        select(_I)
        .join(bookings, bookings.c.id == _I.c.booking_id)
        .where(
            _I.c.status == constant("open"),
            or_(
                _I.c.expires_at <= bindparam("now"),
                and_(_I.c.kind == constant("deposit"), bookings.c.status != constant("pending")),
                and_(_I.c.kind == constant("balance"), bookings.c.status != constant("completed")),
            ),
        )
        .order_by(_I.c.expires_at)
        .limit(bindparam("limit"))
        .with_for_update(of=_I, skip_locked=True)
    )
)
_ADD_PAYMENT = Statement(
    lambda: (
        pg_insert(_P)
        .values({c.name: bindparam(c.name) for c in _P.c if c.name != "created_at"})
        .on_conflict_do_nothing(index_elements=[_P.c.payment_id])
        .returning(_P.c.payment_id)
    )
)
_PAYMENTS_OF_BOOKING = Statement(
    lambda: (
        select(_P)
        .where(_P.c.booking_id == bindparam("booking_id"))
        .order_by(_P.c.processed_at, _P.c.payment_id)
    )
)
_PAYMENT = Statement(lambda: select(_P).where(_P.c.payment_id == bindparam("payment_id")))
_RECEIVED_BETWEEN = Statement(
    lambda: (
        select(_P)
        .where(
            (_P.c.gateway == bindparam("gateway"))
            & (_P.c.processed_at >= bindparam("start"))
            & (_P.c.processed_at < bindparam("end"))
        )
        .order_by(_P.c.processed_at, _P.c.payment_id)
    )
)
_PAYMENTS_OF = Statement(
    lambda: (
        select(_P)
        .where(_P.c.provider_invoice_id == bindparam("provider_invoice_id"))
        .order_by(_P.c.processed_at, _P.c.payment_id)
    )
)


class PostgresInvoiceRepository(OnConnection, InvoiceRepository):
    async def add(self, invoice: DepositInvoice) -> None:
        await self._conn.execute(_INSERT.text, _params(invoice))

    async def get(
        self, invoice_id: InvoiceId, *, for_update: bool = False
    ) -> DepositInvoice | None:
        return await self._one(_LOCK_ID if for_update else _BY_ID, {"id": invoice_id})

    async def by_provider_id(self, provider_invoice_id: str) -> DepositInvoice | None:
        return await self._one(_BY_PROVIDER_ID, {"provider_invoice_id": provider_invoice_id})

    async def by_number(self, number: str) -> DepositInvoice | None:
        return await self._one(_BY_NUMBER, {"number": number})

    async def by_idempotency_key(self, customer_id: UserId, key: str) -> DepositInvoice | None:
        return await self._one(_BY_KEY, {"customer_id": customer_id, "key": key})

    async def for_booking(self, booking_id: BookingId) -> Sequence[DepositInvoice]:
        rows = await self._conn.execute(_FOR_BOOKING.text, {"booking_id": booking_id})
        return [_invoice(row) for row in await rows.fetchall()]

    async def update(self, invoice: DepositInvoice) -> None:
        await self._conn.execute(_UPDATE.text, _params(invoice))

    async def mark_checked(self, invoice_id: InvoiceId, now: datetime, since: datetime) -> bool:
        params = {"id": invoice_id, "now": now, "since": since}
        return (await self._conn.execute(_MARK_CHECKED.text, params)).rowcount == 1

    async def lapsed(self, now: datetime, *, limit: int) -> Sequence[DepositInvoice]:
        rows = await self._conn.execute(_LAPSED.text, {"now": now, "limit": limit})
        return [_invoice(row) for row in await rows.fetchall()]

    async def _one(self, statement: Statement, params: Mapping[str, Any]) -> DepositInvoice | None:
        row = await (await self._conn.execute(statement.text, params)).fetchone()
        return None if row is None else _invoice(row)


class PostgresReceivedPaymentRepository(OnConnection, ReceivedPaymentRepository):
    async def add(self, payment: ReceivedPayment, evidence: Evidence) -> bool:
        params = {
            "payment_id": payment.payment_id,
            "provider_invoice_id": payment.invoice_id,
            "booking_id": payment.booking_id,
            "amount": payment.amount.amount,
            "currency": payment.amount.currency,
            "method": payment.method.value,
            "outcome": payment.outcome.value,
            "processed_at": payment.received_at,
            "gateway": payment.gateway,
            "transferred": payment.transferred,
            "gateway_fee": payment.fee,
            "callback_payload": evidence.callback,
            "check_payload": evidence.check,
        }
        inserted = await (await self._conn.execute(_ADD_PAYMENT.text, params)).fetchone()
        return inserted is not None

    async def get(self, payment_id: str) -> ReceivedPayment | None:
        params = {"payment_id": payment_id}
        row = await (await self._conn.execute(_PAYMENT.text, params)).fetchone()
        return None if row is None else _payment(row)

    async def received_between(
        self, gateway: str, start: datetime, end: datetime
    ) -> Sequence[ReceivedPayment]:
        params = {"gateway": gateway, "start": start, "end": end}
        rows = await (await self._conn.execute(_RECEIVED_BETWEEN.text, params)).fetchall()
        return [_payment(row) for row in rows]

    async def for_invoice(self, provider_invoice_id: str) -> Sequence[ReceivedPayment]:
        params = {"provider_invoice_id": provider_invoice_id}
        rows = await (await self._conn.execute(_PAYMENTS_OF.text, params)).fetchall()
        return [_payment(row) for row in rows]

    async def for_booking(self, booking_id: BookingId) -> Sequence[ReceivedPayment]:
        params = {"booking_id": booking_id}
        rows = await (await self._conn.execute(_PAYMENTS_OF_BOOKING.text, params)).fetchall()
        return [_payment(row) for row in rows]


def _payment(r: Mapping[str, Any]) -> ReceivedPayment:
    return ReceivedPayment(
        payment_id=r["payment_id"],
        invoice_id=r["provider_invoice_id"],
        booking_id=BookingId(r["booking_id"]),
        amount=Money(r["amount"], r["currency"]),
        method=PaymentMethod(r["method"]),
        outcome=PaymentOutcome(r["outcome"]),
        received_at=r["processed_at"],
        gateway=r["gateway"],
        transferred=r["transferred"],
        fee=r["gateway_fee"],
    )


_R = refunds
_R_INSERT = Statement(lambda: insert(_R).values({c.name: bindparam(c.name) for c in _R.c}))
_R_UPDATE = Statement(
    lambda: (
        update(_R)
        .where(_R.c.id == bindparam("id"))
        .values({c.name: bindparam(c.name) for c in _R.c if c.name not in ("id", "created_at")})
    )
)
_R_BY_ID = Statement(lambda: select(_R).where(_R.c.id == bindparam("id")))
_R_LOCK = Statement(lambda: select(_R).where(_R.c.id == bindparam("id")).with_for_update())
_R_OF_BOOKING = Statement(
    lambda: (
        select(_R)
        .where(_R.c.booking_id == bindparam("booking_id"))
        .order_by(_R.c.created_at, _R.c.id)
    )
)
# A literal status, so that the (status, created_at, id) index serves both in any plan.
_R_MANUAL_ONLY = [_R.c.status == constant("manual")]
_R_MANUAL = Statement(lambda: page_in_order(_R, _R_MANUAL_ONLY, (_R.c.created_at, _R.c.id)))
_R_MANUAL_COUNT = Statement(lambda: exact_count(_R, _R_MANUAL_ONLY))
# Bookings owed more than their refunds under way (pending, or left to an admin) cover.
_UNDER_WAY = (constant("pending"), constant("manual"))
_OWING = Statement(
    lambda: (
        select(bookings.c.id)
        .where(
            bookings.c.refund_due > constant(0),
            bookings.c.refund_due
            > func.coalesce(
                select(func.sum(_R.c.amount))
                .where(_R.c.booking_id == bookings.c.id, _R.c.status.in_(_UNDER_WAY))
                .scalar_subquery(),
                constant(0),
            ),
        )
        .order_by(bookings.c.id)
        .limit(bindparam("limit"))
    )
)


class PostgresRefundRepository(OnConnection, RefundRepository):
    async def add(self, refund: Refund) -> None:
        await self._conn.execute(_R_INSERT.text, _refund_params(refund))

    async def get(self, refund_id: RefundId, *, for_update: bool = False) -> Refund | None:
        statement = _R_LOCK if for_update else _R_BY_ID
        row = await (await self._conn.execute(statement.text, {"id": refund_id})).fetchone()
        return None if row is None else _refund(row)

    async def update(self, refund: Refund) -> None:
        await self._conn.execute(_R_UPDATE.text, _refund_params(refund))

    async def for_booking(self, booking_id: BookingId) -> Sequence[Refund]:
        rows = await self._conn.execute(_R_OF_BOOKING.text, {"booking_id": booking_id})
        return [_refund(row) for row in await rows.fetchall()]

    async def awaiting_settlement(self, page: PageRequest) -> Page[Refund]:
        params = {"limit": page.page_size, "offset": page.offset}
        rows = await (await self._conn.execute(_R_MANUAL.text, params)).fetchall()
        total = await (await self._conn.execute(_R_MANUAL_COUNT.text, {})).fetchone()
        return Page(tuple(_refund(row) for row in rows), count_of(total), page)

    async def owing_bookings(self, *, limit: int) -> Sequence[BookingId]:
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(_OWING.text, {"limit": limit})
        ).fetchall()
        return [BookingId(row["id"]) for row in rows]


def _refund_params(r: Refund) -> dict[str, Any]:
    return {
        "id": r.id,
        "booking_id": r.booking_id,
        "customer_id": r.customer_id,
        "artist_user_id": r.artist_user_id,
        "amount": r.amount.amount,
        "currency": r.amount.currency,
        "status": r.status.value,
        "payment_id": r.payment_id,
        "method": None if r.method is None else r.method.value,
        "gateway": r.gateway,
        "reason": r.reason,
        "settled_at": r.settled_at,
        "settled_by": r.settled_by,
        "settlement_note": r.settlement_note,
        "created_at": r.created_at,
        "updated_at": r.updated_at,
    }


def _refund(row: Mapping[str, Any]) -> Refund:
    return Refund(
        id=RefundId(row["id"]),
        booking_id=BookingId(row["booking_id"]),
        customer_id=UserId(row["customer_id"]),
        artist_user_id=UserId(row["artist_user_id"]),
        amount=Money(row["amount"], row["currency"]),
        status=RefundStatus(row["status"]),
        payment_id=row["payment_id"],
        method=None if row["method"] is None else PaymentMethod(row["method"]),
        reason=row["reason"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        settled_at=row["settled_at"],
        settled_by=None if row["settled_by"] is None else UserId(row["settled_by"]),
        settlement_note=row["settlement_note"],
        gateway=row["gateway"],
    )


class ProcrastinatePaymentJobs(PaymentJobs):
    """Jobs deferred on the unit of work's connection (gone with a rollback). The queueing
    lock keeps one (job, invoice, attempt) waiting at a time; a duplicate is dropped inside
    a savepoint so that the transaction goes on."""

    def __init__(self, manager: JobManager, connection: Connection) -> None:
        self._manager = manager
        self._conn = connection

    async def defer(
        self, job: PaymentJob, subject: UUID, *, attempt: int = 1, run_at: datetime | None = None
    ) -> None:
        queued = job_states.Job(
            id=None,
            lock=f"payments:{subject}",
            queueing_lock=f"{job.value}:{subject}:{attempt}",
            task_name=PAYMENT_TASKS[job],
            queue=PAYMENT_QUEUE,
            task_kwargs={"subject": str(subject), "attempt": attempt},
            scheduled_at=run_at,
        )
        try:
            async with self._conn.transaction():  # a savepoint inside the unit of work
                await self._manager.defer_job_async(queued, connection=self._conn)
        except procrastinate.exceptions.AlreadyEnqueued:
            pass


# payment_invoices.issued: the provider's answer to an invoice, in IssuedInvoice.as_data()'s
# form, which the rows already hold (``raw`` possibly absent in the oldest).
def _issued_json(issued: IssuedInvoice | None) -> Jsonb | None:
    return None if issued is None else Jsonb(issued.as_data())


def _issued(stored: Mapping[str, Any] | None) -> IssuedInvoice | None:
    return None if stored is None else IssuedInvoice.of_data(stored)


def _params(invoice: DepositInvoice) -> dict[str, Any]:
    return {
        "id": invoice.id,
        "booking_id": invoice.booking_id,
        "customer_id": invoice.customer_id,
        "artist_user_id": invoice.artist_user_id,
        "number": invoice.number,
        "amount": invoice.amount.amount,
        "currency": invoice.amount.currency,
        "status": invoice.status.value,
        "callback_token_hash": invoice.callback_token_hash,
        "expires_at": invoice.expires_at,
        "provider_invoice_id": invoice.provider_invoice_id,
        "issued": _issued_json(invoice.issued),
        "paid_at": invoice.paid_at,
        "checked_at": invoice.checked_at,
        "idempotency_key": invoice.idempotency_key,
        "cancel_due": invoice.cancel_due,
        "kind": invoice.kind.value,
        "price_amount": None if invoice.price is None else invoice.price.amount,
        "credit_amount": None if invoice.credit is None else invoice.credit.amount,
        "adjustment_amount": invoice.adjustment,
        "adjustment_reason": invoice.adjustment_reason,
        "points_redeemed": invoice.points,
        "discount_amount": invoice.discount,
        "prior_discount_amount": invoice.prior_discount,
        "created_at": invoice.created_at,
        "updated_at": invoice.updated_at,
    }


def _invoice(row: Mapping[str, Any]) -> DepositInvoice:
    return DepositInvoice(
        id=InvoiceId(row["id"]),
        booking_id=BookingId(row["booking_id"]),
        customer_id=UserId(row["customer_id"]),
        artist_user_id=UserId(row["artist_user_id"]),
        number=row["number"],
        amount=Money(row["amount"], row["currency"]),
        status=InvoiceStatus(row["status"]),
        callback_token_hash=row["callback_token_hash"],
        expires_at=row["expires_at"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        provider_invoice_id=row["provider_invoice_id"],
        issued=_issued(row["issued"]),
        paid_at=row["paid_at"],
        checked_at=row["checked_at"],
        idempotency_key=row["idempotency_key"],
        cancel_due=row["cancel_due"],
        kind=InvoiceKind(row["kind"]),
        price=_money(row["price_amount"], row["currency"]),
        credit=_money(row["credit_amount"], row["currency"]),
        adjustment=row["adjustment_amount"],
        adjustment_reason=row["adjustment_reason"],
        points=row["points_redeemed"],
        discount=row["discount_amount"],
        prior_discount=row["prior_discount_amount"],
    )


def _money(amount: int | None, currency: str) -> Money | None:
    return None if amount is None else Money(amount, currency)
