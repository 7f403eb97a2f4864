"""Reading bookings. A booking is visible to its customer, its artist and admins only;
to anyone else it does not exist (404, so ids reveal nothing). Lists are role-sensitive:
customers see their own bookings, artists the bookings made with them, admins all."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from booking_domain.accounts import User
from booking_domain.bookings.access import load_visible, load_visible_by_reference, visible_to
from booking_domain.bookings.booking import Booking
from booking_domain.bookings.clients import Client
from booking_domain.bookings.errors import BookingNotFoundError
from booking_domain.bookings.history import HistoryEntry
from booking_domain.bookings.names import NamedBooking, named_for, names_for
from booking_domain.bookings.ports import BookingFilter
from booking_domain.bookings.status import BookingStatus, PaymentStatus
from booking_domain.bookings.use_cases.deps import BookingsDeps
from booking_domain.shared.errors import FieldError, InvalidInputError, PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.time import require_aware
from booking_domain.shared.use_case import UseCase


class GetBooking(UseCase[BookingsDeps]):
    async def __call__(self, actor: Actor, booking_id: BookingId) -> Booking:
        async with self._deps.uow(read_only=True) as uow:
            return await load_visible(uow, booking_id, actor)


class ReadBooking(UseCase[BookingsDeps]):
    """A booking with its names (one read), to whom ``visible_to`` shows it: the customer's
    name to its parties and admins (``names_for``), the service's to all of them."""

    async def __call__(self, actor: Actor, booking_id: BookingId) -> NamedBooking:
        async with self._deps.uow(read_only=True) as uow:
            named = await uow.bookings.get_named(booking_id)
        booking = visible_to(actor, None if named is None else named.booking)
        assert named is not None  # visible_to refused a missing booking
        return NamedBooking(booking, names_for(actor, booking, named.names))


class FindBookingByReference(UseCase[BookingsDeps]):
    """A booking by its reference as a person types it (``ink-7k3m9q``), to those who may
    see it (``load_visible``); to anyone else it does not exist."""

    async def __call__(self, actor: Actor, reference: str) -> Booking:
        async with self._deps.uow(read_only=True) as uow:
            return await load_visible_by_reference(uow, reference, actor)


@dataclass(frozen=True, slots=True)
class CustomerContact:
    """What the artist of a booking is shown of its customer: a name to greet and a phone
    to call (E.164, None when not given). Nothing more: no email, no other booking."""

    name: str
    phone: str | None


class GetCustomerContact(UseCase[BookingsDeps]):
    """The customer of a booking, to whom ``load_visible`` shows the booking: its artist (who
    must know who is coming), admins, and the customer themself. For a booking the artist
    made for a client record, the record's name and phone."""

    async def __call__(self, actor: Actor, booking_id: BookingId) -> CustomerContact:
        async with self._deps.uow(read_only=True) as uow:
            booking = await load_visible(uow, booking_id, actor)
            person: User | Client | None = None
            if booking.customer_id is not None:
                person = await uow.users.get(booking.customer_id)
            elif booking.client_id is not None:
                person = await uow.clients.get(booking.client_id)
        if person is None:  # accounts and client records outlive the bookings naming them
            raise BookingNotFoundError()
        return CustomerContact(name=person.name, phone=person.phone)


def booking_filter(
    actor: Actor,
    *,
    statuses: tuple[BookingStatus, ...] = (),
    starts_from: datetime | None = None,
    starts_before: datetime | None = None,
    soonest_first: bool = False,
) -> BookingFilter:
    """What ``actor`` may list, narrowed by the caller's filters (``start`` in
    ``[starts_from, starts_before)``), newest start first unless ``soonest_first``."""
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
        soonest_first=soonest_first,
    )


class ListBookings(UseCase[BookingsDeps]):
    """The actor's bookings (all of them for admins), newest start first, each with its
    customer's and service's names read in the same query (``names_for`` decides what the
    actor is shown)."""

    async def __call__(
        self,
        actor: Actor,
        page: PageRequest,
        *,
        statuses: tuple[BookingStatus, ...] = (),
        starts_from: datetime | None = None,
        starts_before: datetime | None = None,
    ) -> Page[NamedBooking]:
        where = booking_filter(
            actor, statuses=statuses, starts_from=starts_from, starts_before=starts_before
        )
        async with self._deps.uow(read_only=True) as uow:
            listed = await uow.bookings.list_named(where, page)
        return dataclasses.replace(listed, items=tuple(named_for(actor, n) for n in listed.items))


MAX_SPAN: Final = 1_000  # bookings a span is read with at most (a busy studio's week: ~230)


@dataclass(frozen=True, slots=True)
class BookingSpan:
    """The bookings starting in a span, earliest first, and whether more start in it than
    were read (past the limit asked)."""

    items: tuple[NamedBooking, ...]
    more: bool


class ListBookingsBetween(UseCase[BookingsDeps]):
    """The actor's bookings (as ``ListBookings`` chooses and names them) starting in
    ``[starts_from, starts_before)``, earliest first, at most ``limit`` of them (1 to
    ``MAX_SPAN``), in one read with nothing counted: a span a page shows whole (the
    console's day and week), where paging by 100 cost a statement and a count per page."""

    async def __call__(
        self, actor: Actor, starts_from: datetime, starts_before: datetime, *, limit: int
    ) -> BookingSpan:
        if not 1 <= limit <= MAX_SPAN:
            raise InvalidInputError(
                errors=(FieldError("limit", f"Use 1 to {MAX_SPAN}.", "out_of_range"),)
            )
        where = booking_filter(
            actor, starts_from=starts_from, starts_before=starts_before, soonest_first=True
        )
        async with self._deps.uow(read_only=True) as uow:
            read = await uow.bookings.list_named_upto(where, limit + 1)
        items = tuple(named_for(actor, n) for n in read[:limit])
        return BookingSpan(items, more=len(read) > limit)


@dataclass(frozen=True, slots=True)
class AdminBookingFilter:
    """Admins' list: by status, payment status, appointment range, artist, customer."""

    statuses: tuple[BookingStatus, ...] = ()
    payment_statuses: tuple[PaymentStatus, ...] = ()
    starts_from: datetime | None = None
    starts_before: datetime | None = None
    artist_id: ArtistId | None = None
    customer_id: UserId | None = None


class ListAllBookings(UseCase[BookingsDeps]):
    """Admins list every booking, newest start first, by the filters of
    ``AdminBookingFilter`` (one indexed query: docs/performance.md), each with its
    customer's and service's names read by the same query (admins are shown both)."""

    async def __call__(
        self, actor: Actor, page: PageRequest, where: AdminBookingFilter
    ) -> Page[NamedBooking]:
        if not actor.is_admin:
            raise PermissionDeniedError("Only admins list every booking.")
        narrowed = booking_filter(
            actor,
            statuses=where.statuses,
            starts_from=where.starts_from,
            starts_before=where.starts_before,
        )
        full = dataclasses.replace(
            narrowed,
            payment_statuses=where.payment_statuses,
            artist_id=where.artist_id,
            customer_id=where.customer_id,
        )
        async with self._deps.uow(read_only=True) as uow:
            return await uow.bookings.list_named(full, page)


class BookingHistory(UseCase[BookingsDeps]):
    """The audit trail of a booking (who, when, from, to, reason), oldest first."""

    async def __call__(self, actor: Actor, booking_id: BookingId) -> tuple[HistoryEntry, ...]:
        async with self._deps.uow(read_only=True) as uow:
            booking = await load_visible(uow, booking_id, actor)
            return await uow.bookings.history(booking.id)
