"""Linking a chat with the Telegram bot inside another context's unit of work (the bot's
``/start <token>``: ``booking_domain.telegram``), by the rules of ``telegram_chats``."""

from __future__ import annotations

from datetime import datetime

from booking_domain.accounts import KeyedDigest
from booking_domain.notifications.ports import HasTelegramChats
from booking_domain.notifications.telegram_chats import (
    TelegramChat,
    chat_username,
    looks_like_token,
    token_digest,
)


async def link_chat(
    uow: HasTelegramChats,
    digest: KeyedDigest,
    token: str,
    chat_id: int,
    username: str | None,
    now: datetime,
) -> TelegramChat | None:
    """Spend ``token`` and link the chat to the account it was given to: the chat leaves
    any account it served, the account's earlier chat is replaced. None (and nothing
    changed but the token spent): no such token, used already, or expired."""
    if not looks_like_token(token):
        return None
    found = await uow.chat_link_tokens.take(token_digest(digest, token))
    if found is None or not found.usable(now):
        return None
    await uow.telegram_chats.remove_chat(chat_id)
    chat = TelegramChat(found.user_id, chat_id, chat_username(username), now)
    await uow.telegram_chats.put(chat)
    return chat
