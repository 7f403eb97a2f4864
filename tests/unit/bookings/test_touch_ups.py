"""Free touch-ups through the use cases, on the in-memory adapters (docs/aftercare.md)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.accounts import Actor, Role
from booking_domain.bookings import (
    Booking,
    BookingActionNotAllowedError,
    BookingNotFoundError,
    BookingStatus,
    TouchUpNotAvailableError,
    TouchUpTakenError,
)
from booking_domain.bookings.use_cases import BookingRequest, ClientDetails
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.catalog.use_cases import AftercareChoice
from booking_domain.shared import InvalidInputError, Money
from tests.support.catalog import BookableArtist
from tests.unit.bookings.conftest import SLOT, World

pytestmark = pytest.mark.anyio
S = BookingStatus
DAY = timedelta(days=1)


async def completed(world: World, **service: object) -> tuple[BookableArtist, Booking]:
    """A customer's booking at SLOT, done and marked completed by its artist."""
    artist, customer = await world.artist(**service), await world.user()
    booking = (await world.book(customer, artist)).booking
    if booking.status is S.PENDING:
        await world.change(artist.actor, booking.id, status=S.CONFIRMED)
    world.clock.set(SLOT + timedelta(hours=2))
    done = await world.change(artist.actor, booking.id, status=S.COMPLETED)
    return artist, done


async def window(world: World, artist: BookableArtist, days: int) -> None:
    choice = AftercareChoice("Keep it clean.", 0, 60, days)
    await world.app.catalog.set_aftercare(artist.actor, artist.id, choice)


def customer_of(booking: Booking) -> Actor:
    assert booking.customer_id is not None
    return Actor(booking.customer_id, Role.CUSTOMER)


async def test_the_customer_books_a_free_touch_up_linked_to_the_original(world: World) -> None:
    _, original = await completed(world, price=Money(300_000, "MNT"))
    customer = customer_of(original)
    touch_up = await world.app.bookings.book_touch_up(customer, original.id, start=SLOT + 14 * DAY)
    assert touch_up.touch_up_of == original.id
    assert touch_up.status is S.CONFIRMED  # nothing to pay, nothing to approve
    assert touch_up.price == Money.zero("MNT") and touch_up.deposit.is_zero
    assert (touch_up.service_id, touch_up.end - touch_up.start) == (
        original.service_id,
        original.end - original.start,
    )
    offer = await world.app.bookings.touch_up_offer(customer, original.id)
    assert offer.touch_up is not None and offer.touch_up.id == touch_up.id
    assert not offer.available
    assert offer.deadline == original.start + 180 * DAY  # the default window


async def test_one_live_touch_up_per_original_and_cancelling_frees_the_right(
    world: World,
) -> None:
    _, original = await completed(world)
    customer = customer_of(original)
    book = world.app.bookings.book_touch_up
    first = await book(customer, original.id, start=SLOT + 7 * DAY)
    with pytest.raises(TouchUpTakenError):
        await book(customer, original.id, start=SLOT + 8 * DAY)
    await world.change(customer, first.id, status=S.CANCELLED)
    again = await book(customer, original.id, start=SLOT + 8 * DAY)
    assert again.touch_up_of == original.id
    with pytest.raises(TouchUpNotAvailableError) as refused:
        await book(customer, again.id, start=SLOT + 9 * DAY)
    assert refused.value.reason == "is_touch_up"


async def test_the_window_counts_from_the_original_session_boundary_included(
    world: World,
) -> None:
    artist, original = await completed(world)
    await window(world, artist, 10)
    customer = customer_of(original)
    with pytest.raises(TouchUpNotAvailableError) as refused:
        await world.app.bookings.book_touch_up(
            customer, original.id, start=original.start + 10 * DAY + timedelta(minutes=30)
        )
    assert refused.value.reason == "window_closed"
    at_the_edge = original.start + 10 * DAY
    booked = await world.app.bookings.book_touch_up(customer, original.id, start=at_the_edge)
    assert booked.start == at_the_edge
    with pytest.raises(TouchUpNotAvailableError):  # moved past the window
        await world.reschedule(customer, booked.id, start=at_the_edge + DAY)
    moved = await world.reschedule(customer, booked.id, start=at_the_edge - DAY)
    assert moved.start == at_the_edge - DAY


