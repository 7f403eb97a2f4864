"""The Telegram repository (links and spent login payloads), on every adapter."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from booking_domain.accounts import Role, User
from booking_domain.accounts.telegram import TelegramAlreadyLinkedError, TelegramLink
from booking_domain.shared import UserId, new_uuid7
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio


def a_user(name: str = "Bat") -> User:
    return User(UserId(new_uuid7()), None, name, Role.CUSTOMER, None, START, START)


async def stored_users(uow_factory: AnyUnitOfWorkFactory, count: int) -> list[User]:
    users = [a_user(f"User {n}") for n in range(count)]
    async with uow_factory() as uow:
        for user in users:
            await uow.users.add(user)
        await uow.commit()
    return users


async def test_a_link_is_found_by_telegram_id_and_by_user_and_removed(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada, bob = await stored_users(uow_factory, 2)
    link = TelegramLink(2**40 + 7, ada.id, "ada_t", START)
    async with uow_factory() as uow:
        await uow.telegram.add(link)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.telegram.get(link.telegram_id) == link
        assert await uow.telegram.of_user(ada.id) == link
        assert await uow.telegram.get(1) is None
        assert await uow.telegram.of_user(bob.id) is None
    async with uow_factory() as uow:
        assert await uow.telegram.remove(ada.id) is True
        assert await uow.telegram.remove(ada.id) is False
        assert await uow.telegram.remove(bob.id) is False
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.telegram.get(link.telegram_id) is None


async def test_a_telegram_account_is_linked_once_and_an_account_links_one(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada, bob = await stored_users(uow_factory, 2)
    async with uow_factory() as uow:
        await uow.telegram.add(TelegramLink(11, ada.id, None, START))
        await uow.commit()
    for taken in (TelegramLink(11, bob.id, None, START), TelegramLink(12, ada.id, None, START)):
        async with uow_factory() as uow:
            with pytest.raises(TelegramAlreadyLinkedError):
                await uow.telegram.add(taken)
            # the refusal leaves the transaction usable
            await uow.telegram.add(TelegramLink(13, bob.id, "bob", START))
    async with uow_factory(read_only=True) as uow:  # nothing committed
        assert await uow.telegram.of_user(bob.id) is None
        assert (await uow.telegram.get(11)) == TelegramLink(11, ada.id, None, START)


async def test_links_left_without_commit_roll_back(uow_factory: AnyUnitOfWorkFactory) -> None:
    (ada,) = await stored_users(uow_factory, 1)
    async with uow_factory() as uow:
        await uow.telegram.add(TelegramLink(5, ada.id, None, START))
        assert await uow.telegram.get(5) is not None
        assert await uow.telegram.spend("h" * 64, START) is True
    async with uow_factory(read_only=True) as uow:
        assert await uow.telegram.get(5) is None
    async with uow_factory() as uow:
        assert await uow.telegram.spend("h" * 64, START) is True  # never spent


async def test_a_payload_is_spent_once(uow_factory: AnyUnitOfWorkFactory) -> None:
    expires = START + timedelta(days=1)
    async with uow_factory() as uow:
        assert await uow.telegram.spend("a" * 64, expires) is True
        assert await uow.telegram.spend("a" * 64, expires) is False
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.telegram.spend("a" * 64, expires) is False
        assert await uow.telegram.spend("b" * 64, expires) is True


async def test_two_spendings_of_one_payload_at_once_let_one_through(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    async def spend() -> bool:
        async with uow_factory() as uow:
            spent = await uow.telegram.spend("c" * 64, START + timedelta(days=1))
            await uow.commit()
            return spent

    assert sorted(await asyncio.gather(spend(), spend())) == [False, True]


async def test_purging_forgets_only_payloads_expired_before_now(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    async with uow_factory() as uow:
        await uow.telegram.spend("old", START - timedelta(seconds=1))
        await uow.telegram.spend("now", START)
        await uow.telegram.spend("new", START + timedelta(hours=1))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.telegram.purge_spent(START) == 1
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.telegram.spend("old", START + timedelta(days=1)) is True
        assert await uow.telegram.spend("now", START + timedelta(days=1)) is False
        assert await uow.telegram.spend("new", START + timedelta(days=1)) is False
