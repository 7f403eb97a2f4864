"""What webhook use cases are built with."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.shared.clock import Clock
from booking_domain.shared.ports import OutboxFeed
from booking_domain.webhooks.deliveries import RetrySchedule
from booking_domain.webhooks.ports import WebhookSender, WebhooksUnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class WebhooksDeps:
    uow: WebhooksUnitOfWorkFactory
    feed: OutboxFeed
    webhook_sender: WebhookSender
    clock: Clock
    allow_private_targets: bool  # local use and tests only (targets.py)
    retries: RetrySchedule
    # Dispatch queues a round's job per endpoint and batch; False: a job per delivery (what a
    # release without rounds runs, while one still works beside this one).
    rounds: bool = True
