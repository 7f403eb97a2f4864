"""The bot's storage: the updates its webhook receives and their queue (with the parts of
notifications and the waitlist, whose changes a pressed button makes)."""

from __future__ import annotations

from adapters.memory.parts import notifications, over_table, waitlist
from adapters.memory.telegram_bot import (
    TELEGRAM_JOBS,
    InMemoryTelegramUpdateQueue,
    InMemoryTelegramUpdateRepository,
)
from booking_domain.telegram import TelegramUnitOfWork


class Part(notifications.Part, waitlist.Part):
    telegram_updates = over_table(InMemoryTelegramUpdateRepository, "telegram_updates")
    telegram_update_queue = over_table(InMemoryTelegramUpdateQueue, TELEGRAM_JOBS)


SERVES: type[TelegramUnitOfWork] = Part
