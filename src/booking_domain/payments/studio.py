"""Payments taken in the studio: cash, a card terminal or a bank transfer the artist
received by hand and records against a booking, with a numbered receipt.

A recorded payment is a payment like the ones through the provider, with its ``method``
and no gateway: it moves the booking by the same history entries (and so the same outbox
events) as a provider's payment, so loyalty, analytics, notifications and the booking's
paid state follow the same road (docs/payments.md, "Payments taken in the studio").

Rules:
- **What** (``StudioKind``): ``deposit`` is the booking's deposit, exactly, while the
  booking is pending and awaits it with a live hold: it confirms the booking as a paid
  deposit invoice does. ``balance`` is some or all of what is left of the price after the
  session (the booking is ``completed``): ``0 < amount <= due``. ``all`` is exactly what is
  left (the same, in one go). Anything else is not due now (409
  ``studio_payment_not_due``): a cancelled, expired, no-show or disputed booking takes no
  recorded money, and a paid-up one nothing more (409 ``balance_already_paid``).
- **What is left** (``due``) is the full price (the booking's price less what loyalty
  points took off its paid invoices; once a balance was paid, the full price it noted)
  less what the booking holds (``Booking.refundable``).
- **Amounts** are whole minor units of the booking's currency, ``1 ..
  MAX_AMOUNT``; another amount than the rule allows is 422 ``studio_amount_out_of_range``.
- **Receipts** are numbered per artist from 1 without gaps (the number is taken in the
  transaction that records the payment, so a rolled-back one takes none) and never twice
  (stored unique).
- **Refunds** of a recorded payment give back ``0 < amount <= amount - refunded`` of it
  (and never more than the booking still holds): the booking's ``amountRefunded`` grows
  and its payment status becomes ``partially_refunded`` or ``refunded``
  (``booking.refund_recorded``, which takes back loyalty's share).
"""

from __future__ import annotations

import dataclasses
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.bookings import (
    IN_STUDIO_PREFIX,
    Booking,
    BookingStatus,
    HistoryEntry,
    HistoryKind,
    PaymentStatus,
    apply,
)
from booking_domain.payments.errors import (
    BalanceAlreadyPaidError,
    StudioAmountOutOfRangeError,
    StudioPaymentNotDueError,
    StudioRefundOutOfRangeError,
)
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, BookingId, UserId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import require_aware

StudioPaymentId = NewType("StudioPaymentId", UUID)
MAX_AMOUNT = 100_000_000_00  # 100,000,000.00 in minor units: no session costs more
MAX_NOTE = 500


class StudioMethod(StrEnum):
    CASH = "cash"
    CARD_TERMINAL = "card_terminal"
    BANK_TRANSFER = "bank_transfer"


class StudioKind(StrEnum):
    DEPOSIT = "deposit"
    BALANCE = "balance"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class StudioPayment:
    """One payment the artist took by hand, and what of it was given back. The receipt's
    page is opened with a random token (only its hash is kept, as a callback's)."""

    id: StudioPaymentId
    booking_id: BookingId
    artist_id: ArtistId
    receipt_number: int
    method: StudioMethod
    kind: StudioKind
    amount: Money
    note: str | None
    recorded_by: UserId
    recorded_at: datetime
    receipt_token_hash: str
    refunded: Money
    idempotency_key: str | None = None
    refunded_at: datetime | None = None

    @property
    def refundable(self) -> Money:
        return self.amount - self.refunded

    @property
    def receipt_label(self) -> str:
        """What the receipt shows: the artist's running number, six digits wide."""
        return f"{self.receipt_number:06d}"


def check_amount(amount: object) -> int:
    """A whole, positive number of minor units within bounds (422 naming ``amount``)."""
    if type(amount) is not int or not 0 < amount <= MAX_AMOUNT:
        message = f"State an amount of 1 to {MAX_AMOUNT} minor units."
        raise InvalidInputError(errors=(FieldError("amount", message, "out_of_range"),))
    return amount


def check_note(note: str | None) -> str | None:
    """The note stripped (None when empty); at most ``MAX_NOTE`` characters of plain text."""
    text = (note or "").strip()
    if not text:
        return None
    if len(text) > MAX_NOTE:
        message = f"At most {MAX_NOTE} characters."
        raise InvalidInputError(errors=(FieldError("note", message, "too_long"),))
    if (problem := text_problem("note", text, multiline=True)) is not None:
        raise InvalidInputError(errors=(problem,))
    return text


def full_price(booking: Booking, price: Money, prior_discount: int = 0) -> Money:
    """What paying in full means in money: the price the balance noted, else the booking's
    price less what points took off its paid invoices."""
    if booking.full_price is not None:
        return booking.full_price
    return Money(price.amount - prior_discount, price.currency)


