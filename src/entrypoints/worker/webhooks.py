"""Webhooks' background work (docs/events.md, "Webhooks"): the dispatcher follows the
outbox and queues one delivery job per subscription and event; each job is one attempt,
retried on the delivery's own schedule."""

from __future__ import annotations

from uuid import UUID

from adapters.postgres.webhooks import DELIVER_WEBHOOK_TASK, WEBHOOK_QUEUE
from booking_domain.webhooks import DeliveryId
from booking_domain.webhooks.use_cases import WebhookUseCases
from entrypoints.worker.retries import DeliveryRetry, RetryDeliveryError
from entrypoints.worker.work import Follower, Job, Work


async def deliver_webhook(webhooks: WebhookUseCases, delivery_id: str) -> None:
    """One attempt; a failure the schedule retries raises ``RetryDeliveryError``. Safe to
    run twice: only a delivery still due is sent and recorded."""
    delivery = await webhooks.deliver_webhook(DeliveryId(UUID(delivery_id)))
    if delivery is not None and delivery.due and delivery.next_attempt_at is not None:
        wait = delivery.next_attempt_at - delivery.updated_at
        raise RetryDeliveryError(max(0, int(wait.total_seconds())))


WORK = Work(
    WebhookUseCases,
    jobs=(
        Job(
            DELIVER_WEBHOOK_TASK.removeprefix("inkslot:"),
            deliver_webhook,
            queue=WEBHOOK_QUEUE,
            retry=DeliveryRetry(),
        ),
    ),
    followers=(Follower("webhook dispatch", lambda webhooks: webhooks.dispatch_webhooks()),),
)
