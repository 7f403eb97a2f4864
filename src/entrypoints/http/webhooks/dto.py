"""Webhook endpoints and deliveries on the wire."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from booking_domain.webhooks import MAX_URL_LENGTH, Delivery, WebhookEndpoint
from entrypoints.http.wire import Dto, PageView, View, utc

Url = Annotated[str, Meta(min_length=1, max_length=MAX_URL_LENGTH)]
EventTypes = Annotated[list[Annotated[str, Meta(max_length=60)]], Meta(min_length=1, max_length=50)]


class WebhookRequest(Dto, frozen=True):
    url: Url
    events: EventTypes


class WebhookChange(Dto, frozen=True):
    url: Url | UnsetType = UNSET
    events: EventTypes | UnsetType = UNSET
    active: bool | UnsetType = UNSET


class WebhookView(View, frozen=True):
    id: UUID
    url: str
    events: list[str]
    active: bool
    owner_id: UUID
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, e: WebhookEndpoint) -> WebhookView:
        return cls(
            id=e.id,
            url=e.url,
            events=sorted(e.events),
            active=e.active,
            owner_id=e.owner_id,
            created_at=utc(e.created_at),
            updated_at=utc(e.updated_at),
        )


class RegisteredWebhookView(WebhookView, frozen=True):
    """The endpoint with its signing secret: returned once, at registration."""

    secret: str

    @classmethod
    def registered(cls, e: WebhookEndpoint) -> RegisteredWebhookView:
        return cls(**msgspec.structs.asdict(WebhookView.of(e)), secret=e.secret)


class DeliveryView(View, frozen=True):
    id: UUID
    event_id: UUID
    event_type: str
    subject: str
    status: str
    attempts: int
    last_status_code: int | None
    last_error: str | None
    next_attempt_at: datetime | None
    created_at: datetime
    updated_at: datetime
    body: dict[str, Any]

    @classmethod
    def of(cls, d: Delivery) -> DeliveryView:
        return cls(
            id=d.id,
            event_id=d.event_id,
            event_type=d.event_type,
            subject=d.subject,
            status=d.status.value,
            attempts=d.attempts,
            last_status_code=d.last_status_code,
            last_error=d.last_error,
            next_attempt_at=None if d.next_attempt_at is None else utc(d.next_attempt_at),
            created_at=utc(d.created_at),
            updated_at=utc(d.updated_at),
            body=dict(d.body),
        )


class WebhookPage(PageView[WebhookView], frozen=True):
    items: list[WebhookView]


class DeliveryPage(PageView[DeliveryView], frozen=True):
    items: list[DeliveryView]