async def test_no_touch_up_where_the_artist_offers_none_or_the_booking_is_not_done(
    world: World,
) -> None:
    artist, original = await completed(world)
    await window(world, artist, 0)
    customer = customer_of(original)
    with pytest.raises(TouchUpNotAvailableError) as refused:
        await world.app.bookings.book_touch_up(customer, original.id, start=SLOT + DAY)
    assert refused.value.reason == "not_offered"
    other = await world.user()
    upcoming = (await world.book(other, artist, SLOT + 3 * DAY)).booking
    with pytest.raises(TouchUpNotAvailableError) as not_done:
        await world.app.bookings.book_touch_up(other, upcoming.id, start=SLOT + 5 * DAY)
    assert not_done.value.reason == "not_completed"


async def test_the_artist_books_it_for_the_customer_admins_and_strangers_do_not(
    world: World,
) -> None:
    artist, original = await completed(world, needs_approval=True)
    admin, stranger = await world.user(Role.ADMIN), await world.user()
    with pytest.raises(BookingActionNotAllowedError):
        await world.app.bookings.book_touch_up(admin, original.id, start=SLOT + 2 * DAY)
    with pytest.raises(BookingNotFoundError):
        await world.app.bookings.book_touch_up(stranger, original.id, start=SLOT + 2 * DAY)
    with pytest.raises(BookingNotFoundError):
        await world.app.bookings.touch_up_offer(stranger, original.id)
    booked = await world.app.bookings.book_touch_up(artist.actor, original.id, start=SLOT + 2 * DAY)
    assert booked.customer_id == original.customer_id
    assert booked.status is S.CONFIRMED  # the artist's own booking is the approval


async def test_a_customers_touch_up_of_a_service_needing_approval_awaits_the_artist(
    world: World,
) -> None:
    _, original = await completed(world, needs_approval=True)
    booked = await world.app.bookings.book_touch_up(
        customer_of(original), original.id, start=SLOT + 2 * DAY
    )
    assert booked.status is S.PENDING and booked.deposit.is_zero


async def test_free_starts_lie_within_the_window_and_vanish_once_booked(world: World) -> None:
    artist, original = await completed(world)
    await window(world, artist, 3)
    customer = customer_of(original)
    slots = world.app.bookings.touch_up_slots
    found = await slots(customer, original.id, SLOT, SLOT + 10 * DAY)
    assert found.starts
    assert all(world.clock.now() < s <= original.start + 3 * DAY for s in found.starts)
    await world.app.bookings.book_touch_up(customer, original.id, start=found.starts[0])
    assert (await slots(customer, original.id, SLOT, SLOT + 10 * DAY)).starts == ()
    with pytest.raises(InvalidInputError):
        await slots(customer, original.id, SLOT, SLOT + 63 * DAY)


async def test_the_aftercare_settings_are_the_owners_and_admins(world: World) -> None:
    artist = await world.artist()
    stranger, admin = await world.user(Role.ARTIST), await world.user(Role.ADMIN)
    catalog = world.app.catalog
    assert (await catalog.get_aftercare(artist.actor, artist.id)).updated_at is None
    with pytest.raises(ArtistNotFoundError):
        await catalog.get_aftercare(stranger, artist.id)
    with pytest.raises(ArtistNotFoundError):
        await catalog.set_aftercare(stranger, artist.id, AftercareChoice("x", 0, 0, 0))
    chosen = await catalog.set_aftercare(
        admin, artist.id, AftercareChoice(" Be gentle.\n", 5, 0, 30)
    )
    assert (chosen.text, chosen.aftercare_minutes, chosen.touch_up_days) == ("Be gentle.", 5, 30)
    assert await catalog.get_aftercare(artist.actor, artist.id) == chosen
    with pytest.raises(InvalidInputError):
        await catalog.set_aftercare(artist.actor, artist.id, AftercareChoice("a\x00b", 0, 0, 0))


async def test_the_artist_books_the_touch_up_of_a_client_records_booking(world: World) -> None:
    artist = await world.artist()
    walk_in = ClientDetails(name="Bat Erdene", phone="8811 2233")
    request = BookingRequest(artist.id, artist.service.id, SLOT, client=walk_in)
    booked = (await world.create(artist.actor, request)).booking
    world.clock.set(SLOT + timedelta(hours=2))
    done = await world.change(artist.actor, booked.id, status=S.COMPLETED)
    touch_up = await world.app.bookings.book_touch_up(artist.actor, done.id, start=SLOT + 2 * DAY)
    assert (touch_up.client_id, touch_up.customer_id) == (done.client_id, None)
    assert touch_up.status is S.CONFIRMED and touch_up.price == Money.zero("MNT")
