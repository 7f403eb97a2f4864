"""The checks a new or moved booking passes: which busy time a check needs, which artists
take bookings, and how a taken time is reported."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.errors import SlotTakenError
from booking_domain.bookings.ports import BookingsUnitOfWork
from booking_domain.bookings.status import BookingStatus
from booking_domain.catalog import ClaimOutcome, FlashDesignTakenError, Service
from booking_domain.scheduling import (
    ArtistNotBookableError,
    NotBookableError,
    NotBookableReason,
    SchedulingContext,
)
from booking_domain.shared.ids import ArtistId, ServiceId
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


def ensure_flash_open(service: Service) -> None:
    """A size of a one-off flash design another booking has claimed takes no new booking
    (``flash_design_taken``, 409). Read from the service as loaded with the scheduling
    context: no statement of its own."""
    if service.flash is not None and service.flash.taken:
        raise FlashDesignTakenError()


def claims_flash(booking: Booking) -> bool:
    """Whether creating ``booking`` confirms a size of a one-off design (then the creation
    claims the design, in the same transaction as the booking)."""
    return booking.status is BookingStatus.CONFIRMED and booking.one_off_design_id is not None


async def claim_flash(uow: BookingsUnitOfWork, booking: Booking) -> None:
    """``booking`` is being confirmed (written already, in this transaction): when it books
    a size of a one-off design (``Booking.one_off_design_id``, kept from the service at
    creation), the design is claimed for it, or, claimed by another booking first, the
    confirmation is refused (``flash_design_taken``, 409). Any other booking runs no
    statement here."""
    if booking.one_off_design_id is None:
        return
    if await uow.flash.claim(booking.service_id, booking.id) is ClaimOutcome.TAKEN:
        raise FlashDesignTakenError()
