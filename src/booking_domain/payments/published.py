"""What payments tell the world: ``payment.received`` (a verified payment was recorded, with
what it did). The booking's own events (``booking.confirmed``, ``booking.payment_recorded``,
``booking.expired``) say what happened to the booking.

The subject is the deposit invoice (``payment/<invoice id>``): it keeps no version, so the
sequence is the outbox's own count.
"""

from __future__ import annotations

from datetime import datetime

from booking_domain.payments.invoices import DepositInvoice
from booking_domain.payments.receipts import ReceivedPayment
from booking_domain.shared.events import EventId, OutboxEvent, subject_of
from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.time import utc_text

PAYMENT = "payment"
PAYMENT_EVENT_TYPES = frozenset({"payment.received"})


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
