"""In-memory webhook endpoints, deliveries, dispatch position and delivery queue.

The queue keeps the ids of queued deliveries in order (``delivery_jobs``): nothing runs
them in memory; a test or an embedding service drains them with ``queued``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import datetime

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

    async def replace_if_unchanged(self, seen: Delivery, changed: Delivery) -> bool:
        current = self._rows.get(seen.id)
        if current is None or not current.due or _as_left(current) != _as_left(seen):
            return False
        self._rows.put(changed.id, changed)
        return True

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


class InMemoryDeliveryQueue(TableRepository[int, DeliveryId], DeliveryQueue):
    async def enqueue(self, deliveries: Sequence[Delivery]) -> None:
        for delivery in deliveries:
            self._rows.put(next(_job_numbers), delivery.id)

    def queued(self) -> list[DeliveryId]:
        """The queued deliveries in the order queued (committed ones and this unit's)."""
        return list(self._rows.values())
