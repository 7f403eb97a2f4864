"""Suspending an artist (admins): the profile leaves public view and bookings, and every
pending or confirmed booking of theirs that has not started is cancelled with everything
paid owed back (``lifecycle.cancel_for_suspension``), all in one transaction: a customer
never holds a booking with an artist who can no longer be booked. Each cancellation is a
``booking.cancelled`` event (reason ``artist_suspended``) through the outbox, so the customer
and the artist are told, and the refunds are paid like every refund. Reinstating
(catalogue's ``ReinstateArtist``) restores visibility, not these bookings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.bookings import lifecycle
from booking_domain.bookings.booking import Booking
from booking_domain.bookings.ports import BookingFilter, BookingsUnitOfWork
from booking_domain.bookings.recording import record_change
from booking_domain.bookings.status import BookingStatus
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.catalog import ArtistChange, ArtistProfile, change_profile, suspended
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.pages import MAX_PAGE_SIZE, PageRequest
from booking_domain.shared.use_case import UseCase

UPCOMING = (BookingStatus.PENDING, BookingStatus.CONFIRMED)


@dataclass(frozen=True, slots=True)
class Suspension:
    artist: ArtistProfile
    cancelled: tuple[Booking, ...]  # as they are now: cancelled, the refund owed


async def _upcoming(uow: BookingsUnitOfWork, artist_id: ArtistId, now: datetime) -> list[BookingId]:
    """Ids of the artist's pending and confirmed bookings starting after ``now`` (read
    whole before any changes, so no page shifts under the changes)."""
    where = BookingFilter(artist_id=artist_id, statuses=UPCOMING, starts_from=now)
    ids: list[BookingId] = []
    page = 1
    while True:
        found = await uow.bookings.list(where, PageRequest(page, MAX_PAGE_SIZE))
        ids.extend(b.id for b in found.items if b.start > now)
        if not found.has_next:
            return ids
        page += 1


class SuspendArtist(UseCase[BookingsDeps]):
    async def __call__(self, actor: Actor, artist_id: ArtistId) -> Suspension:
        if not actor.is_admin:
            raise PermissionDeniedError()
        async with self._deps.uow() as uow:
            now = self._deps.clock.now()
            # The calendar first, then the rows: the order creations take them in, so no
            # booking of this artist is made while the suspension cancels the others.
            await uow.bookings.hold_calendar(artist_id)
            artist = await change_profile(
                uow, actor, artist_id, suspended(actor), ArtistChange.SUSPENDED, now
            )
            cancelled = []
            for booking_id in await _upcoming(uow, artist_id, now):
                booking = await uow.bookings.get(booking_id, for_update=True)
                if booking is None or booking.status not in UPCOMING:
                    continue
                changed, entry = lifecycle.cancel_for_suspension(booking, actor, now, artist.policy)
                await record_change(uow, changed, entry)
                cancelled.append(changed)
            await uow.commit()
        return Suspension(artist, tuple(cancelled))
