"""What payments needs from the outside world: where invoices and received payments are
kept, how follow-up jobs are queued, and the ``PaymentGateway`` (``gateway.py``).

Every adapter passes the contract suites in ``tests/contract/payments``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol
from uuid import UUID

from booking_domain.bookings import Booking, HasBookings
from booking_domain.catalog import HasFlash, HasServices
from booking_domain.loyalty import HasLoyalty
from booking_domain.payments.connect import PayoutAccount
from booking_domain.payments.gateway_events import GatewayEvent
from booking_domain.payments.invoices import DepositInvoice, InvoiceId
from booking_domain.payments.ledger import Transaction, TransactionFilter
from booking_domain.payments.receipts import ReceivedPayment
from booking_domain.payments.reconciliation import Reconciliation
from booking_domain.payments.refunds import Refund, RefundId
from booking_domain.payments.studio import StudioPayment, StudioPaymentId
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, UnitOfWork, UnitOfWorkFactory


class InvoiceRepository(Protocol):
    async def add(self, invoice: DepositInvoice) -> None:
        """Raises ``ConflictError`` when the number is taken (a bug: numbers are per
        attempt)."""
        ...

    async def get(
        self, invoice_id: InvoiceId, *, for_update: bool = False
    ) -> DepositInvoice | None:
        """``for_update`` holds the invoice until the unit of work ends."""
        ...

    async def by_provider_id(self, provider_invoice_id: str) -> DepositInvoice | None: ...

    async def by_number(self, number: str) -> DepositInvoice | None: ...

    async def by_idempotency_key(self, customer_id: UserId, key: str) -> DepositInvoice | None: ...

    async def for_booking(self, booking_id: BookingId) -> Sequence[DepositInvoice]:
        """Every invoice of the booking, oldest first."""
        ...

    async def update(self, invoice: DepositInvoice) -> None: ...

    async def mark_checked(self, invoice_id: InvoiceId, now: datetime, since: datetime) -> bool:
        """Set the invoice's ``checked_at`` to ``now`` unless it is after ``since``; whether
        it was set (one caller wins among concurrent ones)."""
        ...

    async def lapsed(self, now: datetime, *, limit: int) -> Sequence[DepositInvoice]:
        """Open invoices whose payable time ended by ``now`` or whose booking is no longer
        pending (cancelled meanwhile), oldest first, locked for this unit of work; rows
        another unit of work holds are skipped."""
        ...


class HasInvoices(Protocol):
    @property
    def invoices(self) -> InvoiceRepository: ...


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the provider said when a payment was recorded: the callback's query (empty
    when the customer's own check found it) and the check's answer, as received."""

    callback: str
    check: str


class ReceivedPaymentRepository(Protocol):
    async def add(self, payment: ReceivedPayment, evidence: Evidence) -> bool:
        """Record a payment once: False (and nothing written) when its payment id is
        already recorded, whoever recorded it."""
        ...

    async def for_invoice(self, provider_invoice_id: str) -> Sequence[ReceivedPayment]:
        """Oldest first."""
        ...

    async def get(self, payment_id: str) -> ReceivedPayment | None:
        """The payment recorded under the provider's id, if any."""
        ...

    async def received_between(
        self, gateway: str, start: datetime, end: datetime
    ) -> Sequence[ReceivedPayment]:
        """The gateway's payments recorded in ``[start, end)``, oldest first."""
        ...

    async def for_booking(self, booking_id: BookingId) -> Sequence[ReceivedPayment]:
        """Every payment recorded for the booking, oldest first."""
        ...


class HasReceivedPayments(Protocol):
    @property
    def received_payments(self) -> ReceivedPaymentRepository: ...


class RefundRepository(Protocol):
    async def add(self, refund: Refund) -> None: ...

    async def get(self, refund_id: RefundId, *, for_update: bool = False) -> Refund | None: ...

    async def update(self, refund: Refund) -> None: ...

    async def for_booking(self, booking_id: BookingId) -> Sequence[Refund]:
        """Oldest first."""
        ...

    async def awaiting_settlement(self, page: PageRequest) -> Page[Refund]:
        """Refunds awaiting manual settlement, oldest first."""
        ...

    async def owing_bookings(self, *, limit: int) -> Sequence[BookingId]:
        """Bookings that owe back more than their open refunds cover (the sweep's list)."""
        ...


class HasRefunds(Protocol):
    @property
    def refunds(self) -> RefundRepository: ...


class PayoutAccountRepository(Protocol):
    """Artists' payout accounts at a gateway (``connect.py``), one per artist and gateway."""

    async def get(
        self, artist_user_id: UserId, gateway: str, *, for_update: bool = False
    ) -> PayoutAccount | None: ...

    async def by_account(
        self, gateway: str, account_id: str, *, for_update: bool = False
    ) -> PayoutAccount | None:
        """The account by the gateway's id for it."""
        ...

    async def add(self, account: PayoutAccount) -> None:
        """Raises ``ConflictError`` when the artist has one at the gateway already."""
        ...

    async def update(self, account: PayoutAccount) -> None: ...


class HasPayoutAccounts(Protocol):
    @property
    def payout_accounts(self) -> PayoutAccountRepository: ...


