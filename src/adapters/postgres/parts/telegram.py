"""The bot's storage: the updates its webhook receives and their queue (with the parts of
notifications and the waitlist, whose changes a pressed button makes)."""

from __future__ import annotations

from adapters.postgres.parts import notifications, on_connection, waitlist, with_jobs
from adapters.postgres.telegram_bot import (
    PostgresTelegramUpdateRepository,
    ProcrastinateTelegramUpdateQueue,
)
from booking_domain.telegram import TelegramUnitOfWork


class Part(notifications.Part, waitlist.Part):
    telegram_updates = on_connection(PostgresTelegramUpdateRepository)
    telegram_update_queue = with_jobs(ProcrastinateTelegramUpdateQueue)


SERVES: type[TelegramUnitOfWork] = Part
