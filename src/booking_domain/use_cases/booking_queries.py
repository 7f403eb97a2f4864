"""Reading bookings. A booking is visible to its customer, its artist and admins only;
to anyone else it does not exist (404, so ids reveal nothing). Lists are role-sensitive:
customers see their own bookings, artists the bookings made with them, admins all."""

from __future__ import annotations

from datetime import datetime

from booking_domain.accounts import Actor, Role
from booking_domain.bookings import Booking
from booking_domain.events import BookingEvent
from booking_domain.ids import BookingId
from booking_domain.pages import Page, PageRequest
from booking_domain.ports import BookingFilter
from booking_domain.slots import require_aware
from booking_domain.status import BookingStatus
from booking_domain.use_cases.bookings import BookingServices, load_visible


class GetBooking:
    def __init__(self, services: BookingServices) -> None:
        self._s = services

    async def __call__(self, actor: Actor, booking_id: BookingId) -> Booking:
        async with self._s.uow(read_only=True) as uow:
            return await load_visible(uow, booking_id, actor)


def booking_filter(
    actor: Actor,
    *,
    statuses: tuple[BookingStatus, ...] = (),
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
) -> BookingFilter:
    """What ``actor`` may list, narrowed by the caller's filters (``start`` in
    ``[starts_from, starts_before)``)."""
    if starts_from is not None:
        starts_from = require_aware(starts_from, "from")
    if starts_before is not None:
        starts_before = require_aware(starts_before, "to")
    return BookingFilter(
        customer_id=actor.user_id if actor.role is Role.CUSTOMER else None,
        artist_user_id=actor.user_id if actor.role is Role.ARTIST else None,
        statuses=statuses,
        starts_from=starts_from,
        starts_before=starts_before,
    )


class ListBookings:
    """The actor's bookings (all of them for admins), newest start first."""

    def __init__(self, services: BookingServices) -> None:
        self._s = services

    async def __call__(
        self,
        actor: Actor,
        page: PageRequest,
        *,
        statuses: tuple[BookingStatus, ...] = (),
        starts_from: datetime | None = None,
        starts_before: datetime | None = None,
    ) -> Page[Booking]:
        where = booking_filter(
            actor, statuses=statuses, starts_from=starts_from, starts_before=starts_before
        )
        async with self._s.uow(read_only=True) as uow:
            return await uow.bookings.list(where, page)


class BookingEvents:
    """The audit trail of a booking (who, when, from, to, reason), oldest first."""

    def __init__(self, services: BookingServices) -> None:
        self._s = services

    async def __call__(self, actor: Actor, booking_id: BookingId) -> tuple[BookingEvent, ...]:
        async with self._s.uow(read_only=True) as uow:
            booking = await load_visible(uow, booking_id, actor)
            return await uow.bookings.events(booking.id)
