"""What the outbox's events mean to loyalty (docs/loyalty.md, "Earning"): each event the
earner follows, read as a cue, or None when it carries nothing to act on.

- ``booking.completed``: the booking earns on the money it holds through the platform
  when it is completed (paid, less refunded and owed back: its deposit), never on its price
  (``Completed``);
- ``booking.balance_paid``: the booking earns on its balance payment (``BalancePaid``;
  money taken in the studio says so, as the platform's program never earns on it);
- ``review.created``, ``review.restored``: the review earns its points (``Reviewed``);
- ``review.hidden``: moderation took the review down: what it earned is reversed
  (``Unreviewed``);
- ``booking.refund_recorded``: money went back: the refunded share of what the booking
  earned is reversed, and the refunded share of points its paid invoices redeemed comes
  back (``Refunded``).

Each cue keeps the event's id: an effect of an event happens once per reason, whatever
the number of times the event is read (``key``).
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from booking_domain.bookings import taken_in_studio
from booking_domain.shared.event_data import amount_of as _amount
from booking_domain.shared.event_data import currency_of as _currency
from booking_domain.shared.event_data import part as _part
from booking_domain.shared.event_data import text_of as _text
from booking_domain.shared.event_data import uuid_of as _uuid
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.outbox import EventId, OutboxEvent

EARNING_EVENT_TYPES = frozenset(
    {
        "booking.completed",
        "booking.balance_paid",
        "booking.refund_recorded",
        "review.created",
        "review.restored",
        "review.hidden",
    }
)


@dataclass(frozen=True, slots=True)
class Completed:
    """A booking was completed holding ``kept`` minor units of ``currency`` paid through
    the platform (paid, less refunded and owed back, as the event states it)."""

    event_id: EventId
    booking_id: BookingId
    kept: int = 0
    currency: str | None = None


@dataclass(frozen=True, slots=True)
class BalancePaid:
    """The balance of a completed booking was paid: ``amount`` minor units of ``currency``,
    through the platform, or taken in the studio and recorded by the artist
    (``in_studio``)."""

    event_id: EventId
    booking_id: BookingId
    amount: int
    currency: str
    in_studio: bool = False


@dataclass(frozen=True, slots=True)
class Reviewed:
    event_id: EventId
    review_id: UUID
    booking_id: BookingId
    customer_id: UserId
    artist_id: ArtistId


@dataclass(frozen=True, slots=True)
class Unreviewed:
    event_id: EventId
    review_id: UUID
    customer_id: UserId


@dataclass(frozen=True, slots=True)
class Refunded:
    event_id: EventId
    booking_id: BookingId
    paid: int  # minor units the booking was paid, all told
    refunded: int  # minor units paid back, all told


Cue = Completed | BalancePaid | Reviewed | Unreviewed | Refunded


def key(cue: Cue, reason: str) -> str:
    return f"{cue.event_id}:{reason}"


def booking_source(booking_id: UUID) -> str:
    return f"booking/{booking_id}"


def review_source(review_id: UUID) -> str:
    return f"review/{review_id}"


def invoice_source(invoice_id: UUID) -> str:
    return f"invoice/{invoice_id}"


def cue_of(event: OutboxEvent) -> Cue | None:
    if event.type == "booking.completed":
        return _completed(event)
    if event.type == "booking.balance_paid":
        return _balance_paid(event)
    if event.type == "booking.refund_recorded":
        return _refunded(event)
    if event.type in ("review.created", "review.restored", "review.hidden"):
        return _review(event)
    return None


def _completed(event: OutboxEvent) -> Completed | None:
    """What the booking holds when completed: an event that does not say holds nothing
    (earns nothing), since points are earned on money paid, never on a price."""
    booking = _part(event.data, "booking")
    found = _uuid(booking, "id")
    if found is None:
        return None
    paid = _amount(booking, "amountPaid")
    currency = _currency(booking, "amountPaid")
    if paid is None or currency is None:
        return Completed(event.id, BookingId(found))
    gone = (_amount(booking, "amountRefunded") or 0) + (_amount(booking, "refundDue") or 0)
    return Completed(event.id, BookingId(found), max(paid - gone, 0), currency)


def _balance_paid(event: OutboxEvent) -> BalancePaid | None:
    found = _uuid(_part(event.data, "booking"), "id")
    change = _part(event.data, "change")
    amount, currency = _amount(change, "amount"), _currency(change, "amount")
    if found is None or amount is None or currency is None:
        return None
    in_studio = taken_in_studio(_text(change, "reason"))
    return BalancePaid(event.id, BookingId(found), amount, currency, in_studio)


def _refunded(event: OutboxEvent) -> Refunded | None:
    booking = _part(event.data, "booking")
    found = _uuid(booking, "id")
    paid, refunded = _amount(booking, "amountPaid"), _amount(booking, "amountRefunded")
    if found is None or paid is None or refunded is None:
        return None
    return Refunded(event.id, BookingId(found), paid, refunded)


def _review(event: OutboxEvent) -> Reviewed | Unreviewed | None:
    review = _part(event.data, "review")
    review_id, customer = _uuid(review, "id"), _uuid(review, "customerId")
    if review_id is None or customer is None:
        return None
    if event.type == "review.hidden":
        return Unreviewed(event.id, review_id, UserId(customer))
    booking, artist = _uuid(review, "bookingId"), _uuid(review, "artistId")
    if booking is None or artist is None:
        return None
    return Reviewed(event.id, review_id, BookingId(booking), UserId(customer), ArtistId(artist))
