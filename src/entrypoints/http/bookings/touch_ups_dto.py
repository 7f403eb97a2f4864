"""A booking's free touch-up on the wire (docs/aftercare.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.bookings import Booking, TouchUpOffer
from booking_domain.bookings.use_cases import TouchUpStarts
from booking_domain.bookings.use_cases.create import MAX_NOTES_LENGTH
from entrypoints.http.bookings.dto import Instant
from entrypoints.http.wire import Dto, View, utc


class TouchUpRequest(Dto, frozen=True):
    start: Instant
    notes: Annotated[str, Meta(max_length=MAX_NOTES_LENGTH)] = ""


class TouchUpLink(View, frozen=True):
    """The live touch-up of a booking, in short."""

    id: UUID
    reference: str
    status: str
    start: datetime

    @classmethod
    def of(cls, b: Booking) -> TouchUpLink:
        return cls(id=b.id, reference=b.reference, status=b.status.value, start=utc(b.start))


class TouchUpOfferView(View, frozen=True):
    """Whether a free touch-up of the booking may be booked now (``available``), the latest
    start it may have (``bookableUntil``, null when none is offered), why not
    (``reason``: ``not_completed``, ``is_touch_up``, ``not_offered``, ``window_closed``;
    null when one may be or is booked), and the live touch-up (``touchUp``)."""

    booking_id: UUID
    touch_up_of: UUID | None
    available: bool
    bookable_until: datetime | None
    reason: str | None
    touch_up: TouchUpLink | None

    @classmethod
    def of(cls, offer: TouchUpOffer) -> TouchUpOfferView:
        deadline, live = offer.deadline, offer.touch_up
        return cls(
            booking_id=offer.original.id,
            touch_up_of=offer.original.touch_up_of,
            available=offer.available,
            bookable_until=None if deadline is None else utc(deadline),
            reason=None if offer.refusal is None else offer.refusal.value,
            touch_up=None if live is None else TouchUpLink.of(live),
        )


class TouchUpStartsView(View, frozen=True):
    """Free starts for the touch-up, earliest first (UTC). ``nextFrom`` is set when there are
    more in the range: ask again with ``from=nextFrom`` (and the same ``to``)."""

    items: list[datetime]
    next_from: datetime | None = None

    @classmethod
    def of(cls, found: TouchUpStarts) -> TouchUpStartsView:
        following = None if found.next_from is None else utc(found.next_from)
        return cls([utc(s) for s in found.starts], following)
