"""Errors of webhooks: endpoints and their deliveries."""

from __future__ import annotations

from booking_domain.shared.errors import InvalidInputError, NotFoundError, RuleViolationError


class InvalidWebhookError(InvalidInputError):
    """The URL or the event list of an endpoint is not acceptable (the field errors say why:
    not http(s), credentials in the URL, a private address outside local use, an unknown
    event type ...)."""

    code = "invalid_webhook"
    default_message = "The webhook endpoint is invalid."


class WebhookNotFoundError(NotFoundError):
    """No endpoint with this id that the caller may see (another owner's is "not found" too:
    its existence is nobody else's business)."""

    code = "webhook_not_found"
    default_message = "Webhook endpoint not found."


class DeliveryNotFoundError(NotFoundError):
    code = "delivery_not_found"
    default_message = "Delivery not found."


class TooManyWebhooksError(RuleViolationError):
    code = "too_many_webhooks"
    default_message = "This account has as many webhook endpoints as it may have."
