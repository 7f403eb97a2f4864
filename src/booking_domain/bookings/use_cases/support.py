"""Rules every booking use case shares: which busy time a check needs, how a taken time is
reported, which artists take bookings, stale holds, and who may see a booking."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from booking_domain.bookings import lifecycle
from booking_domain.bookings.booking import Booking
from booking_domain.bookings.errors import BookingNotFoundError, SlotTakenError
from booking_domain.bookings.ports import BookingsUnitOfWork, HasBookings
from booking_domain.scheduling import (
    ArtistNotBookableError,
    NotBookableError,
    NotBookableReason,
)
from booking_domain.scheduling.ports import SchedulingContext
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, BookingId, ServiceId
from booking_domain.shared.time import Interval

DAY = timedelta(days=1)


def context_window(start: datetime) -> Interval:
    """The busy time a check of ``start`` needs: the longest blocked span possible (24 h
    buffer, 24 h session, 24 h buffer) and the whole local date of the start (daily cap)."""
    return Interval(start - DAY, start + 2 * DAY)


@contextmanager
def taken_is_a_conflict() -> Iterator[None]:
    """A start another active booking holds is a conflict (``slot_taken``, 409) whether the
    domain's check or the storage's constraint notices it first: a client sees one answer
    for "someone got there first". This turns the domain's ``overlaps`` refusal into it."""
    try:
        yield
    except NotBookableError as refused:
        if refused.reason == NotBookableReason.OVERLAPS:
            raise SlotTakenError() from refused
        raise


async def bookable_context(
    uow: BookingsUnitOfWork,
    artist_id: ArtistId,
    service_id: ServiceId,
    start: datetime,
    now: datetime,
    *,
    allow_inactive_service: bool = False,
) -> SchedulingContext:
    """The artist's scheduling context, or ``ArtistNotBookableError`` when the artist takes no
    bookings (unknown, not approved, suspended) or the service is unknown, not theirs, or
    (unless allowed: moving an existing booking) inactive. Unknown and not-bookable answer
    alike, so ids reveal nothing."""
    context = await uow.scheduling.context(artist_id, service_id, context_window(start), now)
    if context is None or not context.artist.is_bookable:
        raise ArtistNotBookableError()
    if not (context.service.active or allow_inactive_service):
        raise ArtistNotBookableError("This service is not offered any more.")
    return context


async def expire_stale_holds(
    uow: BookingsUnitOfWork,
    artist_id: ArtistId,
    span: Interval,
    now: datetime,
    *,
    skip: BookingId | None = None,
) -> int:
    """Expire the artist's pending bookings overlapping ``span`` whose hold has run out, so a
    stale hold never makes the storage's overlap check refuse a free slot.

    Each one is re-read under a row lock before it changes, so two requests cleaning up the
    same hold do not collide: the second sees it already expired and leaves it.
    """
    expired = 0
    for held in await uow.bookings.holding(artist_id, span):
        if held.id == skip or not held.hold_expired(now):
            continue
        current = await uow.bookings.get(held.id, for_update=True)
        if current is None or not current.hold_expired(now):
            continue
        booking, event = lifecycle.expire_hold(current, now)
        await uow.bookings.save(booking, event)
        expired += 1
    return expired


async def load_visible(
    uow: HasBookings, booking_id: BookingId, actor: Actor, *, for_update: bool = False
) -> Booking:
    """The booking if ``actor`` is its customer, its artist or an admin; to anyone else it
    does not exist (``BookingNotFoundError``)."""
    booking = await uow.bookings.get(booking_id, for_update=for_update)
    if booking is None or booking.role_of(actor) is None:
        raise BookingNotFoundError()
    return booking
