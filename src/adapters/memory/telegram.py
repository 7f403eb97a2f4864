"""In-memory Telegram links and spent Telegram login payloads."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from adapters.memory.store import StagedTable
from booking_domain.accounts.ports import TelegramRepository
from booking_domain.accounts.telegram import TelegramAlreadyLinkedError, TelegramLink
from booking_domain.shared import UserId


class InMemoryTelegramRepository(TelegramRepository):
    """Links by Telegram id; spent payloads (hash, expiry) by hash."""

    def __init__(self, links: StagedTable[Any, Any], spent: StagedTable[Any, Any]) -> None:
        self._links: StagedTable[int, TelegramLink] = links
        self._spent: StagedTable[str, tuple[str, datetime]] = spent

    async def add(self, link: TelegramLink) -> None:
        if self._links.get(link.telegram_id) is not None or await self.of_user(link.user_id):
            raise TelegramAlreadyLinkedError()
        self._links.put(link.telegram_id, link)

    async def get(self, telegram_id: int) -> TelegramLink | None:
        return self._links.get(telegram_id)

    async def of_user(self, user_id: UserId) -> TelegramLink | None:
        return next((link for link in self._links.values() if link.user_id == user_id), None)

    async def remove(self, user_id: UserId) -> bool:
        link = await self.of_user(user_id)
        if link is None:
            return False
        self._links.delete(link.telegram_id)
        return True

    async def spend(self, payload_hash: str, expires_at: datetime) -> bool:
        if self._spent.get(payload_hash) is not None:
            return False
        self._spent.put(payload_hash, (payload_hash, expires_at))
        return True

    async def purge_spent(self, now: datetime) -> int:
        expired = [h for h, expires_at in self._spent.values() if expires_at < now]
        for payload_hash in expired:
            self._spent.delete(payload_hash)
        return len(expired)
