"""A booking's history: who changed it, when, from which status to which, and why. Every
change to a booking produces exactly one entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from booking_domain.bookings.status import BookingStatus
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.time import Interval

# The reason of a payment's entry for money the artist took by hand (cash, a card terminal,
# a bank transfer) and recorded, as ``studio_<method>``: the platform never received it.
IN_STUDIO_PREFIX = "studio_"


def taken_in_studio(reason: str | None) -> bool:
    """Whether an entry's money was taken in the studio rather than received by the
    platform (``IN_STUDIO_PREFIX``)."""
    return reason is not None and reason.startswith(IN_STUDIO_PREFIX)


class HistoryKind(StrEnum):
    """What happened to a booking: one kind per transition or bookkeeping change."""

    REQUESTED = "requested"  # a customer asked for a start (the booking's first entry)
    BOOKED = "booked"  # the artist booked a client in (the booking's first entry)
    APPROVED = "approved"
    INVOICED = "invoiced"
    PAYMENT_RECORDED = "payment_recorded"
    CANCELLED = "cancelled"
    EXPIRED = "expired"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    RESCHEDULED = "rescheduled"
    DISPUTED = "disputed"
    DISPUTE_RESOLVED = "dispute_resolved"
    REFUND_RECORDED = "refund_recorded"
    IDEA_ADDED = "idea_added"
    BALANCE_INVOICED = "balance_invoiced"  # after the session: the rest of the price asked
    BALANCE_PAID = "balance_paid"  # ... and paid (payments' ``balance.py``)
    PAID_IN_FULL = "paid_in_full"  # ... or nothing was left to pay: the final price noted
    # A freed time held for a waiting customer (the waitlist): the booking's first entry,
    # made by the system; then the customer's answer (``offers.py``).
    OFFERED = "offered"
    OFFER_ACCEPTED = "offer_accepted"
    OFFER_DECLINED = "offer_declined"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """Who did what to which booking, when, and from which status to which.

    ``actor_id``/``actor_role`` are None when the system acted (hold expiry, a payment
    provider's confirmation). ``version`` is the booking's version after the change, so the
    events of one booking are numbered 1, 2, 3 ... without gaps. ``amount`` is the payment
    received, the refund owed (cancellation, resolution), the refund paid out, or the full
    price noted when nothing was left to pay (``paid_in_full``). ``moved_from`` is the
    appointment a move left (``rescheduled`` only): its outbox event carries it as data
    (``change.previousStart``/``previousEnd``), which readers of freed time use; the stored
    history keeps the move in its ``reason`` (``moved from <old start>``) and reads back
    without it.
    """

    booking_id: BookingId
    version: int
    kind: HistoryKind
    at: datetime
    actor_id: UserId | None
    actor_role: Role | None
    from_status: BookingStatus | None
    to_status: BookingStatus
    reason: str | None = None
    amount: Money | None = None
    moved_from: Interval | None = None

    @property
    def by_system(self) -> bool:
        return self.actor_id is None


def actor_fields(actor: Actor | None) -> tuple[UserId | None, Role | None]:
    return (None, None) if actor is None else (actor.user_id, actor.role)