class StudioPaymentRepository(Protocol):
    """Payments taken in the studio (``studio.py``) and their receipts' numbers."""

    async def next_receipt_number(self, artist_id: ArtistId) -> int:
        """The artist's next receipt number (1, 2, 3 ...), taken in this unit of work: a
        rollback gives it back (no gaps), and a concurrent unit of work taking one for the
        same artist waits for this one to end (never twice)."""
        ...

    async def add(self, payment: StudioPayment) -> None:
        """Raises ``ConflictError`` when its receipt number, or its recorder's
        idempotency key, is taken."""
        ...

    async def get(
        self, payment_id: StudioPaymentId, *, for_update: bool = False
    ) -> StudioPayment | None: ...

    async def by_idempotency_key(self, recorded_by: UserId, key: str) -> StudioPayment | None: ...

    async def by_receipt_token(self, token_hash: str) -> StudioPayment | None: ...

    async def for_booking(self, booking_id: BookingId) -> Sequence[StudioPayment]:
        """Oldest first (by receipt number)."""
        ...

    async def update(self, payment: StudioPayment) -> None:
        """Its refund (only ``refunded`` and ``refunded_at`` change)."""
        ...


class ReceiptDocuments(Protocol):
    """A studio payment's receipt as a person keeps it, in ``locale`` (``en`` or ``mn``);
    the artist's note is shown as text, never as markup."""

    def html(self, payment: StudioPayment, booking: Booking, locale: str) -> str:
        """A standalone HTML page (UTF-8), printable, readable at a phone's width."""
        ...

    def pdf(self, payment: StudioPayment, booking: Booking, locale: str) -> bytes:
        """A PDF with a Unicode font embedded (Mongolian Cyrillic included)."""
        ...


class HasStudioPayments(Protocol):
    @property
    def studio_payments(self) -> StudioPaymentRepository: ...


class GatewayEventLog(Protocol):
    """Events gateways sent us (``gateway_events.py``), each kept once with its raw body."""

    async def add(self, event: GatewayEvent, received_at: datetime) -> bool:
        """Keep the event: False (and nothing written) when its gateway's id for it is kept
        already, whoever kept it."""
        ...

    async def has(self, gateway: str, event_id: str) -> bool: ...


class ReconciliationRepository(Protocol):
    """The daily reconciliations (``reconciliation.py``): one per gateway and day, the latest."""

    async def save(self, reconciliation: Reconciliation) -> None:
        """Keep it, in place of an earlier one of its gateway and day."""
        ...

    async def agreed_days(self, gateway: str, since: date) -> set[date]:
        """The gateway's days from ``since`` on found to agree."""
        ...

    async def list(self, page: PageRequest, *, differing: bool = False) -> Page[Reconciliation]:
        """Newest day first (then by gateway); only those that differ with ``differing``."""
        ...


class HasReconciliations(Protocol):
    @property
    def reconciliations(self) -> ReconciliationRepository: ...


class HasGatewayEvents(Protocol):
    @property
    def gateway_events(self) -> GatewayEventLog: ...


class TransactionLedger(Protocol):
    async def list(self, where: TransactionFilter, page: PageRequest) -> Page[Transaction]:
        """Deposits and refunds matching ``where`` (``TransactionFilter.matches``), newest
        made first, ties by id (newest first); the total counted as ``Page.counted`` says."""
        ...


class HasTransactions(Protocol):
    @property
    def transactions(self) -> TransactionLedger: ...


class PaymentJob(StrEnum):
    RECHECK = "recheck"  # a callback came before the provider's check showed the payment
    CANCEL_INVOICE = "cancel_invoice"  # tell the provider an invoice is no longer payable
    REFUND = "refund"  # send a refund to the provider


class PaymentJobs(Protocol):
    async def defer(
        self, job: PaymentJob, subject: UUID, *, attempt: int = 1, run_at: datetime | None = None
    ) -> None:
        """Queue a job about ``subject`` (an invoice, a refund) in this unit of work (gone
        with a rollback); ``run_at`` delays it. A job still queued for the same (job,
        subject, attempt) is not queued twice."""
        ...


class HasPaymentJobs(Protocol):
    @property
    def payment_jobs(self) -> PaymentJobs: ...


class PaymentsUnitOfWork(
    UnitOfWork,
    HasBookings,
    HasServices,  # before the outbox and the audit, as in catalogue's unit of work
    HasFlash,  # a deposit confirming a size of a one-off design claims it
    HasInvoices,
    HasReceivedPayments,
    HasRefunds,
    HasStudioPayments,
    HasTransactions,
    HasGatewayEvents,
    HasPayoutAccounts,
    HasReconciliations,
    HasLoyalty,  # an invoice holds, spends and releases loyalty points
    HasOutbox,
    HasPaymentJobs,
    HasAudit,
    Protocol,
):
    """What payment use cases open: the bookings they pay for, invoices, received
    payments, refunds, the ledger of both, the loyalty points invoices redeem, the outbox
    and the job queue (and the services whose price a balance invoice reckons from)."""


PaymentsUnitOfWorkFactory = UnitOfWorkFactory[PaymentsUnitOfWork]
