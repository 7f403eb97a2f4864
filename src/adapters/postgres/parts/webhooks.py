"""Webhooks' storage: endpoints, deliveries, the dispatch cursor and the delivery queue."""

from __future__ import annotations

from functools import cached_property

from adapters.postgres.parts import on_connection, with_jobs
from adapters.postgres.uow import PostgresUnitOfWork
from adapters.postgres.webhook_queue import ProcrastinateDeliveryQueue
from adapters.postgres.webhooks import (
    PostgresDeliveryRepository,
    PostgresDispatchCursor,
    PostgresWebhookRepository,
)
from booking_domain.webhooks.ports import WebhooksUnitOfWork


class Part(PostgresUnitOfWork):
    webhooks = cached_property(lambda uow: PostgresWebhookRepository(uow.connection, uow.secrets))
    deliveries = on_connection(PostgresDeliveryRepository)
    dispatch_cursor = on_connection(PostgresDispatchCursor)
    delivery_queue = with_jobs(ProcrastinateDeliveryQueue)


SERVES: type[WebhooksUnitOfWork] = Part
