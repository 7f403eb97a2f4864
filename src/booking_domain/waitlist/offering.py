"""Offering a freed time (docs/waitlist.md, "Offers"): which time a booking event gave
back, which start of a waiting entry's service it can hold, and how an open offer ends
when its booking does. Pure: the reader (``use_cases/reader.py``) loads and stores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.bookings import artist_of_booking_event, booking_of_event, freed_span
from booking_domain.catalog import SchedulingPolicy, Service
from booking_domain.scheduling import BusyTimeline, Schedule, free_slots
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.outbox import OutboxEvent
from booking_domain.shared.time import Interval, require_aware
from booking_domain.waitlist.entries import EntryStatus

# How an open offer ends when its booking is closed by something other than its answer
# through the waitlist: the hold ran out, or its customer declined it (before the hold ran
# out a customer's cancellation is ``booking.offer_declined``; after it, before the sweep,
# an ordinary ``booking.cancelled`` by the customer); anyone else's cancellation (the
# artist, an admin, the system) withdraws it.
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
    booking_id = booking_of_event(event)
    if span is None or artist is None or booking_id is None:
        return None
    return FreedTime(booking_id, artist, span)


def settlement(event: OutboxEvent) -> EntryStatus | None:
    """How an open offer whose booking ``event`` is about ends (None: it does not): a
    cancellation by the booking's customer is their decline, anyone else's a withdrawal."""
    outcome = _SETTLED_BY.get(event.type)
    if outcome is EntryStatus.WITHDRAWN and _by_customer(event):
        return EntryStatus.DECLINED
    return outcome


def _by_customer(event: OutboxEvent) -> bool:
    change = event.data.get("change")
    actor = change.get("actor") if isinstance(change, Mapping) else None
    return isinstance(actor, Mapping) and actor.get("role") == Role.CUSTOMER.value


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
