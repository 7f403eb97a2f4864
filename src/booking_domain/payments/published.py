"""What payments tell the world: ``payment.received`` (a verified payment was recorded, with
what it did), ``payment.balance_requested``/``payment.balance_paid`` and ``refund.*``. The
booking's own events (``booking.confirmed``, ``booking.payment_recorded``,
``booking.expired``) say what happened to the booking.

Subjects (``payment/<invoice id>``, ``refund/<refund id>``) keep no version, so their
sequence is the outbox's own count.
"""

from __future__ import annotations

from datetime import datetime

from booking_domain.payments.gateway_events import GatewayEvent
from booking_domain.payments.invoices import DepositInvoice, InvoiceKind, InvoiceStatus
from booking_domain.payments.receipts import ReceivedPayment
from booking_domain.payments.refunds import Refund
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.outbox import EventId, JsonValue, OutboxEvent, money_data, subject_of
from booking_domain.shared.time import utc_text

PAYMENT = "payment"
# refunds: REFUND_EVENT_TYPES below
PAYMENT_EVENT_TYPES = frozenset(
    {"payment.received", "payment.balance_requested", "payment.balance_paid"}
)


def payment_subject(invoice: DepositInvoice) -> str:
    return subject_of(PAYMENT, invoice.id)


def payment_received_event(
    invoice: DepositInvoice,
    payment: ReceivedPayment,
    now: datetime,
    *,
    sequence: int,
    platform_funded: bool = False,
) -> OutboxEvent:
    """``payment.received``; ``platform_funded``: the loyalty points the invoice redeemed
    were the platform's program's (its discount is the platform's to credit the artist:
    ``platformDiscount`` in the data, with the points; an artist's own program's the artist
    funds)."""
    received: dict[str, JsonValue] = {
        **_payment_data(invoice, payment),
        "method": payment.method.value,
        "outcome": payment.outcome.value,
        "receivedAt": utc_text(payment.received_at),
        **_split(payment),
        **_platform_discount(invoice, platform_funded),
    }
    return _payment_event("payment.received", invoice, now, sequence, {"payment": received})


def payment_disputed_event(
    invoice: DepositInvoice,
    payment: ReceivedPayment,
    event: GatewayEvent,
    now: datetime,
    *,
    sequence: int,
) -> OutboxEvent:
    """``payment.disputed``: the payer's bank disputes a payment we recorded (a chargeback);
    the gateway's reason and the disputed amount beside the payment."""
    disputed: dict[str, JsonValue] = {
        "eventId": event.event_id,
        "amount": money_data(event.amount or payment.amount),
        "reason": event.reason,
    }
    data: dict[str, JsonValue] = {"payment": _payment_data(invoice, payment), "dispute": disputed}
    return _payment_event("payment.disputed", invoice, now, sequence, data)


def _payment_event(
    kind: str, invoice: DepositInvoice, now: datetime, sequence: int, data: dict[str, JsonValue]
) -> OutboxEvent:
    """An event of one of the invoice's payments, heard by the booking's two parties."""
    return OutboxEvent(
        id=EventId(new_uuid7(int(now.timestamp() * 1000))),
        type=kind,
        occurred_at=now,
        subject=payment_subject(invoice),
        sequence=sequence,
        data=data,
        audience=(invoice.customer_id, invoice.artist_user_id),
    )


def _payment_data(invoice: DepositInvoice, payment: ReceivedPayment) -> dict[str, JsonValue]:
    return {
        "paymentId": payment.payment_id,
        "invoiceId": payment.invoice_id,
        "bookingId": str(invoice.booking_id),
        "amount": money_data(payment.amount),
        "gateway": payment.gateway,
    }


def _platform_discount(invoice: DepositInvoice, platform_funded: bool) -> dict[str, JsonValue]:
    if not platform_funded or not invoice.discount:
        return {}
    value = Money(invoice.discount, invoice.amount.currency)
    funded: dict[str, JsonValue] = {
        "amount": money_data(value),
        "points": invoice.points,
        "invoice": str(invoice.id),
    }
    return {"platformDiscount": funded}


def _split(payment: ReceivedPayment) -> dict[str, JsonValue]:
    """A destination charge's split: what the gateway paid the artist's own account, and the
    platform's fee it kept (nothing for a payment the platform collected whole)."""
    if not (payment.transferred or payment.fee):
        return {}
    currency = payment.amount.currency
    return {
        "transferred": money_data(Money(payment.transferred, currency)),
        "fee": money_data(Money(payment.fee, currency)),
    }


