"""Booking and payment states, and the booking state machine's edges (docs/product.md)."""

from __future__ import annotations

from enum import StrEnum


class BookingStatus(StrEnum):
    """The booking state machine's states (docs/product.md, "4. Bookings")."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
    DISPUTED = "disputed"


class PaymentStatus(StrEnum):
    """Where the deposit stands, beside the booking's own status."""

    UNPAID = "unpaid"
    INVOICED = "invoiced"
    PAID = "paid"
    PARTIALLY_REFUNDED = "partially_refunded"
    REFUNDED = "refunded"


class Awaiting(StrEnum):
    """What a pending booking waits for before it is confirmed (``Booking.waiting_for``):
    the artist's approval of the request, the customer's deposit, or both (approval
    first)."""

    APPROVAL = "approval"
    DEPOSIT = "deposit"


class OfferStatus(StrEnum):
    """Where a booking made as a waitlist offer stands (None on every other booking): held
    for its customer's answer, or accepted (then it goes on as the customer's own request
    would). A declined or lapsed offer is a cancelled booking (``offers.py``)."""

    OFFERED = "offered"
    ACCEPTED = "accepted"


S = BookingStatus

# Which status may follow which. Changes that keep the status (approval of a deposit
# booking, invoicing, payments on closed bookings, refunds, reschedules) are not edges.
TRANSITIONS: dict[BookingStatus, frozenset[BookingStatus]] = {
    S.PENDING: frozenset({S.CONFIRMED, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.COMPLETED, S.NO_SHOW, S.CANCELLED}),
    S.COMPLETED: frozenset({S.DISPUTED}),
    S.NO_SHOW: frozenset({S.DISPUTED}),
    S.CANCELLED: frozenset({S.DISPUTED}),
    S.DISPUTED: frozenset({S.COMPLETED, S.CANCELLED}),
}

# States a booking ends in (it leaves them only for a dispute, once, within the window).
CLOSED = frozenset({S.COMPLETED, S.NO_SHOW, S.CANCELLED})
