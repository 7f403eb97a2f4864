"""A webhook endpoint: where an integrator wants to hear which events.

An artist's endpoint hears the events an artist hears (their bookings and their profile:
the events whose audience names them); an admin's hears every event. ``events`` lists the
types it wants, or ``*`` for all, and must not be empty. The signing secret is made by
Inkslot (Standard Webhooks form, ``whsec_`` + base64 of 32 random bytes), shown once at
registration and never again.
"""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import NewType
from uuid import UUID

from booking_domain.bookings import BOOKING_EVENT_TYPES
from booking_domain.catalog import ARTIST_EVENT_TYPES
from booking_domain.commissions import REQUEST_EVENT_TYPES
from booking_domain.consent import CONSENT_EVENT_TYPES
from booking_domain.loyalty import ENTRY_EVENT_TYPES, PROGRAM_EVENT_TYPES
from booking_domain.payments import PAYMENT_EVENT_TYPES, REFUND_EVENT_TYPES
from booking_domain.reviews import REVIEW_EVENT_TYPES
from booking_domain.shared.errors import FieldError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.outbox import OutboxEvent
from booking_domain.shared.time import require_aware
from booking_domain.waitlist import WAITLIST_EVENT_TYPES
from booking_domain.webhooks.errors import InvalidWebhookError

WebhookId = NewType("WebhookId", UUID)

ALL_EVENTS = "*"
EVENT_TYPES: frozenset[str] = (
    BOOKING_EVENT_TYPES
    | ARTIST_EVENT_TYPES
    | PAYMENT_EVENT_TYPES
    | REFUND_EVENT_TYPES
    | REVIEW_EVENT_TYPES
    | REQUEST_EVENT_TYPES
    | CONSENT_EVENT_TYPES
    | WAITLIST_EVENT_TYPES
    | ENTRY_EVENT_TYPES  # loyalty points: heard by the customer (admins' endpoints hear them)
    | PROGRAM_EVENT_TYPES  # loyalty programs: heard by an artist of their own
)
MAX_ENDPOINTS_PER_OWNER = 20
MAX_DESCRIPTION_LENGTH = 200


def new_signing_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def event_selection(types: Iterable[str]) -> frozenset[str]:
    """The wanted types, checked: known types or ``*``, at least one."""
    chosen = frozenset(types)
    unknown = sorted(t for t in chosen if t != ALL_EVENTS and t not in EVENT_TYPES)
    if not chosen or unknown:
        detail = f"Unknown event types: {', '.join(unknown)}." if unknown else "At least one."
        raise InvalidWebhookError(errors=(FieldError("events", detail),))
    return frozenset({ALL_EVENTS}) if ALL_EVENTS in chosen else chosen


@dataclass(frozen=True, slots=True)
class WebhookEndpoint:
    id: WebhookId
    owner_id: UserId
    owner_is_admin: bool  # decided at registration: an admin's endpoint hears everything
    url: str
    events: frozenset[str]
    secret: str = field(repr=False)  # a credential: never in a log line
    active: bool
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        require_aware(self.updated_at, "updated_at")

    @classmethod
    def register(
        cls, owner: Actor, url: str, events: Iterable[str], now: datetime
    ) -> WebhookEndpoint:
        """``url`` must already have passed ``check_endpoint_url``."""
        return cls(
            id=WebhookId(new_uuid7(int(now.timestamp() * 1000))),
            owner_id=owner.user_id,
            owner_is_admin=owner.is_admin,
            url=url,
            events=event_selection(events),
            secret=new_signing_secret(),
            active=True,
            created_at=now,
            updated_at=now,
        )

    def wants(self, event: OutboxEvent) -> bool:
        """Whether this endpoint is sent ``event``: active, the type chosen, the event one
        its owner may see, and not older than the endpoint. ``*`` is every type of
        ``EVENT_TYPES``: in-app notifications (``notification.created``) are personal, heard
        by their recipient on the stream, never sent to integrators."""
        if not self.active or event.occurred_at < self.created_at:
            return False
        if event.type not in EVENT_TYPES:
            return False
        if ALL_EVENTS not in self.events and event.type not in self.events:
            return False
        return event.visible_to(self.owner_id, is_admin=self.owner_is_admin)

    def visible_to(self, actor: Actor) -> bool:
        return actor.is_admin or actor.user_id == self.owner_id

    def changed(
        self,
        now: datetime,
        *,
        url: str | None = None,
        events: Iterable[str] | None = None,
        active: bool | None = None,
    ) -> WebhookEndpoint:
        return replace(
            self,
            url=self.url if url is None else url,
            events=self.events if events is None else event_selection(events),
            active=self.active if active is None else active,
            updated_at=now,
        )
