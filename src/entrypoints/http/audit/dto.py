"""What the audit trail's endpoint answers."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from booking_domain.audit import AuditEntry
from entrypoints.http.wire import View, utc


class AuditEntryView(View, frozen=True):
    id: UUID
    at: datetime
    actor_id: UUID | None  # None: the system (a job, the provider's callback, a console)
    actor_role: str | None
    action: str  # <kind>.<act>: booking.cancelled, account.locked, refund.settled ...
    target: str  # <kind>/<id>
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    request_id: str | None  # the X-Request-ID of the request that did it

    @classmethod
    def of(cls, e: AuditEntry) -> AuditEntryView:
        return cls(
            e.id,
            utc(e.at),
            e.actor_id,
            None if e.actor_role is None else e.actor_role.value,
            e.action,
            e.target,
            None if e.before is None else dict(e.before),
            None if e.after is None else dict(e.after),
            e.request_id,
        )


class AuditPageView(View, frozen=True):
    items: list[AuditEntryView]
    next: UUID | None  # pass as `before` for the next (older) page; None: this is the last
