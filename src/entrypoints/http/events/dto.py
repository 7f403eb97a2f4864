"""The event envelope as it goes over the wire (docs/events.md), and what the relay puts on
this process's channels."""

from __future__ import annotations

from datetime import UTC
from typing import Any

import msgspec

from booking_domain.shared import FeedItem, OutboxEvent
from entrypoints.http.wire import View


class EventView(View, frozen=True):
    id: str
    type: str
    occurred_at: str
    subject: str
    sequence: int
    data: dict[str, Any]

    @classmethod
    def of(cls, event: OutboxEvent) -> EventView:
        occurred = event.occurred_at.astimezone(UTC).isoformat().replace("+00:00", "Z")
        return cls(
            id=str(event.id), type=event.type, occurred_at=occurred, subject=event.subject,
            sequence=event.sequence, data=dict(event.data),
        )  # fmt: skip


class Published(msgspec.Struct, frozen=True):
    """One event on a channel: its feed cursor, its audience and its wire form."""

    cursor: str
    type: str
    body: str  # the EventView as JSON text, encoded once for every listener

    @classmethod
    def of(cls, item: FeedItem) -> Published:
        return cls(item.cursor, item.event.type, wire_json(item.event))


def wire_json(event: OutboxEvent) -> str:
    return msgspec.json.encode(EventView.of(event)).decode()
