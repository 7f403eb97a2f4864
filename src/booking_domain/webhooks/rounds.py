"""A round: the deliveries one dispatch batch made for one endpoint, sent by one job.

Within a round, each subject's deliveries (one booking's events) form a chain, sent one
after another in the order dispatched; chains go out side by side. A chain stops at a
delivery that must wait, and it and the rest of its chain are handed to jobs of their own,
which run one at a time per subject (``Delivery.order_key``), retries included:

- a subject whose earlier delivery is still in a job of its own (a retry waiting for its
  moment, a redelivery, one handed over by an earlier round) is not sent by the round at
  all: its chain queues behind that job;
- a delivery whose attempt failed and is to be tried again waits for its moment, and the
  later ones of its subject wait behind it.

A delivery delivered, failed for good or skipped does not hold its chain: the next one goes,
as the next job of a subject runs once the one before it ended.
"""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.webhooks.deliveries import Delivery
from booking_domain.webhooks.endpoints import WebhookEndpoint


@dataclass(frozen=True, slots=True)
class DeliveryRound:
    """A round as read: the endpoint, and its deliveries still due in the order dispatched."""

    endpoint: WebhookEndpoint
    deliveries: tuple[Delivery, ...]

    def chains(self) -> list[list[Delivery]]:
        """The deliveries by subject, each chain in the order dispatched; chains in the
        order of their first delivery."""
        by_subject: dict[str, list[Delivery]] = {}
        for delivery in self.deliveries:
            by_subject.setdefault(delivery.subject, []).append(delivery)
        return list(by_subject.values())
