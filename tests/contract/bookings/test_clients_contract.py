"""The artists' client records, on every adapter: one record per phone number of an artist
(the earlier one wins, also under concurrency), other artists' numbers apart, and a booking
for a client record round-trips with it."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from booking_domain.bookings import BookedFor, Client, ClientId, new_client, request_booking
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import ArtistId, new_uuid7
from booking_domain.shared.identity import Actor, Role
from booking_domain.testing.builders import open_all_week
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
SLOT = datetime(2026, 3, 5, 10, 0, tzinfo=UTC)


def a_client(artist_id: ArtistId, phone: str = "88112233", name: str = "Bat") -> Client:
    return new_client(
        artist_id=artist_id, name=name, phone=phone, email="Bat@Example.com", now=START
    )


async def add(uow_factory: AnyUnitOfWorkFactory, client: Client) -> Client:
    async with uow_factory() as uow:
        stored = await uow.clients.add(client)
        await uow.commit()
    return stored


async def test_a_client_record_round_trips(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory)
    client = a_client(artist.profile.id)
    assert await add(uow_factory, client) == client
    async with uow_factory(read_only=True) as uow:
        assert await uow.clients.get(client.id) == client
        assert await uow.clients.get(ClientId(new_uuid7())) is None


async def test_a_number_the_artist_has_finds_the_earlier_record_unchanged(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    first = await add(uow_factory, a_client(artist.profile.id))
    again = await add(uow_factory, a_client(artist.profile.id, phone="+976 8811-2233", name="B"))
    assert again == first
    async with uow_factory(read_only=True) as uow:
        assert await uow.clients.get(again.id) == first


async def test_artists_keep_their_own_records_of_one_number(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    one = await add_bookable_artist(uow_factory)
    other = await add_bookable_artist(uow_factory)
    mine = await add(uow_factory, a_client(one.profile.id))
    theirs = await add(uow_factory, a_client(other.profile.id))
    assert mine.id != theirs.id
    assert theirs.artist_id == other.profile.id


async def test_concurrent_adds_of_one_number_store_one_record(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    results = await asyncio.gather(
        *(add(uow_factory, a_client(artist.profile.id)) for _ in range(4))
    )
    assert len({c.id for c in results}) == 1


async def test_a_booking_for_a_client_record_round_trips(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    client = await add(uow_factory, a_client(artist.profile.id))
    by = Actor(artist.user_id, Role.ARTIST)
    booking, entry = request_booking(
        by=by, service=artist.service, artist_user_id=artist.user_id,
        policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
        start=SLOT, now=START, party=BookedFor(client_id=client.id), deposit=False,
    )  # fmt: skip
    async with uow_factory() as uow:
        await uow.bookings.add(booking, entry)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.bookings.get(booking.id) == booking
        assert await uow.bookings.history(booking.id) == (entry,)
    assert booking.customer_id is None and booking.client_id == client.id
