"""The Telegram bot's background work (docs/telegram.md): one job per update, one chat's
one at a time (the adapter queues them under the chat's lock); the hourly purge forgets the
updates of a day ago and the chat link tokens that ran out."""

from __future__ import annotations

import math

from adapters.jobs.queue import CappedBackoff
from adapters.postgres.telegram_bot import HANDLE_UPDATE_TASK, TELEGRAM_QUEUE
from booking_domain.telegram.use_cases import TelegramUseCases
from entrypoints.worker.retries import DeliveryRetry, RetryDeliveryError
from entrypoints.worker.rounds import PURGE
from entrypoints.worker.work import Job, Step, Work


async def handle_telegram_update(telegram: TelegramUseCases, update_id: int) -> None:
    """Handle the update once and send its replies; raises ``RetryDeliveryError`` when
    some must wait (Telegram's 429). Safe to run twice: a handled update only sends what
    it has not sent."""
    wait = await telegram.handle_update(update_id)
    if wait is not None:
        raise RetryDeliveryError(max(1, math.ceil(wait.total_seconds())))


WORK = Work(
    TelegramUseCases,
    jobs=(
        Job(
            HANDLE_UPDATE_TASK.removeprefix("inkslot:"),
            handle_telegram_update,
            queue=TELEGRAM_QUEUE,
            # The replies' own waits (Telegram's 429, a few retries); the database away gets
            # the queue's backoff.
            retry=DeliveryRetry(CappedBackoff(max_attempts=10)),
        ),
    ),
    steps=(Step(PURGE, lambda telegram: telegram.purge_telegram_updates()),),
)
