"""The calendar feed repository, on every adapter: one feed per person, found by its
owner and by its lookup digest; a first use stores one feed however many race; a
replacement leaves the old lookup finding nothing."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from adapters.security.digest import HmacDigest
from booking_domain.accounts import Role, User
from booking_domain.calendars import CalendarFeed, new_feed
from booking_domain.shared import UserId, new_uuid7
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
DIGEST = HmacDigest("contract-secret")


async def a_stored_user(uow_factory: AnyUnitOfWorkFactory) -> User:
    user = User(UserId(new_uuid7()), None, "Bat", Role.CUSTOMER, None, START, START)
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.commit()
    return user


async def test_a_feed_is_found_by_its_owner_and_its_lookup(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada, bob = await a_stored_user(uow_factory), await a_stored_user(uow_factory)
    feed = new_feed(ada.id, DIGEST, START)
    async with uow_factory() as uow:
        assert await uow.calendar_feeds.add(feed) == feed
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.calendar_feeds.of_owner(ada.id) == feed
        assert await uow.calendar_feeds.by_lookup(feed.lookup) == feed
        assert await uow.calendar_feeds.of_owner(bob.id) is None
        assert await uow.calendar_feeds.by_lookup(feed.nonce) is None


async def test_adding_keeps_the_first_feed_and_rolls_back_unless_committed(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada = await a_stored_user(uow_factory)
    first = new_feed(ada.id, DIGEST, START)
    async with uow_factory() as uow:
        await uow.calendar_feeds.add(first)  # never committed
    async with uow_factory(read_only=True) as uow:
        assert await uow.calendar_feeds.of_owner(ada.id) is None
    async with uow_factory() as uow:
        await uow.calendar_feeds.add(first)
        await uow.commit()
    second = new_feed(ada.id, DIGEST, START + timedelta(hours=1))
    async with uow_factory() as uow:
        assert await uow.calendar_feeds.add(second) == first
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.calendar_feeds.by_lookup(second.lookup) is None


async def test_concurrent_first_uses_store_one_feed(uow_factory: AnyUnitOfWorkFactory) -> None:
    ada = await a_stored_user(uow_factory)

    async def first_use() -> CalendarFeed:
        async with uow_factory() as uow:
            stored = await uow.calendar_feeds.add(new_feed(ada.id, DIGEST, START))
            await uow.commit()
        return stored

    results = await asyncio.gather(*(first_use() for _ in range(4)))
    assert len(set(results)) == 1
    async with uow_factory(read_only=True) as uow:
        assert await uow.calendar_feeds.of_owner(ada.id) == results[0]


async def test_a_replacement_retires_the_old_lookup(uow_factory: AnyUnitOfWorkFactory) -> None:
    ada = await a_stored_user(uow_factory)
    old, new = new_feed(ada.id, DIGEST, START), new_feed(ada.id, DIGEST, START + timedelta(days=1))
    async with uow_factory() as uow:
        await uow.calendar_feeds.replace(old)  # a replacement with nothing before it
        await uow.commit()
    async with uow_factory() as uow:
        await uow.calendar_feeds.replace(new)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.calendar_feeds.of_owner(ada.id) == new
        assert await uow.calendar_feeds.by_lookup(new.lookup) == new
        assert await uow.calendar_feeds.by_lookup(old.lookup) is None
