"""Payments received: what a verified payment does to its booking.

A callback is never trusted: only the provider's own check, asked by us, says what was paid
(docs/payments.md, "The callback"). Each ``PAID`` payment it lists is recorded once (by the
provider's payment id) and then:
- confirms the booking (or leaves it pending until the artist approves, never here: an
  invoice exists only once no approval is awaited) when the booking awaits exactly this
  deposit and its hold is live;
- is owed back in full when the booking no longer holds its slot: it was cancelled, its
  hold ran out (it is expired first, then the payment recorded), or it was already paid
  (a second payment of the same invoice), or it is of a size of a one-off flash design
  that another booking claimed first (it is cancelled first, reason
  ``flash_design_taken``, then the payment recorded);
- is kept for an admin to review when nothing above fits (a currency other than the
  deposit's, or another amount on a booking still awaiting it): recorded, never applied
  blindly, never lost.

A payment of a balance invoice (``balance.py``) is kept by the booking when it pays
exactly that open invoice of a completed booking; paying a superseded (cancelled) or an
already paid balance invoice is owed back; another amount or currency is kept for review.

An invoice loyalty points paid part of asks for the rest: its exact amount is the payment
that confirms (the points cover the difference). Once such an invoice was cancelled its
points went back to the customer, so a payment of it that raced the cancel confirms
nothing: it is owed back, or kept for review on a booking still awaiting its deposit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from booking_domain.bookings import (
    Booking,
    BookingStatus,
    HistoryEntry,
    expire_hold,
    record_balance_payment,
    record_payment,
    withdraw_taken_flash,
)
from booking_domain.payments.gateway import (
    PaymentCheck,
    PaymentMethod,
    PaymentState,
    ProviderPayment,
)
from booking_domain.payments.invoices import DepositInvoice, InvoiceKind, InvoiceStatus, settle
from booking_domain.shared.ids import BookingId
from booking_domain.shared.money import Money


class PaymentOutcome(StrEnum):
    CONFIRMED = "confirmed"
    OWED_BACK = "owed_back"
    REVIEW = "review"


@dataclass(frozen=True, slots=True)
class ReceivedPayment:
    payment_id: str
    invoice_id: str  # the provider's invoice id
    booking_id: BookingId
    amount: Money
    method: PaymentMethod
    outcome: PaymentOutcome
    received_at: datetime
    gateway: str = "qpay"  # the gateway that took it (``ProviderPayment.gateway``)
    # A destination charge's split (``ProviderPayment``): paid by the gateway to the
    # artist's own account, and the platform's fee it kept (minor units; 0 otherwise).
    transferred: int = 0
    fee: int = 0


def paid_payments(check: PaymentCheck) -> tuple[ProviderPayment, ...]:
    """The payments of a check that moved money (``PAID``), in the provider's order."""
    return tuple(p for p in check.payments if p.state is PaymentState.PAID)


def totals_agree(check: PaymentCheck) -> bool:
    """The provider's own total against the sum of its ``PAID`` rows (a cross-check the
    caller logs when it fails; the rows are what is recorded)."""
    rows = paid_payments(check)
    if any(p.amount.currency != check.paid_total.currency for p in rows):
        return False
    return sum(p.amount.amount for p in rows) == check.paid_total.amount


@dataclass(frozen=True, slots=True)
class Receipt:
    """What receiving one payment did: the booking's changes in order, each the booking
    after it and its event (none, one, or an expiry then the payment), the invoice after
    it, and the record to store."""

    booking: Booking
    invoice: DepositInvoice
    steps: tuple[tuple[Booking, HistoryEntry], ...]
    payment: ReceivedPayment

    @property
    def confirms_deposit(self) -> bool:
        """This payment confirms the booking by its deposit: when the booking's service is
        a size of a one-off flash design, the design must be claimed for it."""
        return (
            self.invoice.kind is not InvoiceKind.BALANCE
            and self.payment.outcome is PaymentOutcome.CONFIRMED
        )


