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
- ``account.updated``: a Connect account's state (may it take charges, be paid out, are its
  details in);
- every other type: kept, nothing to do (a session's id or a PaymentIntent's is noted when
  the object is one).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import stripe

from booking_domain.payments import (
    GatewayAccountState,
    GatewayEvent,
    GatewayEventKind,
    GatewayEventRefusedError,
)
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
        signed_at = _timestamp(signature) if len(payload) <= MAX_BODY else None
        if signed_at is None:
            raise GatewayEventRefusedError()
        try:
            stripe.WebhookSignature.verify_header(payload, signature, self._secret, None)
        except (stripe.SignatureVerificationError, ValueError, UnicodeError):
            raise GatewayEventRefusedError() from None
        if abs(now - signed_at) > self._tolerance:
            raise GatewayEventRefusedError(
                "This event's signature is too old (or from the future)."
            )
        try:
            return read_event(json.loads(payload), payload.decode())
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError, OSError):
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
    account_id, account_state = None, None
    if obj.get("object") == "account" and kind_name == "account.updated":
        kind, account_id = GatewayEventKind.ACCOUNT_UPDATED, str(obj["id"])
        account_state = GatewayAccountState(
            charges_enabled=obj.get("charges_enabled") is True,
            payouts_enabled=obj.get("payouts_enabled") is True,
            details_submitted=obj.get("details_submitted") is True,
        )
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
        account_id=account_id,
        account_state=account_state,
    )


def _id_of(value: Any) -> str | None:
    """An expandable field's id: the id itself, or the expanded object's."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def _timestamp(header: str) -> datetime | None:
    """The header's one timestamp, when the header has Stripe's strict form: comma-separated
    ``key=value`` items without spaces, exactly one ``t`` (digits) and a ``v1``; else None.
    The library verifies the HMAC on the first item keyed exactly ``t``: with exactly one,
    and no look-alike keys, the time it signs and the time judged here are the same (no
    replay of a captured delivery behind a fresh ``t``)."""
    items = [item.partition("=") for item in header.split(",")]
    if any(not sep or not key.isalnum() or value != value.strip() for key, sep, value in items):
        return None
    stamps = [value for key, _, value in items if key == "t"]
    if len(stamps) != 1 or not any(key == "v1" for key, _, _ in items):
        return None
    stamp = stamps[0]
    if not (stamp.isascii() and stamp.isdigit()) or len(stamp) > 11:
        return None
    return datetime.fromtimestamp(int(stamp), UTC)
