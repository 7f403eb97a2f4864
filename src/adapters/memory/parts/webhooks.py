"""Webhooks' storage: endpoints, deliveries, the dispatch cursor and the delivery queue."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.parts import over_table
from adapters.memory.uow import InMemoryUnitOfWork
from adapters.memory.webhooks import (
    DELIVERY_JOBS,
    InMemoryDeliveryQueue,
    InMemoryDeliveryRepository,
    InMemoryDispatchCursor,
    InMemoryWebhookRepository,
)
from booking_domain.webhooks.ports import WebhooksUnitOfWork


class Part(InMemoryUnitOfWork):
    deliveries = over_table(InMemoryDeliveryRepository, "webhook_deliveries")
    webhooks = cached_property(
        lambda uow: InMemoryWebhookRepository(uow.staged("webhook_endpoints"), uow.deliveries)
    )
    dispatch_cursor = over_table(InMemoryDispatchCursor, "webhook_dispatch")
    delivery_queue = cached_property(
        lambda uow: InMemoryDeliveryQueue(uow.staged(DELIVERY_JOBS), uow.deliveries)
    )


SERVES: type[WebhooksUnitOfWork] = Part
