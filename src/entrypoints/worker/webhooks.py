"""Webhooks' background work (docs/events.md, "Webhooks"): the dispatcher follows the
outbox and queues, per batch of events, one round's job per endpoint (its first attempts);
what must wait (a retry, a delivery behind one) gets a job of its own: one attempt, retried
on the delivery's own schedule."""

from __future__ import annotations

from uuid import UUID

from adapters.jobs.queue import CappedBackoff
from adapters.postgres.webhook_queue import (
    DELIVER_WEBHOOK_ROUND_TASK,
    DELIVER_WEBHOOK_TASK,
    WEBHOOK_QUEUE,
)
from booking_domain.webhooks import DeliveryId, WebhookId
from booking_domain.webhooks.use_cases import WebhookUseCases
from entrypoints.worker.retries import DeliveryRetry, RetryDeliveryError
from entrypoints.worker.work import Follower, Job, Work


async def deliver_webhook(webhooks: WebhookUseCases, delivery_id: str) -> None:
    """One attempt; a failure the schedule retries raises ``RetryDeliveryError``. Safe to
    run twice: only a delivery still due is sent and recorded."""
    delivery = await webhooks.deliver_webhook(DeliveryId(UUID(delivery_id)))
    if delivery is not None and delivery.due and delivery.next_attempt_at is not None:
        raise RetryDeliveryError(int(delivery.wait.total_seconds()))


async def deliver_webhook_round(
    webhooks: WebhookUseCases, endpoint_id: str, delivery_ids: list[str]
) -> None:
    """A dispatch batch's first attempts to one endpoint; what must wait is handed to jobs
    of its own by the round itself. Safe to run twice: only deliveries still pending are
    sent, and only outcomes over a delivery as read are recorded."""
    ids = [DeliveryId(UUID(i)) for i in delivery_ids]
    await webhooks.deliver_webhook_round(WebhookId(UUID(endpoint_id)), ids)


WORK = Work(
    WebhookUseCases,
    jobs=(
        Job(
            DELIVER_WEBHOOK_TASK.removeprefix("inkslot:"),
            deliver_webhook,
            queue=WEBHOOK_QUEUE,
            retry=DeliveryRetry(),
        ),
        Job(
            DELIVER_WEBHOOK_ROUND_TASK.removeprefix("inkslot:"),
            deliver_webhook_round,
            queue=WEBHOOK_QUEUE,
            # Only the database away fails a round (an attempt's failure is an outcome): try
            # it again until it answers (a week at the 10-minute cap), never give up on it
            # with its deliveries pending and no job.
            retry=CappedBackoff(max_attempts=1000),
        ),
    ),
    followers=(Follower("webhook dispatch", lambda webhooks: webhooks.dispatch_webhooks()),),
)
