"""Webhook use cases, and their bundle (``WebhookUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.shared.use_case import UseCaseBundle
from booking_domain.webhooks.use_cases.deliveries import DeliverWebhook, ListDeliveries, Redeliver
from booking_domain.webhooks.use_cases.deps import WebhooksDeps
from booking_domain.webhooks.use_cases.dispatch import DispatchWebhooks
from booking_domain.webhooks.use_cases.endpoints import (
    DeleteWebhook,
    GetWebhook,
    ListWebhooks,
    RegisterWebhook,
    UpdateWebhook,
)
from booking_domain.webhooks.use_cases.rounds import DeliverWebhookRound, RoundReport


@dataclass(frozen=True, slots=True)
class WebhookUseCases(UseCaseBundle[WebhooksDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    register_webhook: RegisterWebhook
    list_webhooks: ListWebhooks
    get_webhook: GetWebhook
    update_webhook: UpdateWebhook
    delete_webhook: DeleteWebhook
    list_deliveries: ListDeliveries
    redeliver: Redeliver
    deliver_webhook: DeliverWebhook
    deliver_webhook_round: DeliverWebhookRound
    dispatch_webhooks: DispatchWebhooks


__all__ = [
    "DeleteWebhook",
    "DeliverWebhook",
    "DeliverWebhookRound",
    "DispatchWebhooks",
    "GetWebhook",
    "ListDeliveries",
    "ListWebhooks",
    "Redeliver",
    "RegisterWebhook",
    "RoundReport",
    "UpdateWebhook",
    "WebhookUseCases",
    "WebhooksDeps",
]
