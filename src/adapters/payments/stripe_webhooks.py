"""Stripe's webhook deliveries read as the core's ``GatewayEvent`` (docs/payments.md,
"Stripe's webhooks").

A delivery is believed only when its ``Stripe-Signature`` verifies over the raw body with
the endpoint's signing secret (Stripe's library checks the HMAC, every ``v1`` signature
the header carries, in constant time) and its timestamp is within ``tolerance`` of our
clock (the library's own age check reads the system clock; ours is injected, so the age is
checked here). Anything else is ``GatewayEventRefusedError``, and nothing of the body is
read.

What the core is told of Stripe's event types:
- ``checkout.session.completed`` and ``checkout.session.async_payment_succeeded``: paid
  (the session is the invoice);
- ``charge.dispute.created``: disputed (the PaymentIntent is the payment), with its amount
  and reason;
- every other type: kept, nothing to do (a session's id or a PaymentIntent's is noted when
  the object is one).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import stripe

from booking_domain.payments import GatewayEvent, GatewayEventKind, GatewayEventRefusedError
from booking_domain.shared.money import Money

DEFAULT_TOLERANCE = timedelta(minutes=5)  # Stripe's own default
MAX_BODY = 512 * 1024  # Stripe's events are a few kilobytes
_PAID = frozenset({"checkout.session.completed", "checkout.session.async_payment_succeeded"})
_DISPUTED = frozenset({"charge.dispute.created"})


class StripeWebhook:
    def __init__(self, secret: str, tolerance: timedelta = DEFAULT_TOLERANCE) -> None:
        self._secret = secret
        self._tolerance = tolerance

    def event(self, payload: bytes, signature: str, now: datetime) -> GatewayEvent:
        """The verified delivery as an event; ``GatewayEventRefusedError`` otherwise."""
        if len(payload) > MAX_BODY or not signature:
            raise GatewayEventRefusedError()
        try:
            stripe.WebhookSignature.verify_header(payload, signature, self._secret, None)
        except (stripe.SignatureVerificationError, ValueError, UnicodeError):
            raise GatewayEventRefusedError() from None
        signed_at = _timestamp(signature)
        if signed_at is None or abs(now - signed_at) > self._tolerance:
            raise GatewayEventRefusedError(
                "This event's signature is too old (or from the future)."
            )
        try:
            return read_event(json.loads(payload), payload.decode())
        except (ValueError, KeyError, TypeError, AttributeError):
            raise GatewayEventRefusedError() from None


def read_event(body: dict[str, Any], raw: str) -> GatewayEvent:
    """A verified Stripe event's body as the core's event."""
    kind_name = str(body["type"])
    obj = body["data"]["object"]
    occurred_at = datetime.fromtimestamp(int(body["created"]), UTC)
    kind = GatewayEventKind.OTHER
    invoice_id = payment_id = None
    amount = None
    reason = ""
    if obj.get("object") == "checkout.session":
        invoice_id = str(obj["id"])
        payment_id = _id_of(obj.get("payment_intent"))
        kind = GatewayEventKind.PAID if kind_name in _PAID else kind
    elif obj.get("object") == "payment_intent":
        payment_id = str(obj["id"])
    elif obj.get("object") in ("charge", "dispute"):
        payment_id = _id_of(obj.get("payment_intent"))
    if kind_name in _DISPUTED:
        kind = GatewayEventKind.DISPUTED
        amount = Money(int(obj["amount"]), str(obj["currency"]).upper())
        reason = str(obj.get("reason") or "")[:200]
    return GatewayEvent(
        gateway="stripe",
        event_id=str(body["id"]),
        type=kind_name[:100],
        kind=kind,
        occurred_at=occurred_at,
        invoice_id=invoice_id,
        payment_id=payment_id,
        amount=amount,
        reason=reason,
        raw=raw,
    )


def _id_of(value: Any) -> str | None:
    """An expandable field's id: the id itself, or the expanded object's."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def _timestamp(header: str) -> datetime | None:
    for part in header.split(","):
        key, _, value = part.strip().partition("=")
        if key == "t" and value.isdigit() and len(value) <= 12:
            return datetime.fromtimestamp(int(value), UTC)
    return None
