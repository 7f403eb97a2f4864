"""What a gateway tells us by itself (Stripe's webhooks), as the core reads it: the adapter
verifies the delivery (its signature and age) and reduces the provider's event to a
``GatewayEvent``; the raw body is kept with it as evidence.

Rules (docs/payments.md, "Stripe's webhooks"):
- An event is handled once, by its gateway's id for it: a delivery repeated (Stripe
  delivers at least once) finds it recorded and does nothing.
- Order does not matter: a payment event only says "look at this invoice"; what was paid
  is asked of the gateway (the confirmation path), so an event arriving late or before
  another changes nothing it should not.
- A dispute (a chargeback) of a payment we recorded is told to the booking's parties and
  admins as ``payment.disputed``; the disputes context opens a case for it.
- An artist's payout account changed at the gateway (Stripe's ``account.updated``): its
  status follows (``connect.status_of``), so an account the gateway restricts stops being a
  charge's destination at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from booking_domain.payments.connect import GatewayAccountState
from booking_domain.shared.money import Money

MAX_EVENT_ID = 255
MAX_RAW = 64_000  # the evidence kept of one delivery


class GatewayEventKind(StrEnum):
    PAID = "paid"  # an invoice was paid: confirm it with the gateway
    DISPUTED = "disputed"  # the payer's bank disputes a payment (a chargeback)
    ACCOUNT_UPDATED = "account_updated"  # an artist's payout account changed at the gateway
    OTHER = "other"  # kept as evidence; nothing to do


@dataclass(frozen=True, slots=True)
class GatewayEvent:
    """``type``: the provider's own name for the event; ``invoice_id``/``payment_id``: the
    provider's ids it is about (either may be missing); ``amount``: a dispute's."""

    gateway: str
    event_id: str
    type: str
    kind: GatewayEventKind
    occurred_at: datetime
    invoice_id: str | None = None
    payment_id: str | None = None
    amount: Money | None = None
    reason: str = ""
    raw: str = ""
    # An artist's payout account the event is about, and what the gateway says of it now.
    account_id: str | None = None
    account_state: GatewayAccountState | None = None

    def __post_init__(self) -> None:
        if not 0 < len(self.event_id) <= MAX_EVENT_ID:
            raise ValueError("an event id is 1-255 characters")


class GatewayEventReader(Protocol):
    """A gateway's deliveries read as events (Stripe's: ``adapters.payments.stripe_webhooks``)."""

    def event(self, payload: bytes, signature: str, now: datetime) -> GatewayEvent:
        """The delivery's event once its ``signature`` verifies over the raw ``payload`` and
        its age is within the gateway's tolerance at ``now``; ``GatewayEventRefusedError``
        otherwise (and nothing of it is read)."""
        ...
