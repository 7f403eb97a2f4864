"""The email links repository, on every adapter: a live link is found by its digest until it
is used, replaced by a newer link of its purpose, or expired; two uses of one link are
decided one after the other."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from booking_domain.accounts import Role, User
from booking_domain.accounts.email_links import LinkPurpose, new_email_link
from booking_domain.shared import UserId, new_uuid7
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


async def _user(uow_factory: AnyUnitOfWorkFactory) -> User:
    user = User(
        UserId(new_uuid7()), f"{new_uuid7()}@example.com", "Ada", Role.CUSTOMER, "h", START, START
    )
    async with uow_factory() as uow:
        await uow.users.add(user)
        await uow.commit()
    return user


async def test_a_link_is_live_until_used_or_expired(uow_factory: AnyUnitOfWorkFactory) -> None:
    user = await _user(uow_factory)
    link = new_email_link(user.id, LinkPurpose.RESET_PASSWORD, user.email or "", "d1", START)
    async with uow_factory() as uow:
        await uow.email_links.add(link)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.email_links.live_for_update("d1", START) == link
        assert await uow.email_links.live_for_update("d2", START) is None
        assert await uow.email_links.live_for_update("d1", link.expires_at) is None
        await uow.email_links.save(link.used(START))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.email_links.live_for_update("d1", START) is None


async def test_a_new_link_replaces_the_live_one_of_its_purpose_only(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    user = await _user(uow_factory)
    later = START + timedelta(minutes=1)
    verify = new_email_link(user.id, LinkPurpose.VERIFY_EMAIL, "a@example.com", "v1", START)
    reset = new_email_link(user.id, LinkPurpose.RESET_PASSWORD, "a@example.com", "r1", START)
    newer = new_email_link(user.id, LinkPurpose.RESET_PASSWORD, "a@example.com", "r2", later)
    async with uow_factory() as uow:
        for link in (verify, reset, newer):
            await uow.email_links.add(link)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.email_links.live_for_update("v1", later) == verify
        assert await uow.email_links.live_for_update("r1", later) is None
        assert await uow.email_links.live_for_update("r2", later) == newer


async def test_two_uses_of_one_link_are_one_after_the_other(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    user = await _user(uow_factory)
    link = new_email_link(user.id, LinkPurpose.VERIFY_EMAIL, "a@example.com", "v", START)
    async with uow_factory() as uow:
        await uow.email_links.add(link)
        await uow.commit()

    async def use() -> bool:
        async with uow_factory() as uow:
            found = await uow.email_links.live_for_update("v", START)
            if found is None:
                return False
            await asyncio.sleep(0)  # let the other try while this one holds the link
            await uow.email_links.save(found.used(START))
            await uow.commit()
            return True

    assert sorted(await asyncio.gather(use(), use())) == [False, True]


async def test_spend_all_ends_every_live_link_of_the_account_only(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada, eve = await _user(uow_factory), await _user(uow_factory)
    links = [
        new_email_link(ada.id, LinkPurpose.VERIFY_EMAIL, "a@example.com", "a1", START),
        new_email_link(ada.id, LinkPurpose.RESET_PASSWORD, "a@example.com", "a2", START),
        new_email_link(eve.id, LinkPurpose.RESET_PASSWORD, "e@example.com", "e1", START),
    ]
    async with uow_factory() as uow:
        for link in links:
            await uow.email_links.add(link)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.email_links.spend_all(ada.id, START) == 2
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.email_links.live_for_update("a1", START) is None
        assert await uow.email_links.live_for_update("a2", START) is None
        assert await uow.email_links.live_for_update("e1", START) == links[2]
