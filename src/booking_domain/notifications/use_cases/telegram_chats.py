"""Linking a chat with the Telegram bot from the app (docs/telegram.md, "Linking a chat"):
the deep link with a one-time token, the linked chat, unlinking. With no bot configured
each raises ``TelegramOffError`` (404 ``telegram_off``)."""

from __future__ import annotations

from booking_domain.accounts import KeyedDigest, TelegramOffError
from booking_domain.notifications.telegram_chats import (
    ChatLinkOffer,
    TelegramChat,
    TelegramChatNotLinkedError,
    link_offer,
    new_link_token,
)
from booking_domain.notifications.use_cases.deps import NotificationsDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.use_case import UseCase


def _digest(deps: NotificationsDeps) -> KeyedDigest:
    if deps.telegram_sender is None or deps.digest is None:
        raise TelegramOffError()
    return deps.digest


class StartTelegramChatLink(UseCase[NotificationsDeps]):
    """A fresh one-time token for the caller (replacing any earlier one), and the deep link
    that sends it to the bot."""

    async def __call__(self, actor: Actor) -> ChatLinkOffer:
        digest = _digest(self._deps)
        now = self._deps.clock.now()
        token, stored = new_link_token(actor.user_id, digest, now)
        async with self._deps.uow() as uow:
            await uow.chat_link_tokens.put(stored)
            await uow.commit()
        return link_offer(token, stored, self._deps.telegram_bot_username)


class GetTelegramChat(UseCase[NotificationsDeps]):
    async def __call__(self, actor: Actor) -> TelegramChat:
        _digest(self._deps)
        async with self._deps.uow(read_only=True) as uow:
            chat = await uow.telegram_chats.of_user(actor.user_id)
        if chat is None:
            raise TelegramChatNotLinkedError()
        return chat


class UnlinkTelegramChat(UseCase[NotificationsDeps]):
    """The caller's chat unlinked, and any token not used yet forgotten: nothing more goes
    to Telegram (what was planned for it is skipped as ``no_address``)."""

    async def __call__(self, actor: Actor) -> None:
        _digest(self._deps)
        async with self._deps.uow() as uow:
            if await uow.telegram_chats.remove_user(actor.user_id) is None:
                raise TelegramChatNotLinkedError()
            await uow.chat_link_tokens.remove_user(actor.user_id)
            await uow.commit()
