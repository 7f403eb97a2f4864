"""Chargebacks: the customer's bank disputes a card payment at the gateway (Stripe's
``charge.dispute.created``, published by payments as ``payment.disputed``), and a dispute
is opened for the booking here (docs/admin.md, "Chargebacks").

Rules:
- A chargeback opens the booking's dispute on the customer's behalf (the bank acts for its
  cardholder), whatever the dispute window: the bank does not ask ours. Its reason says it
  is a chargeback, with the amount and the bank's reason.
- A booking that is closed (completed, no-show, cancelled) becomes ``disputed``, as with any
  dispute; one not yet closed keeps its status (a dispute is no step of an appointment still
  to come), and its dispute is open beside it for admins to resolve.
- One dispute per booking still: a booking disputed already gets no second one (the
  chargeback is then the admins' to weigh in the open case).
- The booking's history names no person: the bank acted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.bookings import CLOSED, Booking, BookingStatus, HistoryKind, apply
from booking_domain.disputes.dispute import Dispute, DisputeResult
from booking_domain.scheduling import epoch_floor
from booking_domain.shared.event_data import money_of, part, text_of, uuid_of
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import BookingId, DisputeId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.outbox import EventId, OutboxEvent
from booking_domain.shared.text import is_clean_text
from booking_domain.shared.time import require_aware

CHARGEBACK_EVENT_TYPES = frozenset({"payment.disputed"})
MAX_BANK_REASON = 100


@dataclass(frozen=True, slots=True)
class Chargeback:
    event_id: EventId
    booking_id: BookingId
    payment_id: str
    amount: Money
    bank_reason: str


def chargeback_of(event: OutboxEvent) -> Chargeback | None:
    """The chargeback an event tells, or None (another type, or without the facts)."""
    if event.type not in CHARGEBACK_EVENT_TYPES:
        return None
    payment, dispute = part(event.data, "payment"), part(event.data, "dispute")
    booking, amount = uuid_of(payment, "bookingId"), money_of(dispute, "amount")
    payment_id = text_of(payment, "paymentId")
    if booking is None or amount is None or not payment_id:
        return None
    said = (text_of(dispute, "reason") or "")[:MAX_BANK_REASON]
    reason = said if is_clean_text(said) else ""  # one line of text, or nothing
    return Chargeback(event.id, BookingId(booking), payment_id, amount, reason)


def reason_of(chargeback: Chargeback) -> str:
    amount = f"{chargeback.amount.amount} {chargeback.amount.currency} (minor units)"
    bank = f": {chargeback.bank_reason}" if chargeback.bank_reason else ""
    return f"Chargeback: the card's bank disputes the payment of {amount}{bank}."


def open_chargeback(
    booking: Booking, chargeback: Chargeback, now: datetime
) -> DisputeResult | None:
    """The booking's dispute for a chargeback (None: disputed already, or a booking of a
    client record, whose payments no card made)."""
    now = require_aware(now, "now")
    if booking.dispute_id is not None or booking.customer_id is None:
        return None
    reason = reason_of(chargeback)
    new_id = DisputeId(new_uuid7(epoch_floor(now) * 1000))
    dispute = Dispute(new_id, booking.id, booking.customer_id, Role.CUSTOMER, reason, now)
    status = BookingStatus.DISPUTED if booking.status in CLOSED else booking.status
    new, entry = apply(
        booking,
        kind=HistoryKind.DISPUTED,
        now=now,
        actor=None,
        reason=reason,
        status=status,
        dispute_id=new_id,
    )
    return dispute, new, entry
