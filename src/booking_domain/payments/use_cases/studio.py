"""Payments taken in the studio (``studio.py`` has the rules).

``RecordStudioPayment``: the booking's artist (or an admin) records cash, a card terminal
or a bank transfer received by hand. In one unit of work: the booking locked, the payment
applied to it by the same history entries as a provider's payment (so its events feed
loyalty, analytics, notifications and webhooks alike), an open invoice of the same kind
withdrawn (here, and at the provider by a job: the money came another way), the artist's
next receipt number taken, the payment and its audit entry written. With an
``Idempotency-Key`` a retry gets the first answer. ``RefundStudioPayment`` gives back some
of a recorded payment (``booking.refund_recorded``). ``ListStudioPayments`` answers the
booking's parties what was recorded and what is due now; ``StudioReceipt`` reads one
receipt, by its booking's party or by the random token of its link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from booking_domain.bookings import (
    Booking,
    BookingNotFoundError,
    IdempotencyKeyReusedError,
    record_change,
)
from booking_domain.catalog import ClaimOutcome
from booking_domain.payments import invoices as inv
from booking_domain.payments import studio
from booking_domain.payments.balance import prior_discount
from booking_domain.payments.errors import StudioPaymentNotDueError, StudioPaymentNotFoundError
from booking_domain.payments.invoices import DepositInvoice, InvoiceKind, InvoiceStatus
from booking_domain.payments.ports import PaymentJob, PaymentsUnitOfWork
from booking_domain.payments.studio import (
    StudioKind,
    StudioMethod,
    StudioPayment,
    StudioPaymentId,
)
from booking_domain.payments.use_cases.balance import _artist_booking, _price_of
from booking_domain.payments.use_cases.deps import PaymentsDeps
from booking_domain.payments.use_cases.trail import record_deposit_change
from booking_domain.shared import idempotency_key_problem
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.errors import DomainError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent, money_data, subject_of
from booking_domain.shared.use_case import UseCase

STUDIO_PAYMENT = "studio_payment"


@dataclass(frozen=True, slots=True)
class StudioPaymentRequest:
    method: StudioMethod
    kind: StudioKind
    amount: int
    note: str | None = None


@dataclass(frozen=True, slots=True)
class StudioRecorded:
    """``receipt_url`` opens the receipt's page without signing in (given once, with the
    new payment, and in the customer's email; None for a replay of an Idempotency-Key)."""

    payment: StudioPayment
    booking: Booking
    created: bool
    receipt_url: str | None


@dataclass(frozen=True, slots=True)
class StudioPayments:
    """What was recorded on the booking, and what each kind would take now (absent: not
    due now)."""

    booking: Booking
    payments: Sequence[StudioPayment]
    due: dict[StudioKind, Money]


async def _full_price(uow: PaymentsUnitOfWork, booking: Booking) -> Money:
    invoices = await uow.invoices.for_booking(booking.id)
    return studio.full_price(booking, await _price_of(uow, booking), prior_discount(invoices))


def _due_now(booking: Booking, full: Money, now: datetime) -> dict[StudioKind, Money]:
    due: dict[StudioKind, Money] = {}
    for kind in StudioKind:
        try:
            due[kind] = studio.due(booking, kind, full, now)
        except DomainError:
            continue
    return due


def _audit(payment: StudioPayment, change: str, now: datetime, actor: Actor) -> AuditEntry:
    after: dict[str, JsonValue] = {
        "receiptNumber": payment.receipt_number, "method": payment.method.value,
        "kind": payment.kind.value, "amount": money_data(payment.amount),
        "refunded": money_data(payment.refunded), "bookingId": str(payment.booking_id),
    }  # fmt: skip
    target = subject_of(STUDIO_PAYMENT, payment.id)
    return audit_entry(f"studio_payment.{change}", target, now, actor=actor, after=after)


