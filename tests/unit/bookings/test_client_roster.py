"""ListClients and GetClientHistory: an artist's own roster only; admins and customers are
refused; a person the artist never booked is "not found", whoever they are."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.accounts import Role
from booking_domain.bookings import BookedFor, ClientNotFoundError
from booking_domain.shared import InvalidInputError, PageRequest, PermissionDeniedError
from tests.unit.bookings.conftest import SLOT, World

pytestmark = pytest.mark.anyio


async def test_an_artist_lists_their_clients_and_one_clients_bookings(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    first = (await world.book(customer, artist)).booking
    second = (await world.book(customer, artist, SLOT + timedelta(days=1))).booking
    roster = await world.app.bookings.list_clients(artist.actor, None, PageRequest())
    assert [e.customer_id for e in roster.items] == [customer.user_id]
    assert roster.items[0].bookings == 2 and roster.items[0].last_start == second.start
    person = BookedFor(customer_id=customer.user_id)
    history = await world.app.bookings.client_history(artist.actor, person, PageRequest())
    assert history.entry == roster.items[0]
    assert [n.booking.id for n in history.bookings.items] == [second.id, first.id]
    assert history.bookings.items[0].names.customer == "Customer"


async def test_another_artists_client_is_not_found_and_not_listed(world: World) -> None:
    artist, other, customer = await world.artist(), await world.artist(), await world.user()
    await world.book(customer, artist)
    person = BookedFor(customer_id=customer.user_id)
    with pytest.raises(ClientNotFoundError):
        await world.app.bookings.client_history(other.actor, person, PageRequest())
    listed = await world.app.bookings.list_clients(other.actor, None, PageRequest())
    assert listed.items == () and listed.total == 0


async def test_admins_and_customers_have_no_roster(world: World) -> None:
    artist, customer = await world.artist(), await world.user()
    await world.book(customer, artist)
    person = BookedFor(customer_id=customer.user_id)
    for someone in (customer, await world.user(Role.ADMIN)):
        with pytest.raises(PermissionDeniedError):
            await world.app.bookings.list_clients(someone, None, PageRequest())
        with pytest.raises(PermissionDeniedError):
            await world.app.bookings.client_history(someone, person, PageRequest())


async def test_a_search_that_is_no_clean_text_is_refused(world: World) -> None:
    artist = await world.artist()
    with pytest.raises(InvalidInputError):
        await world.app.bookings.list_clients(artist.actor, "a\x00", PageRequest())
