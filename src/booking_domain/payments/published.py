"""What payments tell the world: ``payment.received`` (a verified payment was recorded, with
what it did) and ``refund.*``. The booking's own events (``booking.confirmed``,
``booking.payment_recorded``, ``booking.expired``) say what happened to the booking.

Subjects (``payment/<invoice id>``, ``refund/<refund id>``) keep no version, so their
sequence is the outbox's own count.
"""

from __future__ import annotations

from datetime import datetime

from booking_domain.payments.invoices import DepositInvoice
from booking_domain.payments.receipts import ReceivedPayment
from booking_domain.payments.refunds import Refund
from booking_domain.shared.events import EventId, OutboxEvent, subject_of
from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.time import utc_text

PAYMENT = "payment"
PAYMENT_EVENT_TYPES = frozenset({"payment.received"})  # refunds: REFUND_EVENT_TYPES below


def payment_subject(invoice: DepositInvoice) -> str:
    return subject_of(PAYMENT, invoice.id)


def payment_received_event(
    invoice: DepositInvoice, payment: ReceivedPayment, now: datetime, *, sequence: int
) -> OutboxEvent:
    return OutboxEvent(
        id=EventId(new_uuid7(int(now.timestamp() * 1000))),
        type="payment.received",
        occurred_at=now,
        subject=payment_subject(invoice),
        sequence=sequence,
        data={
            "payment": {
                "paymentId": payment.payment_id,
                "invoiceId": payment.invoice_id,
                "bookingId": str(invoice.booking_id),
                "amount": {"amount": payment.amount.amount, "currency": payment.amount.currency},
                "method": payment.method.value,
                "outcome": payment.outcome.value,
                "receivedAt": utc_text(payment.received_at),
            }
        },
        audience=(invoice.customer_id, invoice.artist_user_id),
    )


REFUND = "refund"
REFUND_EVENT_TYPES = frozenset(
    f"refund.{change}" for change in ("requested", "completed", "awaiting_settlement", "settled")
)


def refund_event(refund: Refund, change: str, now: datetime, *, sequence: int) -> OutboxEvent:
    """``refund.requested`` (sent to the provider), ``refund.completed`` (the provider paid
    it back), ``refund.awaiting_settlement`` (an admin must pay it by hand),
    ``refund.settled`` (an admin did)."""
    return OutboxEvent(
        id=EventId(new_uuid7(int(now.timestamp() * 1000))),
        type=f"refund.{change}",
        occurred_at=now,
        subject=subject_of(REFUND, refund.id),
        sequence=sequence,
        data={
            "refund": {
                "id": str(refund.id),
                "bookingId": str(refund.booking_id),
                "amount": {"amount": refund.amount.amount, "currency": refund.amount.currency},
                "status": refund.status.value,
                "paymentId": refund.payment_id,
                "reason": refund.reason,
            }
        },
        audience=(refund.customer_id, refund.artist_user_id),
    )
