"""In-memory updates of the Telegram bot, and the queue of the jobs that handle them."""

from __future__ import annotations

import itertools
from datetime import datetime

from adapters.memory.store import TableRepository
from booking_domain.telegram import ReceivedUpdate, TelegramUpdateQueue, TelegramUpdateRepository

TELEGRAM_JOBS = "telegram_jobs"
_job_numbers = itertools.count(1)


class InMemoryTelegramUpdateRepository(
    TableRepository[int, ReceivedUpdate], TelegramUpdateRepository
):
    async def add(self, update: ReceivedUpdate) -> bool:
        if self._rows.get(update.update.update_id) is not None:
            return False
        self._rows.put(update.update.update_id, update)
        return True

    async def lock(self, update_id: int) -> ReceivedUpdate | None:
        return self._rows.get(update_id)  # units of work that write run one at a time

    async def save(self, update: ReceivedUpdate) -> None:
        self._rows.put(update.update.update_id, update)

    async def purge(self, received_before: datetime) -> int:
        old = [u.update.update_id for u in self._rows.values() if u.received_at < received_before]
        for update_id in old:
            self._rows.delete(update_id)
        return len(old)


class InMemoryTelegramUpdateQueue(TableRepository[int, int], TelegramUpdateQueue):
    async def enqueue(self, update: ReceivedUpdate) -> None:
        self._rows.put(next(_job_numbers), update.update.update_id)

    def queued(self) -> list[int]:
        """The update ids queued, in order (what tests run the jobs of)."""
        return list(self._rows.values())
