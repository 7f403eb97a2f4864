"""In-memory deposit invoices, received payments, payment jobs and gateways' events."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.bookings import Booking, BookingStatus
from booking_domain.payments import (
    DepositInvoice,
    Evidence,
    InvoiceId,
    InvoiceKind,
    InvoiceRepository,
    InvoiceStatus,
    PaymentJob,
    PaymentJobs,
    ReceivedPayment,
    ReceivedPaymentRepository,
    Refund,
    RefundId,
    RefundRepository,
    RefundStatus,
)
from booking_domain.payments.connect import PayoutAccount
from booking_domain.payments.gateway_events import GatewayEvent
from booking_domain.payments.invoices import note_check
from booking_domain.payments.ledger import Transaction, TransactionFilter
from booking_domain.payments.ports import (
    GatewayEventLog,
    PayoutAccountRepository,
    ReconciliationRepository,
    TransactionLedger,
)
from booking_domain.payments.reconciliation import Reconciliation
from booking_domain.payments.refunds import outstanding
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest

PAYMENT_JOBS = "payment_jobs"


class InMemoryInvoiceRepository(TableRepository[InvoiceId, DepositInvoice], InvoiceRepository):
    def __init__(
        self,
        invoices: StagedTable[InvoiceId, DepositInvoice],
        bookings: StagedTable[BookingId, Booking],
    ) -> None:
        super().__init__(invoices)
        self._bookings = bookings

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
        def ended(i: DepositInvoice) -> bool:
            booking = self._bookings.get(i.booking_id)
            # A deposit needs its booking pending; a balance, its booking completed.
            needed = (
                BookingStatus.PENDING if i.kind is InvoiceKind.DEPOSIT else BookingStatus.COMPLETED
            )
            return i.expires_at <= now or (booking is not None and booking.status is not needed)

        due = [i for i in self._rows.values() if i.status is InvoiceStatus.OPEN and ended(i)]
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

    async def get(self, payment_id: str) -> ReceivedPayment | None:
        stored = self._rows.get(payment_id)
        return None if stored is None else stored.payment

    async def received_between(
        self, gateway: str, start: datetime, end: datetime
    ) -> Sequence[ReceivedPayment]:
        found = [
            s.payment
            for s in self._rows.values()
            if s.payment.gateway == gateway and start <= s.payment.received_at < end
        ]
        return sorted(found, key=lambda p: (p.received_at, p.payment_id))

    async def for_booking(self, booking_id: BookingId) -> Sequence[ReceivedPayment]:
        mine = [s.payment for s in self._rows.values() if s.payment.booking_id == booking_id]
        return sorted(mine, key=lambda p: p.received_at)

    async def for_invoice(self, provider_invoice_id: str) -> Sequence[ReceivedPayment]:
        mine = [
            s.payment for s in self._rows.values() if s.payment.invoice_id == provider_invoice_id
        ]
        return sorted(mine, key=lambda p: p.received_at)


@dataclass(frozen=True, slots=True)
class QueuedPaymentJob:
    job: PaymentJob
    subject: UUID
    attempt: int
    run_at: datetime | None


class InMemoryRefundRepository(TableRepository[RefundId, Refund], RefundRepository):
    def __init__(
        self, refunds: StagedTable[RefundId, Refund], bookings: StagedTable[BookingId, Booking]
    ) -> None:
        super().__init__(refunds)
        self._bookings = bookings

    async def add(self, refund: Refund) -> None:
        self._rows.put(refund.id, refund)

    async def get(self, refund_id: RefundId, *, for_update: bool = False) -> Refund | None:
        return self._rows.get(refund_id)

    async def update(self, refund: Refund) -> None:
        self._rows.put(refund.id, refund)

    async def for_booking(self, booking_id: BookingId) -> Sequence[Refund]:
        mine = [r for r in self._rows.values() if r.booking_id == booking_id]
        return sorted(mine, key=lambda r: (r.created_at, r.id))

    async def awaiting_settlement(self, page: PageRequest) -> Page[Refund]:
        manual = sorted(
            (r for r in self._rows.values() if r.status is RefundStatus.MANUAL),
            key=lambda r: (r.created_at, r.id),
        )
        return Page(tuple(manual[page.offset : page.offset + page.page_size]), len(manual), page)

    async def owing_bookings(self, *, limit: int) -> Sequence[BookingId]:
        owing = []
        for booking in self._bookings.values():
            if booking.refund_due.is_zero:
                continue
            open_refunds = [r for r in self._rows.values() if r.booking_id == booking.id]
            if not outstanding(booking, open_refunds).is_zero:
                owing.append(booking)
        return [b.id for b in sorted(owing, key=lambda b: b.updated_at)][:limit]


class InMemoryTransactionLedger(TransactionLedger):
    def __init__(
        self,
        invoices: StagedTable[InvoiceId, DepositInvoice],
        refunds: StagedTable[RefundId, Refund],
    ) -> None:
        self._invoices = invoices
        self._refunds = refunds

    async def list(self, where: TransactionFilter, page: PageRequest) -> Page[Transaction]:
        every = [Transaction.of_deposit(i) for i in self._invoices.values()]
        every += [Transaction.of_refund(r) for r in self._refunds.values()]
        found = sorted(
            (t for t in every if where.matches(t)), key=lambda t: (t.created_at, t.id), reverse=True
        )
        return Page.counted(
            tuple(found[page.offset : page.offset + page.page_size]), len(found), page
        )


class InMemoryPaymentJobs(
    TableRepository[tuple[PaymentJob, UUID, int], QueuedPaymentJob], PaymentJobs
):
    async def defer(
        self, job: PaymentJob, subject: UUID, *, attempt: int = 1, run_at: datetime | None = None
    ) -> None:
        key = (job, subject, attempt)
        if self._rows.get(key) is None:
            self._rows.put(key, QueuedPaymentJob(job, subject, attempt, run_at))

    def queued(self) -> list[QueuedPaymentJob]:
        return list(self._rows.values())

    def take(self, job: QueuedPaymentJob) -> None:
        """The job ran (a test's worker calls this)."""
        self._rows.delete((job.job, job.subject, job.attempt))


class InMemoryGatewayEventLog(TableRepository[tuple[str, str], GatewayEvent], GatewayEventLog):
    async def add(self, event: GatewayEvent, received_at: datetime) -> bool:
        key = (event.gateway, event.event_id)
        if self._rows.get(key) is not None:
            return False
        self._rows.put(key, event)
        return True

    async def has(self, gateway: str, event_id: str) -> bool:
        return self._rows.get((gateway, event_id)) is not None


class InMemoryPayoutAccountRepository(
    TableRepository[tuple[UserId, str], PayoutAccount], PayoutAccountRepository
):
    async def get(
        self, artist_user_id: UserId, gateway: str, *, for_update: bool = False
    ) -> PayoutAccount | None:
        return self._rows.get((artist_user_id, gateway))

    async def by_account(
        self, gateway: str, account_id: str, *, for_update: bool = False
    ) -> PayoutAccount | None:
        found = (
            a for a in self._rows.values() if (a.gateway, a.account_id) == (gateway, account_id)
        )
        return next(found, None)

    async def add(self, account: PayoutAccount) -> None:
        key = (account.artist_user_id, account.gateway)
        if self._rows.get(key) is not None:
            raise ConflictError("the artist has a payout account at this gateway")
        self._rows.put(key, account)

    async def update(self, account: PayoutAccount) -> None:
        self._rows.put((account.artist_user_id, account.gateway), account)


class InMemoryReconciliationRepository(
    TableRepository[tuple[str, date], Reconciliation], ReconciliationRepository
):
    async def save(self, reconciliation: Reconciliation) -> None:
        self._rows.put((reconciliation.gateway, reconciliation.day), reconciliation)

    async def agreed_days(self, gateway: str, since: date) -> set[date]:
        return {
            r.day
            for r in self._rows.values()
            if r.gateway == gateway and r.day >= since and r.agrees
        }

    async def list(self, page: PageRequest, *, differing: bool = False) -> Page[Reconciliation]:
        found = [r for r in self._rows.values() if not (differing and r.agrees)]
        found.sort(key=lambda r: (-r.day.toordinal(), r.gateway))
        return Page(tuple(found[page.offset : page.offset + page.page_size]), len(found), page)
