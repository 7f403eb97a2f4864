"""The calendar feed reader, on every adapter: a feed's owner found by its lookup digest,
and the owner's bookings of one side in a window, latest start first (ties: the greater id
first), at most the limit, each with the names its event shows: the artist's for the
customer, the customer's or the client record's for the artist."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest

from adapters.security.digest import HmacDigest
from booking_domain.bookings import BookedFor, Booking, new_client, request_booking
from booking_domain.calendars import FeedEntry, FeedOwner, FeedSide, new_feed
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Role, UserId
from booking_domain.shared.time import Interval
from booking_domain.testing.builders import open_all_week
from tests.contract.bookings.test_bookings_contract import SLOT, a_booking, store
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_service, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
DIGEST = HmacDigest("contract-secret")
HOUR = timedelta(hours=1)
WIDE = Interval(SLOT - timedelta(days=1), SLOT + timedelta(days=30))


def entry(booking: Booking, artist: BookableArtist, service: str, other: str) -> FeedEntry:
    return FeedEntry(
        booking_id=booking.id, reference=booking.reference, version=booking.version,
        status=booking.status, start=booking.start, end=booking.end,
        updated_at=booking.updated_at, time_zone=artist.profile.time_zone,
        service_name=service, other_party=other,
    )  # fmt: skip


async def entries(
    uow_factory: AnyUnitOfWorkFactory,
    owner: UserId,
    side: FeedSide,
    window: Interval = WIDE,
    limit: int = 300,
) -> tuple[FeedEntry, ...]:
    async with uow_factory(read_only=True) as uow:
        return await uow.calendar_feed_reader.entries(owner, side, window, limit)


async def test_the_owner_is_found_by_the_lookup_with_their_state(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada = await add_user(uow_factory, Role.ARTIST)
    feed = new_feed(ada.user_id, DIGEST, START)
    async with uow_factory() as uow:
        await uow.calendar_feeds.add(feed)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        found = await uow.calendar_feed_reader.owner(feed.lookup)
        assert found == FeedOwner(ada.user_id, Role.ARTIST, disabled=False, deleted=False)
        assert found.readable
        assert await uow.calendar_feed_reader.owner(feed.nonce) is None
    async with uow_factory() as uow:
        user = await uow.users.get(ada.user_id)
        assert user is not None
        await uow.users.update(dataclasses.replace(user, disabled=True))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        disabled = await uow.calendar_feed_reader.owner(feed.lookup)
    assert disabled is not None and disabled.disabled and not disabled.readable


async def test_each_side_lists_its_bookings_with_the_other_partys_name(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory, time_zone="Asia/Ulaanbaatar")
    tattoo = await add_service(uow_factory, artist)
    customer = await add_user(uow_factory)
    first, event = a_booking(artist, customer, SLOT)
    await store(uow_factory, first, event)
    client = new_client(
        artist_id=artist.id, name="Bat Walk-in", phone="88112233", email=None, now=START
    )
    async with uow_factory() as uow:
        await uow.clients.add(client)
        await uow.commit()
    walk_in, event = request_booking(
        by=artist.actor, service=tattoo, artist_user_id=artist.user_id,
        policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
        start=SLOT + 3 * HOUR, now=START, party=BookedFor(client_id=client.id), deposit=False,
    )  # fmt: skip
    await store(uow_factory, walk_in, event)

    assert await entries(uow_factory, artist.user_id, FeedSide.ARTIST) == (
        entry(walk_in, artist, tattoo.name, "Bat Walk-in"),
        entry(first, artist, artist.service.name, "Customer"),
    )
    assert await entries(uow_factory, customer.user_id, FeedSide.CUSTOMER) == (
        entry(first, artist, artist.service.name, "Ink Artist"),
    )
    # Each side is the owner's own: the artist is no customer, the customer no artist.
    assert await entries(uow_factory, artist.user_id, FeedSide.CUSTOMER) == ()
    assert await entries(uow_factory, customer.user_id, FeedSide.ARTIST) == ()


async def test_the_window_the_order_and_the_limit(uow_factory: AnyUnitOfWorkFactory) -> None:
    customer = await add_user(uow_factory)
    ada, bob = await add_bookable_artist(uow_factory), await add_bookable_artist(uow_factory)
    made = []
    for artist, start in ((ada, SLOT), (bob, SLOT), (ada, SLOT + 2 * HOUR), (ada, SLOT + 4 * HOUR)):
        booking, event = a_booking(artist, customer, start)
        await store(uow_factory, booking, event)
        made.append(booking)
    other = await add_user(uow_factory)
    await store(uow_factory, *a_booking(bob, other, SLOT + 2 * HOUR))  # not the customer's

    def ids(found: tuple[FeedEntry, ...]) -> list[object]:
        return [e.booking_id for e in found]

    same_start = sorted((made[0].id, made[1].id), reverse=True)
    latest_first = [made[3].id, made[2].id, *same_start]
    assert ids(await entries(uow_factory, customer.user_id, FeedSide.CUSTOMER)) == latest_first
    limited = await entries(uow_factory, customer.user_id, FeedSide.CUSTOMER, limit=3)
    assert ids(limited) == latest_first[:3]
    # [start, end): a start on the window's start is in it, one on its end is not.
    window = Interval(SLOT + 2 * HOUR, SLOT + 4 * HOUR)
    inside = await entries(uow_factory, customer.user_id, FeedSide.CUSTOMER, window)
    assert ids(inside) == [made[2].id]
