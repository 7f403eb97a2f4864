"""The ``BookingLinkRepository`` contract, in memory and on PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest

from booking_domain.bookings import record_new, request_booking
from booking_domain.catalog.errors import BookingLinkExistsError
from booking_domain.catalog.links import (
    BookingLink,
    LinkCounts,
    LinkUsage,
    LinkUse,
    fresh_token,
    new_link,
)
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Role
from booking_domain.testing.builders import open_all_week
from tests.support.catalog import BookableArtist, add_bookable_artist, add_service, add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


async def _link(
    uow_factory: AnyUnitOfWorkFactory, artist: BookableArtist, *, service: bool = False
) -> BookingLink:
    link = new_link(
        artist.profile, artist.service if service else None, token=fresh_token(), now=NOW
    )
    async with uow_factory() as uow:
        await uow.booking_links.add(link, f"digest-{link.token}")
        await uow.commit()
    return link


async def test_a_link_round_trips_and_is_found_by_its_digest(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    general = await _link(uow_factory, artist)
    for_service = await _link(uow_factory, artist, service=True)
    async with uow_factory(read_only=True) as uow:
        assert await uow.booking_links.get(general.id) == general
        assert await uow.booking_links.for_artist(artist.id) == (general, for_service)
        found = await uow.booking_links.find(f"digest-{for_service.token}")
        assert found is not None and found.link == for_service and found.current
        assert await uow.booking_links.find("digest-of-nothing") is None


async def test_one_general_link_and_one_link_per_service(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    await _link(uow_factory, artist)
    await _link(uow_factory, artist, service=True)
    for service in (False, True):
        with pytest.raises(BookingLinkExistsError):
            await _link(uow_factory, artist, service=service)
    other = await add_service(uow_factory, artist)
    again = dataclasses.replace(artist, service=other)
    assert (await _link(uow_factory, again, service=True)).service_id == other.id


async def test_a_replaced_token_is_found_as_retired(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory)
    link = await _link(uow_factory, artist)
    renewed = link.regenerated(fresh_token(), NOW + timedelta(hours=1))
    async with uow_factory() as uow:
        await uow.booking_links.replace_token(renewed, f"digest-{renewed.token}")
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        old = await uow.booking_links.find(f"digest-{link.token}")
        new = await uow.booking_links.find(f"digest-{renewed.token}")
        assert await uow.booking_links.get(link.id) == renewed
    assert old is not None and not old.current and old.link == renewed
    assert new is not None and new.current


async def test_counts_per_day_in_all_and_recently(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_bookable_artist(uow_factory)
    link = await _link(uow_factory, artist)
    unused = await _link(uow_factory, artist, service=True)
    long_ago = date(2026, 9, 1)
    async with uow_factory() as uow:
        for day, use, visitor in [
            (TODAY, LinkUse.VISIT, "a"),
            (TODAY, LinkUse.VISIT, "b"),
            (TODAY, LinkUse.SLOT_VIEW, "a"),
            (long_ago, LinkUse.VISIT, "a"),
        ]:
            assert await uow.booking_links.count_use(link.id, day, use, visitor)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        usage = await uow.booking_links.usage(artist.id, TODAY - timedelta(days=29))
    assert usage[link.id] == LinkUsage(
        total=LinkCounts(visits=3, slot_views=1), recent=LinkCounts(visits=2, slot_views=1)
    )
    assert usage.get(unused.id, LinkUsage()) == LinkUsage()


async def test_a_visitor_counts_once_per_link_use_and_day(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    link = await _link(uow_factory, artist)
    other = await _link(uow_factory, artist, service=True)
    yesterday = TODAY - timedelta(days=1)
    uses = [
        (link, TODAY, LinkUse.VISIT, "a", True),
        (link, TODAY, LinkUse.VISIT, "a", False),  # the same visitor again: nothing
        (link, TODAY, LinkUse.SLOT_VIEW, "a", True),
        (link, TODAY, LinkUse.SLOT_VIEW, "a", False),
        (link, yesterday, LinkUse.VISIT, "a", True),
        (other, TODAY, LinkUse.VISIT, "a", True),
    ]
    for used, day, use, visitor, counted in uses:
        async with uow_factory() as uow:
            assert await uow.booking_links.count_use(used.id, day, use, visitor) is counted
            await uow.commit()
    async with uow_factory(read_only=True) as uow:
        usage = await uow.booking_links.usage(artist.id, TODAY)
    assert usage[link.id] == LinkUsage(
        total=LinkCounts(visits=2, slot_views=1), recent=LinkCounts(visits=1, slot_views=1)
    )
    assert usage[other.id].total == LinkCounts(visits=1)


async def test_old_visitors_are_forgotten_and_the_counts_stay(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    link = await _link(uow_factory, artist)
    yesterday, before = TODAY - timedelta(days=1), TODAY - timedelta(days=2)
    async with uow_factory() as uow:
        for day in (before, before, yesterday, TODAY):
            for visitor in ("a", "b"):
                await uow.booking_links.count_use(link.id, day, LinkUse.VISIT, visitor)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.booking_links.forget_visitors(yesterday) == 2
        assert await uow.booking_links.forget_visitors(yesterday) == 0
        await uow.commit()
    async with uow_factory() as uow:  # kept days still know their visitors
        assert not await uow.booking_links.count_use(link.id, yesterday, LinkUse.VISIT, "a")
        assert not await uow.booking_links.count_use(link.id, TODAY, LinkUse.VISIT, "b")
        usage = await uow.booking_links.usage(artist.id, TODAY)
    assert usage[link.id].total == LinkCounts(visits=6)


async def test_bookings_made_through_a_link_are_counted(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_bookable_artist(uow_factory)
    link = await _link(uow_factory, artist)
    customer = await add_user(uow_factory, Role.CUSTOMER)
    booking, entry = request_booking(
        by=customer, service=artist.service, artist_user_id=artist.user_id,
        policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
        start=NOW + timedelta(days=2), now=NOW,
    )  # fmt: skip
    async with uow_factory() as uow:
        await record_new(uow, dataclasses.replace(booking, link_id=link.id), entry)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        stored = await uow.bookings.get(booking.id)
        usage = await uow.booking_links.usage(artist.id, booking.created_at.date())
        later = await uow.booking_links.usage(artist.id, booking.created_at.date() + timedelta(1))
    assert stored is not None and stored.link_id == link.id
    assert usage[link.id].total.bookings == 1 and usage[link.id].recent.bookings == 1
    assert later[link.id].recent.bookings == 0