def balance_event(
    invoice: DepositInvoice, change: str, now: datetime, *, sequence: int
) -> OutboxEvent:
    """``payment.balance_requested`` (a balance invoice opened: the customer can pay it) and
    ``payment.balance_paid`` (its payment was verified and kept by the booking)."""
    price = invoice.price or invoice.amount
    return OutboxEvent(
        id=EventId(new_uuid7(int(now.timestamp() * 1000))),
        type=f"payment.balance_{change}",
        occurred_at=now,
        subject=payment_subject(invoice),
        sequence=sequence,
        data={
            "balance": {
                "invoiceId": invoice.provider_invoice_id,
                "number": invoice.number,
                "bookingId": str(invoice.booking_id),
                "amount": money_data(invoice.amount),
                "price": money_data(price),
                "credit": money_data(invoice.credit or Money.zero(price.currency)),
                "adjustment": invoice.adjustment,
                "adjustmentReason": invoice.adjustment_reason,
                "status": invoice.status.value,
                "pointsRedeemed": invoice.points,
                "discount": invoice.discount,
                "priorDiscount": invoice.prior_discount,
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
                "amount": money_data(refund.amount),
                "status": refund.status.value,
                "paymentId": refund.payment_id,
                "gateway": refund.gateway,
                "reason": refund.reason,
            }
        },
        audience=(refund.customer_id, refund.artist_user_id),
    )


# The audit trail's entries of payment events (``shared/audit.py``): deposits (invoices) by
# their status, payments received, refunds by the same change names as their events.
_DEPOSIT_ACTIONS = {
    InvoiceStatus.CREATING: "deposit.reserved",
    InvoiceStatus.OPEN: "deposit.opened",
    InvoiceStatus.PAID: "deposit.paid",
    InvoiceStatus.FAILED: "deposit.failed",
    InvoiceStatus.CANCELLED: "deposit.cancelled",
}


def _deposit(invoice: DepositInvoice) -> dict[str, JsonValue]:
    return {"status": invoice.status.value, "number": invoice.number,
            "amount": money_data(invoice.amount), "cancelDue": invoice.cancel_due}  # fmt: skip


def deposit_audit_entry(
    before: DepositInvoice | None,
    after: DepositInvoice,
    now: datetime,
    *,
    actor: Actor | None = None,
) -> AuditEntry | None:
    """A deposit invoice made or changed: its status (or, when only its ``cancel_due``
    changed, the provider's cancel due or sent); None when nothing the trail keeps
    changed."""
    if before is None or before.status is not after.status:
        action = _DEPOSIT_ACTIONS[after.status]
    elif before.cancel_due != after.cancel_due:
        action = "deposit.cancel_due" if after.cancel_due else "deposit.cancel_sent"
    else:
        return None
    if after.kind is InvoiceKind.BALANCE:  # the same trail, named for what it asks
        action = action.replace("deposit.", "balance.", 1)
    return audit_entry(
        action, payment_subject(after), now, actor=actor,
        before=None if before is None else _deposit(before), after=_deposit(after),
    )  # fmt: skip


def payment_audit_entry(
    invoice: DepositInvoice, payment: ReceivedPayment, now: datetime
) -> AuditEntry:
    """A verified payment recorded on a deposit (the provider's check, never a callback)."""
    after: dict[str, JsonValue] = {
        "paymentId": payment.payment_id, "amount": money_data(payment.amount),
        "method": payment.method.value, "outcome": payment.outcome.value,
    }  # fmt: skip
    return audit_entry("payment.received", payment_subject(invoice), now, after=after)


def _refund(refund: Refund) -> dict[str, JsonValue]:
    return {"status": refund.status.value, "amount": money_data(refund.amount),
            "paymentId": refund.payment_id, "reason": refund.reason}  # fmt: skip


def refund_audit_entry(
    before: Refund | None, after: Refund, change: str, now: datetime, *, actor: Actor | None = None
) -> AuditEntry:
    """``refund.<change>``, the change of its event (``refund_event``)."""
    return audit_entry(
        f"refund.{change}", subject_of(REFUND, after.id), now, actor=actor,
        before=None if before is None else _refund(before), after=_refund(after),
    )  # fmt: skip
