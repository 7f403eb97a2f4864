"""The Telegram bot's storage on every adapter: the chats linked with the bot (one per
account, one account per chat), the tokens that link them, the updates its webhook kept,
and the chat a notification's recipient is told on."""

from __future__ import annotations

from datetime import timedelta

import pytest

from booking_domain.accounts import Role, User
from booking_domain.notifications import ChatLinkToken, TelegramButton, TelegramChat
from booking_domain.shared import UserId, new_uuid7
from booking_domain.telegram import (
    ReceivedUpdate,
    SendText,
    Update,
    UpdateKind,
)
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
CHAT = 5550001


async def stored_users(uow_factory: AnyUnitOfWorkFactory, count: int) -> list[User]:
    users = [User(UserId(new_uuid7()), None, f"User {n}", Role.CUSTOMER, None, START, START)
             for n in range(count)]  # fmt: skip
    async with uow_factory() as uow:
        for user in users:
            await uow.users.add(user)
        await uow.commit()
    return users


async def test_a_chat_is_found_by_account_and_by_chat_moved_and_removed(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada, bob = await stored_users(uow_factory, 2)
    chat = TelegramChat(ada.id, CHAT, "ada_t", START)
    async with uow_factory() as uow:
        await uow.telegram_chats.put(chat)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.telegram_chats.of_user(ada.id) == chat
        assert await uow.telegram_chats.of_chat(CHAT) == chat
        assert await uow.telegram_chats.of_user(bob.id) is None
    moved = TelegramChat(bob.id, CHAT, None, START + timedelta(minutes=1))
    async with uow_factory() as uow:  # the chat moves to bob: removed from ada first
        assert await uow.telegram_chats.remove_chat(CHAT) == chat
        await uow.telegram_chats.put(moved)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.telegram_chats.of_user(ada.id) is None
        assert await uow.telegram_chats.of_chat(CHAT) == moved
        assert await uow.telegram_chats.remove_user(bob.id) == moved
        assert await uow.telegram_chats.remove_user(bob.id) is None
        assert await uow.telegram_chats.remove_chat(CHAT) is None
        await uow.commit()


async def test_an_accounts_chat_is_replaced_and_a_blocked_one_is_not_reachable(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada, bob, cy = await stored_users(uow_factory, 3)
    async with uow_factory() as uow:
        await uow.telegram_chats.put(TelegramChat(ada.id, CHAT, None, START))
        await uow.telegram_chats.put(TelegramChat(ada.id, CHAT + 1, "new", START))  # replaced
        await uow.telegram_chats.put(TelegramChat(bob.id, CHAT + 2, None, START).blocked(START))
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        replaced = TelegramChat(ada.id, CHAT + 1, "new", START)
        assert await uow.telegram_chats.of_user(ada.id) == replaced
        assert await uow.telegram_chats.of_chat(CHAT) is None
        assert await uow.telegram_chats.reachable_among([ada.id, bob.id, cy.id]) == {ada.id}
        assert await uow.telegram_chats.reachable_among([]) == frozenset()
        told = await uow.notification_context.recipients([ada.id, bob.id, cy.id])
        assert {u: r.telegram_chat for u, r in told.items()} == {
            ada.id: CHAT + 1,
            bob.id: None,
            cy.id: None,
        }


async def test_a_link_token_is_taken_once_replaced_and_purged_when_it_ran_out(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    ada, bob = await stored_users(uow_factory, 2)
    later = START + timedelta(minutes=10)
    async with uow_factory() as uow:
        await uow.chat_link_tokens.put(ChatLinkToken(ada.id, "first", START, later))
        await uow.chat_link_tokens.put(ChatLinkToken(ada.id, "second", START, later))  # replaces
        await uow.chat_link_tokens.put(ChatLinkToken(bob.id, "bobs", START, START))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.chat_link_tokens.take("first") is None
        second = ChatLinkToken(ada.id, "second", START, later)
        assert await uow.chat_link_tokens.take("second") == second
        assert await uow.chat_link_tokens.take("second") is None
        assert await uow.chat_link_tokens.purge_expired(START) == 1
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.chat_link_tokens.take("bobs") is None


async def test_an_update_is_kept_once_and_what_answers_it_is_saved(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    update = Update(901, UpdateKind.PRESS, -100123, False, username="bat", language="mn",
                    callback_id="cb-1", data="cancel:" + "0" * 32, message_id=7)  # fmt: skip
    received = ReceivedUpdate(update, START)
    async with uow_factory() as uow:
        assert await uow.telegram_updates.add(received) is True
        assert await uow.telegram_updates.add(received) is False  # Telegram sent it again
        await uow.commit()
    calls = (SendText(CHAT, "<b>hi</b>", ((TelegramButton("Open", url="https://x.mn/b"),),)),)
    answered = received.answered_by(calls, START + timedelta(seconds=1))
    answered = answered.progressed(1, attempted=True)
    assert answered.update.text == "" and answered.update.data == update.data  # typed: forgotten
    async with uow_factory() as uow:
        assert await uow.telegram_updates.lock(901) == received
        await uow.telegram_updates.save(answered)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.telegram_updates.lock(901) == answered
        assert await uow.telegram_updates.lock(902) is None
        assert await uow.telegram_updates.purge(START) == 0
        assert await uow.telegram_updates.purge(START + timedelta(seconds=1)) == 1
        await uow.commit()