def studio_event(
    payment: StudioPayment, booking: Booking, receipt_url: str, now: datetime, *, sequence: int
) -> OutboxEvent:
    """``payment.studio_recorded``: the customer is emailed the receipt's link (the link is
    the receipt's key: the event goes to the booking's parties only, never to webhooks)."""
    return OutboxEvent(
        id=EventId(new_uuid7(int(now.timestamp() * 1000))),
        type="payment.studio_recorded",
        occurred_at=now,
        subject=subject_of(STUDIO_PAYMENT, payment.id),
        sequence=sequence,
        data={
            "booking": {
                "id": str(booking.id),
                "clientId": None if booking.client_id is None else str(booking.client_id),
            },
            "payment": {
                "id": str(payment.id), "bookingId": str(payment.booking_id),
                "receiptNumber": payment.receipt_number, "receipt": payment.receipt_label,
                "method": payment.method.value, "kind": payment.kind.value,
                "amount": money_data(payment.amount), "receiptUrl": receipt_url,
            }
        },
        audience=tuple(
            who for who in (booking.customer_id, booking.artist_user_id) if who is not None
        ),
    )  # fmt: skip


class RecordStudioPayment(UseCase[PaymentsDeps]):
    async def __call__(
        self,
        actor: Actor,
        booking_id: BookingId,
        request: StudioPaymentRequest,
        *,
        idempotency_key: str | None = None,
    ) -> StudioRecorded:
        if (problem := idempotency_key_problem(idempotency_key)) is not None:
            raise InvalidInputError(errors=(problem,))
        studio.check_amount(request.amount)
        note = studio.check_note(request.note)
        token = studio.new_receipt_token()
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            booking = await _artist_booking(uow, actor, booking_id)
            if idempotency_key is not None:
                earlier = await uow.studio_payments.by_idempotency_key(
                    actor.user_id, idempotency_key
                )
                if earlier is not None:
                    if earlier.booking_id != booking.id:
                        raise IdempotencyKeyReusedError()
                    return StudioRecorded(earlier, booking, created=False, receipt_url=None)
            full = await _full_price(uow, booking)
            amount = Money(request.amount, booking.deposit.currency)
            changed, entry = studio.record(
                booking, actor, kind=request.kind, method=request.method, amount=amount,
                full=full, now=now,
            )  # fmt: skip
            if request.kind is StudioKind.DEPOSIT and booking.one_off_design_id is not None:
                claimed = await uow.flash.claim(booking.service_id, booking.id)
                if claimed is ClaimOutcome.TAKEN:
                    raise StudioPaymentNotDueError("Another booking took this flash design.")
            await self._withdraw_open(uow, booking, request.kind, actor, now)
            number = await uow.studio_payments.next_receipt_number(booking.artist_id)
            payment = studio.new_payment(
                booking, actor, receipt_number=number, kind=request.kind,
                method=request.method, amount=amount, note=note,
                token_hash=studio.hash_receipt_token(token), now=now,
                idempotency_key=idempotency_key,
            )  # fmt: skip
            await uow.studio_payments.add(payment)
            await record_change(uow, changed, entry)
            await uow.audit.record(_audit(payment, "recorded", now, actor))
            url = self._deps.receipt_url(token)
            subject = subject_of(STUDIO_PAYMENT, payment.id)
            sequence = await uow.outbox.next_sequence(subject)
            await uow.outbox.record(studio_event(payment, changed, url, now, sequence=sequence))
            await uow.commit()
        return StudioRecorded(payment, changed, created=True, receipt_url=url)

    async def _withdraw_open(
        self,
        uow: PaymentsUnitOfWork,
        booking: Booking,
        kind: StudioKind,
        actor: Actor,
        now: datetime,
    ) -> None:
        """The money came by hand: an open invoice for it is no longer payable (a payment
        of it that raced this is owed back, as any payment of a withdrawn invoice)."""
        wanted = InvoiceKind.DEPOSIT if kind is StudioKind.DEPOSIT else InvoiceKind.BALANCE
        invoices: Sequence[DepositInvoice] = await uow.invoices.for_booking(booking.id)
        for old in invoices:
            if old.kind is wanted and old.status is InvoiceStatus.OPEN:
                withdrawn = inv.withdraw(old, now)
                await uow.invoices.update(withdrawn)
                await record_deposit_change(uow, old, withdrawn, now, actor=actor)
                await uow.payment_jobs.defer(PaymentJob.CANCEL_INVOICE, old.id)


