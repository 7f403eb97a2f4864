"""The outbox envelope: what the rest of the world hears about a change (docs/architecture.md,
rule 13).

A use case records an :class:`OutboxEvent` in the same unit of work as the change it
describes, so a rolled-back change leaves no event and a committed one exactly one. What
follows from an event (real-time pushes, webhooks, later notifications) reads it from the
outbox after the commit. The envelope is public and stable: ``docs/events.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import NewType
from uuid import UUID

from booking_domain.shared.ids import UserId
from booking_domain.shared.money import Money
from booking_domain.shared.time import require_aware, utc_text

EventId = NewType("EventId", UUID)

# JSON as the envelope carries it: only these types, so every adapter can store it as is.
JsonValue = str | int | bool | None | list["JsonValue"] | Mapping[str, "JsonValue"]


@dataclass(frozen=True, slots=True)
class OutboxEvent:
    """One change to one subject.

    - ``type``: ``<subject kind>.<what happened>``, e.g. ``booking.confirmed``.
    - ``subject``: ``<kind>/<id>``, e.g. ``booking/0193...``; events of one subject are
      numbered by ``sequence`` 1, 2, 3 ... in the order they happened, without gaps.
    - ``data``: the subject as it is after the change, and what changed (JSON).
    - ``audience``: the users who may see the event besides admins (a booking's customer
      and artist, an artist profile's owner). Never sent to anyone: it decides who hears.
    """

    id: EventId
    type: str
    occurred_at: datetime
    subject: str
    sequence: int
    data: Mapping[str, JsonValue]
    audience: tuple[UserId, ...]

    def __post_init__(self) -> None:
        require_aware(self.occurred_at, "occurred_at")
        if self.sequence < 1:
            raise ValueError("an event's sequence starts at 1")
        if "/" not in self.subject or "." not in self.type:
            raise ValueError("subject is '<kind>/<id>' and type '<kind>.<change>'")

    @property
    def subject_kind(self) -> str:
        return self.subject.split("/", 1)[0]

    def envelope(self) -> dict[str, JsonValue]:
        """The public form (docs/events.md): what streams and webhooks carry, camelCase,
        ``occurredAt`` in UTC with a ``Z``; never the audience."""
        return {
            "id": str(self.id),
            "type": self.type,
            "occurredAt": utc_text(self.occurred_at),
            "subject": self.subject,
            "sequence": self.sequence,
            "data": self.data,
        }

    def visible_to(self, user_id: UserId, *, is_admin: bool) -> bool:
        """Admins see every event; anyone else the events whose audience names them."""
        return is_admin or user_id in self.audience


# Subjects of these kinds have one event each (an in-app notification is filed once): no
# later event is numbered after it, so the outbox need not keep it past its retention.
SINGLE_EVENT_KINDS = frozenset({"notification"})


def subject_of(kind: str, subject_id: UUID) -> str:
    return f"{kind}/{subject_id}"


def money_data(value: Money) -> dict[str, JsonValue]:
    """Money as events and the audit trail write it: minor units and the currency code."""
    return {"amount": value.amount, "currency": value.currency}
