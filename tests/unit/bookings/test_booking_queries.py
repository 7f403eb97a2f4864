"""GetBooking, ListBookings and BookingHistory: who sees what."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.accounts import Role
from booking_domain.bookings import BookingNames, BookingNotFoundError, BookingStatus
from booking_domain.bookings.use_cases import booking_filter
from booking_domain.shared import BookingId, InvalidInputError, NaiveDatetimeError, PageRequest
from tests.unit.bookings.conftest import SLOT, World

pytestmark = pytest.mark.anyio


async def test_parties_and_admins_read_a_booking_and_its_trail(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    admin = await world.user(Role.ADMIN)
    booking = (await world.book(customer, artist)).booking
    for reader in (customer, artist.actor, admin):
        assert (await world.get(reader, booking.id)).id == booking.id
        assert len(await world.history(reader, booking.id)) == 1


async def test_strangers_and_unknown_ids_get_not_found(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    other_artist = await world.artist()
    for stranger in (await world.user(), other_artist.actor):
        with pytest.raises(BookingNotFoundError):
            await world.get(stranger, booking.id)
        with pytest.raises(BookingNotFoundError):
            await world.history(stranger, booking.id)
    with pytest.raises(BookingNotFoundError):
        await world.get(customer, BookingId(other_artist.id))


async def test_lists_are_role_sensitive_newest_first_and_filtered(world: World) -> None:
    ink, other = await world.artist(), await world.artist()
    ada, bob = await world.user(), await world.user()
    admin = await world.user(Role.ADMIN)
    a1 = (await world.book(ada, ink, SLOT)).booking
    a2 = (await world.book(ada, other, SLOT + timedelta(hours=1))).booking
    b1 = (await world.book(bob, ink, SLOT + timedelta(days=1))).booking
    await world.change(bob, b1.id, status=BookingStatus.CANCELLED)

    async def ids(actor: object, **filters: object) -> list[BookingId]:
        page = await world.list(actor, PageRequest(), **filters)  # type: ignore[arg-type]
        return [b.booking.id for b in page.items]

    assert await ids(ada) == [a2.id, a1.id]
    assert await ids(bob) == [b1.id]
    assert await ids(ink.actor) == [b1.id, a1.id]
    assert await ids(other.actor) == [a2.id]
    assert await ids(admin) == [b1.id, a2.id, a1.id]
    assert await ids(admin, statuses=(BookingStatus.CANCELLED,)) == [b1.id]
    window = {
        "starts_from": SLOT + timedelta(minutes=30),
        "starts_before": SLOT + timedelta(days=1),
    }
    assert await ids(admin, **window) == [a2.id]


async def test_lists_are_paginated(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    for hour in range(5):
        await world.book(customer, artist, SLOT + timedelta(hours=hour))
    page = await world.list(customer, PageRequest(page=2, page_size=2))
    assert page.total == 5
    starts = [b.booking.start for b in page.items]
    assert starts == [SLOT + timedelta(hours=2), SLOT + timedelta(hours=1)]
    last = await world.list(customer, PageRequest(page=3, page_size=2))
    assert [b.booking.start for b in last.items] == [SLOT]


async def test_filter_bounds_must_carry_an_offset(world: World) -> None:
    customer = await world.user()
    with pytest.raises(NaiveDatetimeError):
        booking_filter(customer, starts_from=SLOT.replace(tzinfo=None))


async def test_the_list_and_a_booking_carry_the_customers_and_services_names(
    world: World,
) -> None:
    artist, customer = await world.artist(), await world.user()
    booking = (await world.book(customer, artist)).booking
    names = BookingNames(customer="Customer", service=artist.service.name)  # add_user's name
    for reader in (artist.actor, customer):
        assert [n.names for n in (await world.list(reader, PageRequest())).items] == [names]
        read = await world.app.bookings.read_booking(reader, booking.id)
        assert (read.booking.id, read.names) == (booking.id, names)
    stranger = await world.user()
    assert (await world.list(stranger, PageRequest())).items == ()
    with pytest.raises(BookingNotFoundError):
        await world.app.bookings.read_booking(stranger, booking.id)


async def test_a_span_is_read_earliest_first_up_to_its_limit(world: World) -> None:
    """``ListBookingsBetween``: the actor's bookings of the span only, earliest first, at
    most ``limit``, and whether more start in it."""
    ink, other = await world.artist(), await world.artist()
    ada, bob = await world.user(), await world.user()
    made = [
        (await world.book(ada, ink, SLOT + timedelta(hours=hour))).booking for hour in (2, 0, 1)
    ]
    elsewhere = (await world.book(bob, other, SLOT)).booking  # another artist's
    await world.book(bob, ink, SLOT + timedelta(days=1))  # after the span
    span = world.app.bookings.list_bookings_between
    end = SLOT + timedelta(hours=12)
    whole = await span(ink.actor, SLOT, end, limit=10)
    by_start = sorted(made, key=lambda b: b.start)
    assert [n.booking.id for n in whole.items] == [b.id for b in by_start]
    assert whole.more is False
    assert all(n.names.customer is not None for n in whole.items)
    cut = await span(ink.actor, SLOT, end, limit=2)
    assert ([n.booking.id for n in cut.items], cut.more) == ([b.id for b in by_start[:2]], True)
    exact = await span(ink.actor, SLOT, end, limit=3)
    assert (len(exact.items), exact.more) == (3, False)
    assert [n.booking.id for n in (await span(bob, SLOT, end, limit=10)).items] == [elsewhere.id]
    assert len((await span(ada, SLOT, end, limit=10)).items) == 3


@pytest.mark.parametrize("limit", [0, -1, 1_001, 10**12])
async def test_a_span_limit_out_of_range_is_refused(world: World, limit: int) -> None:
    artist = await world.artist()
    with pytest.raises(InvalidInputError):
        await world.app.bookings.list_bookings_between(
            artist.actor, SLOT, SLOT + timedelta(days=1), limit=limit
        )
