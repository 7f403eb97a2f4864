"""Notifications' background work (docs/notifications.md): the planner follows the outbox
and queues the sending jobs; a job is one round over a group of notifications, run again
on the notifications' own schedule; the hourly purge forgets the texts charged to accounts
of days before yesterday."""

from __future__ import annotations

import math
from uuid import UUID

from adapters.jobs.queue import CappedBackoff
from adapters.postgres.notifications import NOTIFICATION_QUEUE, SEND_NOTIFICATION_TASK
from booking_domain.notifications import NotificationId
from booking_domain.notifications.use_cases import NotificationUseCases
from entrypoints.worker.retries import DeliveryRetry, RetryDeliveryError
from entrypoints.worker.rounds import PURGE
from entrypoints.worker.work import Follower, Job, Step, Work


async def send_notification(
    notifications: NotificationUseCases, notification_ids: list[str]
) -> None:
    """One round over a group of notifications; when one must be tried again (or waits
    for its moment), raises ``RetryDeliveryError`` for the earliest. Safe to run twice: only
    notifications still due are sent, and their channels drop a repeat
    (docs/notifications.md, "Never lost, never twice")."""
    ids = [NotificationId(UUID(n)) for n in notification_ids]
    done = await notifications.send_notifications(ids)
    if done.retry_in is not None:
        raise RetryDeliveryError(math.ceil(done.retry_in.total_seconds()))


WORK = Work(
    NotificationUseCases,
    jobs=(
        Job(
            SEND_NOTIFICATION_TASK.removeprefix("inkslot:"),
            send_notification,
            queue=NOTIFICATION_QUEUE,
            # The notification's own schedule takes up to 7 runs of the job; the database
            # being away gets the rest (a job that gives up leaves its notification pending,
            # for `inkslot jobs failed` / `retry`).
            retry=DeliveryRetry(CappedBackoff(max_attempts=30)),
        ),
    ),
    steps=(Step(PURGE, lambda notifications: notifications.purge_text_allowance()),),
    followers=(
        Follower("notification planning", lambda notifications: notifications.plan_notifications()),
    ),
)
