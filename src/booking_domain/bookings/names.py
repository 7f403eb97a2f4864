"""A booking's names: whom it is for and what is booked, as a list of bookings shows them.

The names come with the booking from storage, read in the same query as the list
(``BookingRepository.list_named``, ``names``): never one read per booking. Who sees them:

- the service's name, whoever may see the booking;
- the customer's name (their account's, or the artist's client record's), only to the
  booking's artist, the customer themself and admins (``Booking.role_of``): a stranger is
  never shown it, whatever asked for the names.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from booking_domain.bookings.booking import Booking
from booking_domain.shared.identity import Actor


@dataclass(frozen=True, slots=True)
class BookingNames:
    """The customer's name and the service's, None where there is none to show (the account
    or record is gone, or the reader may not see it)."""

    customer: str | None = None
    service: str | None = None
    # The customer's phone (E.164: the account's, or the artist's client record's), for the
    # artist to call (the console's day): as secret as the name.
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class NamedBooking:
    booking: Booking
    names: BookingNames


def names_for(actor: Actor, booking: Booking, names: BookingNames) -> BookingNames:
    """What ``actor`` is shown of ``names``: all of them to the booking's parties and admins;
    to anyone else the service only, never the customer (name or phone)."""
    if booking.role_of(actor) is None:
        return replace(names, customer=None, phone=None)
    return names


def named_for(actor: Actor, named: NamedBooking) -> NamedBooking:
    """``named`` as ``actor`` is shown it (:func:`names_for`)."""
    shown = names_for(actor, named.booking, named.names)
    return named if shown is named.names else NamedBooking(named.booking, shown)
