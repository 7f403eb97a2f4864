"""In-memory chats linked with the Telegram bot, and the tokens that link them."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from adapters.memory.store import TableRepository
from booking_domain.notifications import ChatLinkToken, TelegramChat
from booking_domain.notifications.ports import ChatLinkTokenRepository, TelegramChatRepository
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import UserId


class InMemoryTelegramChatRepository(TableRepository[UserId, TelegramChat], TelegramChatRepository):
    """Chats by account."""

    async def of_user(self, user_id: UserId) -> TelegramChat | None:
        return self._rows.get(user_id)

    async def of_chat(self, chat_id: int) -> TelegramChat | None:
        return next((c for c in self._rows.values() if c.chat_id == chat_id), None)

    async def reachable_among(self, user_ids: Collection[UserId]) -> frozenset[UserId]:
        found = (self._rows.get(user) for user in set(user_ids))
        return frozenset(chat.user_id for chat in found if chat is not None and chat.reachable)

    async def put(self, chat: TelegramChat) -> None:
        holder = await self.of_chat(chat.chat_id)
        if holder is not None and holder.user_id != chat.user_id:
            raise ConflictError("the chat is linked to another account")  # the database's key
        self._rows.put(chat.user_id, chat)

    async def remove_user(self, user_id: UserId) -> TelegramChat | None:
        chat = self._rows.get(user_id)
        if chat is not None:
            self._rows.delete(user_id)
        return chat

    async def remove_chat(self, chat_id: int) -> TelegramChat | None:
        chat = await self.of_chat(chat_id)
        if chat is not None:
            self._rows.delete(chat.user_id)
        return chat


class InMemoryChatLinkTokenRepository(
    TableRepository[UserId, ChatLinkToken], ChatLinkTokenRepository
):
    """Tokens by account (one each)."""

    async def put(self, token: ChatLinkToken) -> None:
        self._rows.put(token.user_id, token)

    async def take(self, digest: str) -> ChatLinkToken | None:
        token = next((t for t in self._rows.values() if t.digest == digest), None)
        if token is not None:
            self._rows.delete(token.user_id)
        return token

    async def remove_user(self, user_id: UserId) -> None:
        self._rows.delete(user_id)

    async def purge_expired(self, now: datetime) -> int:
        expired = [t.user_id for t in self._rows.values() if t.expires_at <= now]
        for user_id in expired:
            self._rows.delete(user_id)
        return len(expired)
