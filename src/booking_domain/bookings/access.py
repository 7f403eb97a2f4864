"""Who may see a booking: its customer, its artist and admins; to anyone else it does not
exist (404), so ids and references reveal nothing. Every context that acts on a booking
(ideas, payments, disputes) loads it through here, and so does everything shown of a
booking's parties (the customer's name and phone to the artist)."""

from __future__ import annotations

from booking_domain.bookings.booking import Booking
from booking_domain.bookings.errors import BookingNotFoundError
from booking_domain.bookings.ports import HasBookings
from booking_domain.bookings.references import read_booking_reference
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId


def visible_to(actor: Actor, booking: Booking | None) -> Booking:
    """The one check: ``booking`` if ``actor`` is its customer, its artist or an admin; a
    missing booking and another's booking are the same ``BookingNotFoundError``."""
    if booking is None or booking.role_of(actor) is None:
        raise BookingNotFoundError()
    return booking


async def load_visible(
    uow: HasBookings, booking_id: BookingId, actor: Actor, *, for_update: bool = False
) -> Booking:
    """The booking if ``actor`` is its customer, its artist or an admin; to anyone else it
    does not exist (``BookingNotFoundError``)."""
    return visible_to(actor, await uow.bookings.get(booking_id, for_update=for_update))


async def load_visible_by_reference(uow: HasBookings, typed: str, actor: Actor) -> Booking:
    """The booking a reference as typed (``ink 7k3m9q``) names, to whom ``load_visible``
    shows it; input that is no reference is ``InvalidInputError``."""
    return visible_to(actor, await uow.bookings.get_by_reference(read_booking_reference(typed)))
