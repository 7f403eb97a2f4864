"""In-memory webhook endpoints, deliveries, dispatch position and delivery queue.

The queue keeps its jobs in the order queued (``delivery_jobs``): a delivery's (with its
wait) or a round's (an endpoint and its deliveries). Nothing runs them in memory; a test or
an embedding service drains them with ``queued``.
"""

from __future__ import annotations

import itertools
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from adapters.memory.store import StagedTable, TableRepository
from booking_domain.shared import UserId
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.webhooks import Delivery, DeliveryId, WebhookEndpoint, WebhookId
from booking_domain.webhooks.ports import (
    DeliveryQueue,
    DeliveryRepository,
    DispatchCursor,
    DispatchPosition,
    WebhookRepository,
)
from booking_domain.webhooks.rounds import DeliveryRound

DELIVERY_JOBS = "delivery_jobs"
_job_numbers = itertools.count(1)


class InMemoryDeliveryRepository(TableRepository[DeliveryId, Delivery], DeliveryRepository):
    async def add_many(self, deliveries: Sequence[Delivery]) -> None:
        for delivery in deliveries:
            self._rows.put(delivery.id, delivery)

    async def get(self, delivery_id: DeliveryId) -> Delivery | None:
        return self._rows.get(delivery_id)

    async def update(self, delivery: Delivery) -> None:
        self._rows.put(delivery.id, delivery)

    async def replace_if_unchanged(
        self, changes: Sequence[tuple[Delivery, Delivery]]
    ) -> frozenset[DeliveryId]:
        written: set[DeliveryId] = set()
        for seen, changed in changes:
            current = self._rows.get(seen.id)
            if current is not None and current.due and _as_left(current) == _as_left(seen):
                self._rows.put(changed.id, changed)
                written.add(changed.id)
        return frozenset(written)

    def remove_for(self, webhook_id: WebhookId) -> None:
        for delivery in list(self._rows.values()):
            if delivery.endpoint_id == webhook_id:
                self._rows.delete(delivery.id)

    async def page(self, webhook_id: WebhookId, request: PageRequest) -> Page[Delivery]:
        found = sorted(
            (d for d in self._rows.values() if d.endpoint_id == webhook_id),
            key=lambda d: d.id,
            reverse=True,
        )
        chosen = found[request.offset : request.offset + request.page_size]
        return Page(tuple(chosen), len(found), request)


def _as_left(d: Delivery) -> tuple[int, datetime]:
    """What ``replace_if_unchanged`` compares: a delivery is as it was read while its
    attempts and the time of its last change are."""
    return d.attempts, d.updated_at


class InMemoryWebhookRepository(TableRepository[WebhookId, WebhookEndpoint], WebhookRepository):
    def __init__(
        self,
        table: StagedTable[WebhookId, WebhookEndpoint],
        deliveries: InMemoryDeliveryRepository,
    ) -> None:
        super().__init__(table)
        self._deliveries = deliveries

    async def add(self, endpoint: WebhookEndpoint) -> None:
        self._rows.put(endpoint.id, endpoint)

    async def get(self, webhook_id: WebhookId) -> WebhookEndpoint | None:
        return self._rows.get(webhook_id)

    async def update(self, endpoint: WebhookEndpoint) -> None:
        self._rows.put(endpoint.id, endpoint)

    async def remove(self, webhook_id: WebhookId) -> None:
        self._deliveries.remove_for(webhook_id)
        self._rows.delete(webhook_id)

    async def list(self, owner_id: UserId | None) -> Sequence[WebhookEndpoint]:
        found = [e for e in self._rows.values() if owner_id is None or e.owner_id == owner_id]
        return sorted(found, key=lambda e: (e.created_at, e.id))

    async def count_for_owner(self, owner_id: UserId) -> int:
        return len(await self.list(owner_id))

    async def active(self) -> Sequence[WebhookEndpoint]:
        return [e for e in await self.list(None) if e.active]

    async def round_of(
        self, endpoint_id: WebhookId, delivery_ids: Sequence[DeliveryId]
    ) -> DeliveryRound | None:
        endpoint = self._rows.get(endpoint_id)
        found = [await self._deliveries.get(i) for i in dict.fromkeys(delivery_ids)]
        due = [d for d in found if d is not None and d.endpoint_id == endpoint_id and d.due]
        return None if endpoint is None or not due else DeliveryRound(endpoint, tuple(due))

    async def with_delivery(
        self, delivery_id: DeliveryId
    ) -> tuple[WebhookEndpoint, Delivery] | None:
        delivery = await self._deliveries.get(delivery_id)
        endpoint = None if delivery is None else self._rows.get(delivery.endpoint_id)
        return None if delivery is None or endpoint is None else (endpoint, delivery)


class InMemoryDispatchCursor(TableRepository[str, str], DispatchCursor):
    async def claim(self) -> DispatchPosition | None:
        return DispatchPosition(self._rows.get("webhooks"))

    async def hold(self) -> None:
        return None  # in memory, units of work that write run one at a time

    async def advance(self, cursor: str) -> None:
        current = self._rows.get("webhooks")
        if current is not None and current >= cursor:
            raise ConflictError("the webhook dispatch position moved meanwhile")
        self._rows.put("webhooks", cursor)


@dataclass(frozen=True, slots=True)
class QueuedJob:
    """A job in the in-memory queue: a delivery's (``wait``: after how long it may run) or
    a round's (``endpoint_id`` set, with every delivery of the round)."""

    delivery_ids: tuple[DeliveryId, ...]
    endpoint_id: WebhookId | None = None
    wait: timedelta = timedelta(0)


class InMemoryDeliveryQueue(TableRepository[int, QueuedJob], DeliveryQueue):
    """Nothing runs its jobs: a delivery's job counts as queued while its delivery is
    pending (as PostgreSQL's ends when its attempt is recorded for good)."""

    def __init__(
        self, table: StagedTable[int, QueuedJob], deliveries: InMemoryDeliveryRepository
    ) -> None:
        super().__init__(table)
        self._deliveries = deliveries

    async def held_back(self, order_keys: Collection[str]) -> frozenset[str]:
        held: set[str] = set()
        for job in self._rows.values():
            delivery = None if job.endpoint_id else await self._deliveries.get(job.delivery_ids[0])
            if delivery is not None and delivery.due and delivery.order_key in order_keys:
                held.add(delivery.order_key)
        return frozenset(held)

    async def enqueue(self, deliveries: Sequence[Delivery]) -> None:
        for delivery in deliveries:
            self._rows.put(next(_job_numbers), QueuedJob((delivery.id,), wait=delivery.wait))

    async def enqueue_rounds(self, deliveries: Sequence[Delivery]) -> None:
        by_endpoint: dict[WebhookId, list[DeliveryId]] = {}
        for delivery in deliveries:
            by_endpoint.setdefault(delivery.endpoint_id, []).append(delivery.id)
        for endpoint_id, ids in by_endpoint.items():
            self._rows.put(next(_job_numbers), QueuedJob(tuple(ids), endpoint_id))

    def queued(self) -> list[QueuedJob]:
        """The queued jobs in the order queued (committed ones and this unit's)."""
        return list(self._rows.values())
