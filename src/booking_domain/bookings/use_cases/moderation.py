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
from booking_domain.bookings.ports import BookingFilter
from booking_domain.bookings.recording import record_change
from booking_domain.bookings.upcoming import UPCOMING, upcoming_ids
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.catalog import (
    ArtistChange,
    ArtistProfile,
    change_profile,
    load_artist,
    suspended,
)
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class Suspension:
    artist: ArtistProfile
    cancelled: tuple[Booking, ...]  # as they are now: cancelled, the refund owed


@dataclass(frozen=True, slots=True)
class SuspensionQuote:
    """What suspending the artist now would do: ``upcoming`` of their bookings cancelled,
    everything paid for them owed back."""

    artist: ArtistProfile
    upcoming: int


def _upcoming_of(artist_id: ArtistId, now: datetime) -> BookingFilter:
    """The bookings a suspension cancels: pending or confirmed, not started."""
    return BookingFilter(artist_id=artist_id, statuses=UPCOMING, starts_from=now)


class QuoteSuspension(UseCase[BookingsDeps]):
    """What ``SuspendArtist`` would do now, asked before it is done (the console's
    confirmation): its refusals (not an admin; a profile not approved, or suspended
    already) and how many bookings it would cancel, by the same selection. A booking made
    between the question and the suspension is cancelled too: the answer is a preview."""

    async def __call__(self, actor: Actor, artist_id: ArtistId) -> SuspensionQuote:
        if not actor.is_admin:
            raise PermissionDeniedError()
        async with self._deps.uow(read_only=True) as uow:
            now = self._deps.clock.now()
            artist = await load_artist(uow.artists, artist_id)
            suspended(actor)(artist, now)  # refused as the suspension itself would be
            found = await upcoming_ids(uow.bookings, _upcoming_of(artist_id, now), now)
        return SuspensionQuote(artist, len(found))


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
            for booking_id in await upcoming_ids(uow.bookings, _upcoming_of(artist_id, now), now):
                booking = await uow.bookings.get(booking_id, for_update=True)
                if booking is None or booking.status not in UPCOMING:
                    continue
                changed, entry = lifecycle.cancel_for_suspension(booking, actor, now, artist.policy)
                await record_change(uow, changed, entry)
                cancelled.append(changed)
            await uow.commit()
        return Suspension(artist, tuple(cancelled))
