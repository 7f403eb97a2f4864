"""Refunds: paying back what a booking owes (``Booking.refund_due``), through the provider
when it can, by hand when it cannot.

Rules (docs/product.md, "6. Money, deposits and refunds"; docs/payments.md, "Refunds
and manual settlement"):
- What is owed is decided by bookings (a cancellation by policy, an expired hold that was
  paid, a payment on a booking that no longer holds its slot, a dispute's resolution); this
  context pays it out, after that commit, never inside it.
- QPay refunds a whole payment and only a card payment. A refund is sent to the provider
  when it is exactly one unrefunded card payment of the booking; otherwise (bank-app
  payments, so most QR payments; part of a payment; the provider answering
  ``PAYMENT_SETTLED``) it **awaits manual settlement**: listed for admins until one marks it
  settled after a bank transfer. Never dropped, never retried against the provider.
- A refund moves the booking's books only once paid (``refunded``) or settled by hand
  (``settled``): ``booking.refund_recorded``.
- Every change goes through :func:`apply`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, NewType
from uuid import UUID

from booking_domain.bookings import Booking
from booking_domain.payments.gateway import PaymentMethod
from booking_domain.payments.receipts import PaymentOutcome, ReceivedPayment
from booking_domain.shared.errors import InvalidTransitionError
from booking_domain.shared.ids import BookingId, UserId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware

RefundId = NewType("RefundId", UUID)
MAX_NOTE = 1000


class RefundStatus(StrEnum):
    PENDING = "pending"  # to be sent to the provider by a job
    REFUNDED = "refunded"  # the provider paid it back
    MANUAL = "manual"  # awaits manual settlement by an admin
    SETTLED = "settled"  # an admin paid it back by hand


_MOVES = {
    RefundStatus.PENDING: frozenset({RefundStatus.REFUNDED, RefundStatus.MANUAL}),
    RefundStatus.MANUAL: frozenset({RefundStatus.SETTLED}),
    RefundStatus.REFUNDED: frozenset(),
    RefundStatus.SETTLED: frozenset(),
}
OPEN = frozenset({RefundStatus.PENDING, RefundStatus.MANUAL})


@dataclass(frozen=True, slots=True)
class Refund:
    """Money owed back on one booking. ``payment_id``: the provider's payment it returns
    (None when no single payment matches); ``reason``: why it is manual, for the admin."""

    id: RefundId
    booking_id: BookingId
    customer_id: UserId
    artist_user_id: UserId
    amount: Money
    status: RefundStatus
    payment_id: str | None
    method: PaymentMethod | None
    reason: str
    created_at: datetime
    updated_at: datetime
    settled_at: datetime | None = None
    settled_by: UserId | None = None
    settlement_note: str | None = None
    gateway: str = "qpay"  # the gateway of the payment it returns (``ReceivedPayment``)

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        if self.amount.is_zero:
            raise ValueError("a refund returns some money")


def apply(refund: Refund, now: datetime, **changes: Any) -> Refund:
    """The one way a refund changes: a status given must be a move ``_MOVES`` allows
    (settling a settled refund is refused, not repeated)."""
    if "status" in changes and changes["status"] not in _MOVES[refund.status]:
        raise InvalidTransitionError(f"A {refund.status} refund cannot become {changes['status']}.")
    return dataclasses.replace(refund, updated_at=require_aware(now, "now"), **changes)


def outstanding(booking: Booking, open_refunds: Sequence[Refund]) -> Money:
    """What the booking owes back that no refund is paying yet."""
    covered = sum(r.amount.amount for r in open_refunds if r.status in OPEN)
    due = booking.refund_due.amount - covered
    return Money(max(0, due), booking.refund_due.currency)


def plan_refund(
    booking: Booking,
    owed: Money,
    payments: Sequence[ReceivedPayment],
    earlier: Sequence[Refund],
    now: datetime,
) -> Refund:
    """One refund for ``owed``: through the provider when it is exactly one card payment no
    refund has touched, else for manual settlement (naming a payment when one covers it)."""
    if booking.customer_id is None:  # never invoiced (``invoices.reserve``), so never paid
        raise InvalidTransitionError("A booking of a client record has no payment to refund.")
    touched = {r.payment_id for r in earlier if r.payment_id is not None}
    # Only money the booking counted: a payment kept for review is an admin's to judge.
    untouched = [
        p
        for p in payments
        if p.payment_id not in touched and p.outcome is not PaymentOutcome.REVIEW
    ]
    exact = next((p for p in untouched if p.amount == owed), None)
    chosen: ReceivedPayment | None
    if exact is not None and exact.method is PaymentMethod.CARD:
        status, reason, chosen = RefundStatus.PENDING, "", exact
    elif exact is not None:
        status, reason, chosen = RefundStatus.MANUAL, "bank-app payment", exact
    else:
        covering = next((p for p in untouched if owed <= p.amount), None)
        status, reason, chosen = RefundStatus.MANUAL, "part of a payment", covering
    return Refund(
        id=RefundId(new_uuid7(int(now.timestamp() * 1000))),
        booking_id=booking.id,
        customer_id=booking.customer_id,
        artist_user_id=booking.artist_user_id,
        amount=owed,
        status=status,
        payment_id=None if chosen is None else chosen.payment_id,
        method=None if chosen is None else chosen.method,
        reason=reason,
        created_at=now,
        updated_at=now,
        gateway="qpay" if chosen is None else chosen.gateway,
    )


def refunded(refund: Refund, now: datetime) -> Refund:
    return apply(refund, now, status=RefundStatus.REFUNDED)


def to_manual(refund: Refund, now: datetime, reason: str) -> Refund:
    return apply(refund, now, status=RefundStatus.MANUAL, reason=reason)


def settle_by_hand(refund: Refund, admin: UserId, note: str, now: datetime) -> Refund:
    return apply(
        refund,
        now,
        status=RefundStatus.SETTLED,
        settled_at=now,
        settled_by=admin,
        settlement_note=note,
    )
