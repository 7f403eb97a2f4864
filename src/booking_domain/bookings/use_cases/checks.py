"""The checks a new or moved booking passes: which busy time a check needs, which artists
take bookings, and how a taken time is reported."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from booking_domain.bookings.errors import SlotTakenError
from booking_domain.bookings.ports import BookingsUnitOfWork
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
