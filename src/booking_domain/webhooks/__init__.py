"""Webhooks: integrators follow events by signed HTTP deliveries (Standard Webhooks).

Endpoints (who hears which event types), deliveries (one event to one endpoint, with its
attempts and retry schedule) and the address rule that keeps deliveries off private
networks. Deliveries are made from the outbox after commit (docs/architecture.md, rule 13): dispatch
reads the feed, never a request. This context sits at the top, beside notifications.
"""

from booking_domain.webhooks.deliveries import (
    DEFAULT_RETRY_DELAYS,
    AttemptOutcome,
    Delivery,
    DeliveryId,
    DeliveryStatus,
    RetrySchedule,
)
from booking_domain.webhooks.endpoints import (
    ALL_EVENTS,
    EVENT_TYPES,
    MAX_ENDPOINTS_PER_OWNER,
    WebhookEndpoint,
    WebhookId,
    event_selection,
    new_signing_secret,
)
from booking_domain.webhooks.errors import (
    DeliveryNotFoundError,
    InvalidWebhookError,
    TooManyWebhooksError,
    WebhookNotFoundError,
)
from booking_domain.webhooks.leaving import leave_webhooks
from booking_domain.webhooks.ports import WebhooksUnitOfWork
from booking_domain.webhooks.targets import MAX_URL_LENGTH, check_endpoint_url, is_public_address

__all__ = [
    "ALL_EVENTS",
    "DEFAULT_RETRY_DELAYS",
    "EVENT_TYPES",
    "MAX_ENDPOINTS_PER_OWNER",
    "MAX_URL_LENGTH",
    "AttemptOutcome",
    "Delivery",
    "DeliveryId",
    "DeliveryNotFoundError",
    "DeliveryStatus",
    "InvalidWebhookError",
    "RetrySchedule",
    "TooManyWebhooksError",
    "WebhookEndpoint",
    "WebhookId",
    "WebhookNotFoundError",
    "WebhooksUnitOfWork",
    "check_endpoint_url",
    "event_selection",
    "is_public_address",
    "leave_webhooks",
    "new_signing_secret",
]
