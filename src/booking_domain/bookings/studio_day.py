"""A studio's day at the front desk: every member's bookings side by side, each member in
their own column.

Rules (docs/product.md, "1. People and roles"):
- the studio's owner and admins see it; a member who does not own the studio does not (a
  member sees their own bookings and clients only, as everywhere else);
- the columns are the studio's members (every artist placed in it), by display name;
- a column holds the member's bookings that *start* in the day and hold the chair: pending,
  confirmed, completed and no-show (a cancelled booking frees it; a disputed one is the
  admins'), earliest first, at most ``COLUMN_LIMIT`` (``more`` says there were more);
- each booking shows what the front desk needs to greet and seat someone: its start and
  end, status, the service's name and the customer's name. Never their phone, email,
  notes, money, reference or the booking's id: those stay the booking's artist's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from booking_domain.bookings.names import NamedBooking
from booking_domain.bookings.status import BookingStatus
from booking_domain.catalog import ArtistProfile, Studio
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor

COLUMN_LIMIT: Final = 100
STUDIO_DAY_STATUSES: Final = (
    BookingStatus.PENDING,
    BookingStatus.CONFIRMED,
    BookingStatus.COMPLETED,
    BookingStatus.NO_SHOW,
)


@dataclass(frozen=True, slots=True)
class DeskBooking:
    """One booking as the studio's front desk sees it."""

    start: datetime
    end: datetime
    status: BookingStatus
    service: str | None
    customer: str | None


@dataclass(frozen=True, slots=True)
class StudioColumn:
    artist: ArtistProfile
    bookings: tuple[DeskBooking, ...]
    more: bool = False


@dataclass(frozen=True, slots=True)
class StudioDay:
    studio: Studio
    day: date
    time_zone: str
    columns: tuple[StudioColumn, ...]


def ensure_may_see_studio_day(studio: Studio, actor: Actor) -> None:
    if actor.is_admin or (
        studio.owner_user_id is not None and actor.user_id == studio.owner_user_id
    ):
        return
    raise PermissionDeniedError("Only the studio's owner sees its members' calendars.")


def desk_booking(named: NamedBooking) -> DeskBooking:
    """What the front desk is shown of ``named`` (read unfiltered from storage)."""
    booking = named.booking
    return DeskBooking(
        start=booking.start,
        end=booking.end,
        status=booking.status,
        service=named.names.service,
        customer=named.names.customer,
    )


def column_of(artist: ArtistProfile, found: tuple[NamedBooking, ...], more: bool) -> StudioColumn:
    """A member's column: ``found`` (their day's bookings) as the desk sees them, earliest
    first, only those that hold the chair."""
    shown = sorted(
        (n for n in found if n.booking.status in STUDIO_DAY_STATUSES),
        key=lambda n: (n.booking.start, n.booking.id),
    )
    return StudioColumn(artist, tuple(desk_booking(n) for n in shown), more)
