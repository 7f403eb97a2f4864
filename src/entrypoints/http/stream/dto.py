"""The event envelope as it goes over the wire (docs/events.md), and what the relay puts on
this process's channels."""

from __future__ import annotations

import msgspec

from booking_domain.shared import FeedItem, OutboxEvent


class Published(msgspec.Struct, frozen=True):
    """One event on a channel: its feed cursor, its type and its wire form."""

    cursor: str
    type: str
    body: str  # the envelope as JSON text, encoded once for every listener

    @classmethod
    def of(cls, item: FeedItem) -> Published:
        return cls(item.cursor, item.event.type, wire_json(item.event))


def wire_json(event: OutboxEvent) -> str:
    """The envelope (``OutboxEvent.envelope``: the same JSON webhooks carry)."""
    return msgspec.json.encode(event.envelope()).decode()
