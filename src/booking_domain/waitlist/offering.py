"""Offering a freed time (docs/waitlist.md, "Offers"): which time a booking event gave
back, which start of a waiting entry's service it can hold, and how an open offer ends
when its booking does. Pure: the reader (``use_cases/offers.py``) loads and stores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from booking_domain.bookings import artist_of_booking_event, freed_span
from booking_domain.catalog import SchedulingPolicy, Service
from booking_domain.scheduling import BusyTimeline, Schedule, free_slots
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.outbox import OutboxEvent
from booking_domain.shared.time import Interval, require_aware
from booking_domain.waitlist.entries import EntryStatus

# How an open offer ends when its booking is closed by something other than its answer
# through the waitlist: the hold ran out, its customer cancelled it (a decline), or the
# artist, an admin or the system cancelled it.
_SETTLED_BY = {
    "booking.expired": EntryStatus.LAPSED,
    "booking.offer_declined": EntryStatus.DECLINED,
    "booking.cancelled": EntryStatus.WITHDRAWN,
}
# A start is offered only this far ahead of its time: a half-open window's end would
# otherwise leave out a start that ends exactly where the freed time ends.
_SECOND = timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class FreedTime:
    """An appointment a booking event gave back to its artist's calendar."""

    booking_id: BookingId
    artist_id: ArtistId
    span: Interval


def freed_time(event: OutboxEvent) -> FreedTime | None:
    """The time ``event`` freed (a cancellation, an expiry, a declined offer, a move's old
    time), or None."""
    span, artist = freed_span(event), artist_of_booking_event(event)
    booking = event.data.get("booking")
    booking_id = booking.get("id") if isinstance(booking, Mapping) else None
    if span is None or artist is None or not isinstance(booking_id, str):
        return None
    return FreedTime(BookingId(UUID(booking_id)), artist, span)


def settlement(event: OutboxEvent) -> EntryStatus | None:
    """How an open offer whose booking ``event`` is about ends (None: it does not)."""
    return _SETTLED_BY.get(event.type)


def offer_start(
    *,
    service: Service,
    policy: SchedulingPolicy,
    schedule: Schedule,
    busy: BusyTimeline,
    freed: Interval,
    window: Interval,
    now: datetime,
) -> datetime | None:
    """The earliest start of ``service`` that an entry waiting over ``window`` can be offered
    in the ``freed`` time: the appointment lies within the freed time, the start within the
    entry's dates, and the start is bookable now by the scheduling rules (availability,
    notice, horizon, the grid, other bookings and their buffers, the daily cap). None when
    no start fits."""
    now = require_aware(now, "now")
    low = max(freed.start, window.start)
    high = min(freed.end - service.duration + _SECOND, window.end)
    if low >= high:
        return None
    found = free_slots(
        service=service,
        policy=policy,
        schedule=schedule,
        busy=busy,
        between=Interval(low, high),
        now=now,
        limit=1,
    )
    return found[0] if found else None