def due(booking: Booking, kind: StudioKind, full: Money, now: datetime) -> Money:
    """What ``kind`` may take now: the deposit (exactly) of a booking awaiting it, or what
    is left of ``full`` after the session; refused when nothing of that kind is due."""
    if kind is StudioKind.DEPOSIT:
        if not booking.awaiting_deposit or booking.hold_expired(now):
            raise StudioPaymentNotDueError("This booking is not awaiting its deposit.")
        return booking.deposit
    if booking.status is not BookingStatus.COMPLETED:
        raise StudioPaymentNotDueError()
    if full.currency != booking.deposit.currency:
        raise StudioPaymentNotDueError("The booking's price is in another currency.")
    left = full.amount - booking.refundable.amount
    if left <= 0:
        raise BalanceAlreadyPaidError()
    return Money(left, full.currency)


def check_recordable(kind: StudioKind, amount: Money, owed: Money) -> None:
    """``deposit`` and ``all`` take exactly what is due; ``balance`` at most that."""
    exact = kind is not StudioKind.BALANCE
    if amount.currency != owed.currency or (amount != owed if exact else amount > owed):
        if exact:
            raise StudioAmountOutOfRangeError(f"This payment takes exactly {owed}.")
        raise StudioAmountOutOfRangeError(f"This payment takes at most {owed}.")


def new_receipt_token() -> str:
    """128 random bits, URL-safe: the secret in the link to one receipt."""
    return secrets.token_urlsafe(16)


def hash_receipt_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def studio_reason(method: StudioMethod) -> str:
    """The history entry's reason: says the money came by hand, and how (the bookings'
    ``IN_STUDIO_PREFIX``, which loyalty reads: ``taken_in_studio``)."""
    return f"{IN_STUDIO_PREFIX}{method.value}"


def record(
    booking: Booking,
    actor: Actor,
    *,
    kind: StudioKind,
    method: StudioMethod,
    amount: Money,
    full: Money,
    now: datetime,
) -> tuple[Booking, HistoryEntry]:
    """The booking with the payment applied: a deposit confirms it (as the provider's
    deposit does, ``booking.payment_recorded``); a balance is kept and notes the full price
    (``booking.balance_paid``, on which loyalty earns)."""
    now = require_aware(now, "now")
    check_recordable(kind, amount, due(booking, kind, full, now))
    reason = studio_reason(method)
    if kind is StudioKind.DEPOSIT:
        return apply(
            booking,
            kind=HistoryKind.PAYMENT_RECORDED,
            now=now,
            actor=actor,
            reason=reason,
            amount=amount,
            status=BookingStatus.CONFIRMED,
            payment_status=PaymentStatus.PAID,
            hold_expires_at=None,
            amount_paid=amount,
            held_in_studio=booking.held_in_studio + amount.amount,
        )
    return apply(
        booking,
        kind=HistoryKind.BALANCE_PAID,
        now=now,
        actor=actor,
        reason=reason,
        amount=amount,
        payment_status=PaymentStatus.PAID,
        amount_paid=booking.amount_paid + amount,
        full_price=full,
        held_in_studio=booking.held_in_studio + amount.amount,
    )


def new_payment(
    booking: Booking,
    actor: Actor,
    *,
    receipt_number: int,
    kind: StudioKind,
    method: StudioMethod,
    amount: Money,
    note: str | None,
    token_hash: str,
    now: datetime,
    idempotency_key: str | None = None,
) -> StudioPayment:
    now = require_aware(now, "now")
    return StudioPayment(
        id=StudioPaymentId(new_uuid7(int(now.timestamp() * 1000))),
        booking_id=booking.id,
        artist_id=booking.artist_id,
        receipt_number=receipt_number,
        method=method,
        kind=kind,
        amount=amount,
        note=note,
        recorded_by=actor.user_id,
        recorded_at=now,
        receipt_token_hash=token_hash,
        refunded=Money.zero(amount.currency),
        idempotency_key=idempotency_key,
    )


def refund(
    payment: StudioPayment, booking: Booking, actor: Actor, amount: Money, now: datetime
) -> tuple[StudioPayment, Booking, HistoryEntry]:
    """Give back ``amount`` of a recorded payment: never more than is left of it, nor than
    the booking still holds."""
    now = require_aware(now, "now")
    if (
        amount.currency != payment.amount.currency
        or amount.is_zero
        or amount > payment.refundable
        or amount > booking.refundable
    ):
        raise StudioRefundOutOfRangeError(f"At most {payment.refundable} can be given back.")
    refunded = booking.amount_refunded + amount
    status = (
        PaymentStatus.REFUNDED
        if refunded == booking.amount_paid
        else PaymentStatus.PARTIALLY_REFUNDED
    )
    changed, entry = apply(
        booking,
        kind=HistoryKind.REFUND_RECORDED,
        now=now,
        actor=actor,
        reason=studio_reason(payment.method),
        amount=amount,
        payment_status=status,
        amount_refunded=refunded,
        held_in_studio=max(0, booking.held_in_studio - amount.amount),
    )
    given = dataclasses.replace(payment, refunded=payment.refunded + amount, refunded_at=now)
    return given, changed, entry
