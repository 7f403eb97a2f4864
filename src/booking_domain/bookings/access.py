"""Who may see a booking: its customer, its artist and admins; to anyone else it does not
exist (404), so ids reveal nothing. Every context that acts on a booking (ideas, payments,
disputes) loads it through here."""

from __future__ import annotations

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.errors import BookingNotFoundError
from booking_domain.bookings.ports import HasBookings
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId


async def load_visible(
    uow: HasBookings, booking_id: BookingId, actor: Actor, *, for_update: bool = False
) -> Booking:
    """The booking if ``actor`` is its customer, its artist or an admin; to anyone else it
    does not exist (``BookingNotFoundError``)."""
    booking = await uow.bookings.get(booking_id, for_update=for_update)
    if booking is None or booking.role_of(actor) is None:
        raise BookingNotFoundError()
    return booking