def receive(
    booking: Booking,
    invoice: DepositInvoice,
    payment: ProviderPayment,
    now: datetime,
    *,
    flash_taken: bool = False,
) -> Receipt:
    """Apply one verified, not yet recorded ``PAID`` payment of ``invoice`` to its booking.
    ``flash_taken``: the booking's one-off flash design was claimed by another booking (a
    receipt that ``confirms_deposit`` could not claim it), so the pending booking is
    withdrawn first and the payment owed back."""
    if invoice.kind is InvoiceKind.BALANCE:
        return _receive_balance(booking, invoice, payment, now)
    steps: list[tuple[Booking, HistoryEntry]] = []
    if booking.status is BookingStatus.PENDING and booking.hold_expired(now):
        booking, expired = expire_hold(booking, now)
        steps.append((booking, expired))
    if booking.status is BookingStatus.PENDING and flash_taken:
        booking, withdrawn = withdraw_taken_flash(booking, now)
        steps.append((booking, withdrawn))
    exact = payment.amount == invoice.amount and invoice.asked == booking.deposit
    if invoice.points and invoice.status is InvoiceStatus.CANCELLED:
        exact = False  # its points were released when it was cancelled
    foreign = payment.amount.currency != booking.deposit.currency
    pending = booking.status is BookingStatus.PENDING
    if foreign or (pending and not (booking.awaiting_deposit and exact)):
        outcome = PaymentOutcome.REVIEW
    else:
        covered = Money(invoice.discount, invoice.amount.currency) if exact else None
        booking, recorded = record_payment(booking, payment.amount, now, covered=covered)
        steps.append((booking, recorded))
        # Confirmed by this payment: it moved a pending booking (a second payment of a
        # confirmed booking keeps the status "confirmed", and is owed back).
        confirmed = recorded.from_status is BookingStatus.PENDING and (
            recorded.to_status is BookingStatus.CONFIRMED
        )
        outcome = PaymentOutcome.CONFIRMED if confirmed else PaymentOutcome.OWED_BACK
    return _receipt(booking, invoice, payment, steps, outcome, now)


def _receive_balance(
    booking: Booking, invoice: DepositInvoice, payment: ProviderPayment, now: datetime
) -> Receipt:
    steps: list[tuple[Booking, HistoryEntry]] = []
    exact = payment.amount == invoice.amount
    if not exact or payment.amount.currency != booking.deposit.currency:
        outcome = PaymentOutcome.REVIEW
    elif invoice.status is InvoiceStatus.OPEN and booking.status is BookingStatus.COMPLETED:
        full = invoice.full_price or invoice.amount
        booking, recorded = record_balance_payment(booking, payment.amount, full, now)
        steps.append((booking, recorded))
        outcome = PaymentOutcome.CONFIRMED
    else:  # superseded, paid twice, or the booking moved on (disputed): owed back
        booking, recorded = record_payment(booking, payment.amount, now)
        steps.append((booking, recorded))
        outcome = PaymentOutcome.OWED_BACK
    return _receipt(booking, invoice, payment, steps, outcome, now)


def _receipt(
    booking: Booking,
    invoice: DepositInvoice,
    payment: ProviderPayment,
    steps: list[tuple[Booking, HistoryEntry]],
    outcome: PaymentOutcome,
    now: datetime,
) -> Receipt:
    """The invoice settled (once: a second payment finds it paid) and the payment's record."""
    if invoice.status is not InvoiceStatus.PAID:
        invoice = settle(invoice, now)
    record = ReceivedPayment(
        payment_id=payment.payment_id,
        invoice_id=invoice.provider_invoice_id or "",
        booking_id=booking.id,
        amount=payment.amount,
        method=payment.method,
        outcome=outcome,
        received_at=now,
        gateway=payment.gateway,
        transferred=payment.transferred,
        fee=payment.fee,
    )
    return Receipt(booking, invoice, tuple(steps), record)
