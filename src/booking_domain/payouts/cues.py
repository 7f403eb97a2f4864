"""What the outbox's events mean to the ledger (docs/payouts.md, "What is entered"):

- ``payment.received``: a gateway collected a customer's payment for the booking's artist,
  whatever it then did for the booking (confirmed it, is owed back, awaits review: money
  owed back leaves by a refund of its own) (``Collected``);
- ``refund.completed`` (the gateway paid it back) and ``refund.settled`` (an admin paid it
  back by hand): money collected for the artist went back to the customer (``PaidBack``,
  with the gateway's payment it returns when one matches);
- ``loyalty.points_released`` after a refund, of points of the platform's program that paid
  part of an invoice: the value of those points goes back (``DiscountReleased``; the
  payment's ``platformDiscount`` credited it).

Payments taken in the studio never reach the platform and are not entered. An event
without the facts is skipped (it would only be entered wrong).
"""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.shared.event_data import money_of, part, text_of, uuid_of
from booking_domain.shared.ids import BookingId
from booking_domain.shared.money import Money
from booking_domain.shared.outbox import EventId, OutboxEvent

PAYOUT_EVENT_TYPES = frozenset(
    {"payment.received", "refund.completed", "refund.settled", "loyalty.points_released"}
)
INVOICE_SOURCE = "invoice/"  # loyalty's source of points an invoice redeemed
# The gateway of a payment whose event does not name one: the only one there was.
FIRST_GATEWAY = "qpay"


@dataclass(frozen=True, slots=True)
class Collected:
    event_id: EventId
    booking_id: BookingId
    payment_id: str  # the gateway's id of the payment
    amount: Money
    gateway: str
    # A destination charge (Stripe Connect): what the gateway paid the artist's own account
    # and the platform's fee it kept; None for money the platform collected whole.
    transferred: Money | None = None
    fee: Money | None = None
    # Loyalty points of the platform's program that paid part of the invoice: the discount
    # the platform funds (credited to the artist) and the points it took.
    platform_discount: Money | None = None
    invoice_ref: str = ""  # our invoice's id (loyalty's source of the points)
    points: int = 0  # the points that paid it


@dataclass(frozen=True, slots=True)
class PaidBack:
    event_id: EventId
    booking_id: BookingId
    refund_id: str
    amount: Money
    payment_id: str | None = None  # the gateway's payment it returns, when one matches
    gateway: str = FIRST_GATEWAY
    by_gateway: bool = False  # the gateway paid it back (``refund.completed``), not an admin


@dataclass(frozen=True, slots=True)
class DiscountReleased:
    """Loyalty gave back ``points`` of the platform's program that paid part of an invoice
    (a refund's share, its ``restorable`` rule)."""

    event_id: EventId
    invoice_ref: str
    points: int


Cue = Collected | PaidBack | DiscountReleased


def cue_of(event: OutboxEvent) -> Cue | None:
    if event.type == "payment.received":
        payment = part(event.data, "payment")
        booking, paid = uuid_of(payment, "bookingId"), money_of(payment, "amount")
        payment_id = text_of(payment, "paymentId")
        if booking is None or paid is None or not payment_id or paid.is_zero:
            return None
        gateway = text_of(payment, "gateway") or FIRST_GATEWAY
        transferred, fee = money_of(payment, "transferred"), money_of(payment, "fee")
        if transferred is None or fee is None:  # collected by the platform, whole
            transferred = fee = None
        funded = part(payment, "platformDiscount")
        discount, invoice_ref = money_of(funded, "amount"), text_of(funded, "invoice") or ""
        points = funded.get("points")
        if discount is None or discount.is_zero or not invoice_ref or type(points) is not int:
            discount, invoice_ref, points = None, "", 0
        return Collected(
            event.id, BookingId(booking), payment_id, paid, gateway, transferred, fee,
            discount, invoice_ref, points,
        )  # fmt: skip
    if event.type in ("refund.completed", "refund.settled"):
        refund = part(event.data, "refund")
        booking, back = uuid_of(refund, "bookingId"), money_of(refund, "amount")
        refund_id = text_of(refund, "id")
        if booking is None or back is None or not refund_id or back.is_zero:
            return None
        payment_id = text_of(refund, "paymentId") or None
        gateway = text_of(refund, "gateway") or FIRST_GATEWAY
        by_gateway = event.type == "refund.completed"
        return PaidBack(
            event.id, BookingId(booking), refund_id, back, payment_id, gateway, by_gateway
        )
    if event.type == "loyalty.points_released":
        return _released(event)
    return None


def _released(event: OutboxEvent) -> DiscountReleased | None:
    """Points of the platform's program an invoice redeemed, given back after a refund."""
    entry, account = part(event.data, "entry"), part(event.data, "account")
    source, points = text_of(entry, "source") or "", entry.get("points")
    if text_of(entry, "reason") != "refund" or account.get("platform") is not True:
        return None
    if not source.startswith(INVOICE_SOURCE) or type(points) is not int or points <= 0:
        return None
    return DiscountReleased(event.id, source.removeprefix(INVOICE_SOURCE), points)
