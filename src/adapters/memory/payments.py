"""In-memory deposit invoices, received payments and payment jobs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from adapters.memory.store import TableRepository
from booking_domain.payments import (
    DepositInvoice,
    Evidence,
    InvoiceId,
    InvoiceRepository,
    InvoiceStatus,
    PaymentJob,
    PaymentJobs,
    ReceivedPayment,
    ReceivedPaymentRepository,
)
from booking_domain.payments.invoices import note_check
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import BookingId, UserId

PAYMENT_JOBS = "payment_jobs"


class InMemoryInvoiceRepository(TableRepository[InvoiceId, DepositInvoice], InvoiceRepository):
    async def add(self, invoice: DepositInvoice) -> None:
        if any(i.number == invoice.number for i in self._rows.values()):
            raise ConflictError(f"invoice number {invoice.number} is taken")
        self._rows.put(invoice.id, invoice)

    async def get(
        self, invoice_id: InvoiceId, *, for_update: bool = False
    ) -> DepositInvoice | None:
        return self._rows.get(invoice_id)  # writing units of work already run one at a time

    async def by_provider_id(self, provider_invoice_id: str) -> DepositInvoice | None:
        return self._first(lambda i: i.provider_invoice_id == provider_invoice_id)

    async def by_number(self, number: str) -> DepositInvoice | None:
        return self._first(lambda i: i.number == number)

    async def by_idempotency_key(self, customer_id: UserId, key: str) -> DepositInvoice | None:
        return self._first(lambda i: i.customer_id == customer_id and i.idempotency_key == key)

    async def for_booking(self, booking_id: BookingId) -> Sequence[DepositInvoice]:
        mine = [i for i in self._rows.values() if i.booking_id == booking_id]
        return sorted(mine, key=lambda i: (i.created_at, i.number))

    async def update(self, invoice: DepositInvoice) -> None:
        self._rows.put(invoice.id, invoice)

    async def mark_checked(self, invoice_id: InvoiceId, now: datetime, since: datetime) -> bool:
        invoice = self._rows.get(invoice_id)
        if invoice is None or (invoice.checked_at is not None and invoice.checked_at > since):
            return False
        self._rows.put(invoice_id, note_check(invoice, now))
        return True

    async def lapsed(self, now: datetime, *, limit: int) -> Sequence[DepositInvoice]:
        due = [
            i for i in self._rows.values() if i.status is InvoiceStatus.OPEN and i.expires_at <= now
        ]
        return sorted(due, key=lambda i: i.expires_at)[:limit]

    def _first(self, test: Callable[[DepositInvoice], bool]) -> DepositInvoice | None:
        return next((i for i in self._rows.values() if test(i)), None)


@dataclass(frozen=True, slots=True)
class StoredPayment:
    payment: ReceivedPayment
    evidence: Evidence


class InMemoryReceivedPaymentRepository(
    TableRepository[str, StoredPayment], ReceivedPaymentRepository
):
    async def add(self, payment: ReceivedPayment, evidence: Evidence) -> bool:
        if self._rows.get(payment.payment_id) is not None:
            return False
        self._rows.put(payment.payment_id, StoredPayment(payment, evidence))
        return True

    async def for_invoice(self, provider_invoice_id: str) -> Sequence[ReceivedPayment]:
        mine = [
            s.payment for s in self._rows.values() if s.payment.invoice_id == provider_invoice_id
        ]
        return sorted(mine, key=lambda p: p.received_at)


@dataclass(frozen=True, slots=True)
class QueuedPaymentJob:
    job: PaymentJob
    invoice_id: InvoiceId
    attempt: int
    run_at: datetime | None


class InMemoryPaymentJobs(
    TableRepository[tuple[PaymentJob, InvoiceId, int], QueuedPaymentJob], PaymentJobs
):
    async def defer(
        self,
        job: PaymentJob,
        invoice_id: InvoiceId,
        *,
        attempt: int = 1,
        run_at: datetime | None = None,
    ) -> None:
        key = (job, invoice_id, attempt)
        if self._rows.get(key) is None:
            self._rows.put(key, QueuedPaymentJob(job, invoice_id, attempt, run_at))

    def queued(self) -> list[QueuedPaymentJob]:
        return list(self._rows.values())

    def take(self, job: QueuedPaymentJob) -> None:
        """The job ran (a test's worker calls this)."""
        self._rows.delete((job.job, job.invoice_id, job.attempt))