class RefundStudioPayment(UseCase[PaymentsDeps]):
    async def __call__(
        self, actor: Actor, booking_id: BookingId, payment_id: StudioPaymentId, amount: int
    ) -> StudioRecorded:
        studio.check_amount(amount)
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            booking = await _artist_booking(uow, actor, booking_id)
            payment = await uow.studio_payments.get(payment_id, for_update=True)
            if payment is None or payment.booking_id != booking.id:
                raise StudioPaymentNotFoundError()
            money = Money(amount, payment.amount.currency)
            given, changed, entry = studio.refund(payment, booking, actor, money, now)
            await uow.studio_payments.update(given)
            await record_change(uow, changed, entry)
            await uow.audit.record(_audit(given, "refunded", now, actor))
            await uow.commit()
        return StudioRecorded(given, changed, created=False, receipt_url=None)


async def _party_booking(uow: PaymentsUnitOfWork, actor: Actor, booking_id: BookingId) -> Booking:
    booking = await uow.bookings.get(booking_id)
    if booking is None or booking.role_of(actor) is None:
        raise BookingNotFoundError()
    return booking


class ListStudioPayments(UseCase[PaymentsDeps]):
    async def __call__(self, actor: Actor, booking_id: BookingId) -> StudioPayments:
        async with self._deps.uow() as uow:
            booking = await _party_booking(uow, actor, booking_id)
            payments = await uow.studio_payments.for_booking(booking.id)
            full = await _full_price(uow, booking)
        return StudioPayments(booking, payments, _due_now(booking, full, self._deps.clock.now()))


@dataclass(frozen=True, slots=True)
class ReceiptView:
    payment: StudioPayment
    booking: Booking


@dataclass(frozen=True, slots=True)
class ReceiptFile:
    name: str  # receipt-000042.html
    media_type: str
    body: bytes


def _drawn(deps: PaymentsDeps, view: ReceiptView, locale: str, pdf: bool) -> ReceiptFile:
    documents = deps.receipt_documents
    if documents is None:
        raise StudioPaymentNotFoundError()
    name = f"receipt-{view.payment.receipt_label}"
    if pdf:
        return ReceiptFile(
            f"{name}.pdf", "application/pdf", documents.pdf(view.payment, view.booking, locale)
        )
    page = documents.html(view.payment, view.booking, locale).encode()
    return ReceiptFile(f"{name}.html", "text/html; charset=utf-8", page)


class StudioReceipt(UseCase[PaymentsDeps]):
    async def __call__(
        self,
        actor: Actor,
        booking_id: BookingId,
        payment_id: StudioPaymentId,
        *,
        locale: str = "en",
        pdf: bool = False,
    ) -> ReceiptFile:
        """A receipt for the booking's parties (strangers: not found)."""
        async with self._deps.uow() as uow:
            booking = await _party_booking(uow, actor, booking_id)
            payment = await uow.studio_payments.get(payment_id)
        if payment is None or payment.booking_id != booking.id:
            raise StudioPaymentNotFoundError()
        return _drawn(self._deps, ReceiptView(payment, booking), locale, pdf)


class StudioReceiptByToken(UseCase[PaymentsDeps]):
    async def __call__(self, token: str, *, locale: str = "en", pdf: bool = False) -> ReceiptFile:
        """The receipt a link's token opens (no sign-in: the token is the key)."""
        if not token or len(token) > 64:
            raise StudioPaymentNotFoundError()
        async with self._deps.uow() as uow:
            payment = await uow.studio_payments.by_receipt_token(studio.hash_receipt_token(token))
            booking = None if payment is None else await uow.bookings.get(payment.booking_id)
        if payment is None or booking is None:
            raise StudioPaymentNotFoundError()
        return _drawn(self._deps, ReceiptView(payment, booking), locale, pdf)
