"""The audit trail: who did what to which subject, when, and in which request.

Rules (docs/admin.md, Audit):
- Every admin act, every booking state change and every payment event leaves one entry,
  written in the same unit of work as the act (gone with its rollback, never without it).
- Entries are never changed or removed: the stores refuse it (PostgreSQL by a trigger).
- ``actor_id``/``actor_role`` are None when the system acted (a hold expiring, a job, the
  provider's callback); ``request_id`` names the HTTP request (or job) that did it, when
  there was one: it is read from :data:`REQUEST_ID`, which the entrypoints set.
- ``before``/``after`` summarise the subject around the act (a status, a flag): enough to
  read the trail, never a secret (no tokens, no passwords, no callback secrets).
- An entry's id is a UUIDv7 of its moment: entries are listed newest first by id, and a
  page's cursor is the last id it listed.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID

from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.outbox import JsonValue
from booking_domain.shared.ports import UnitOfWork, UnitOfWorkFactory
from booking_domain.shared.time import require_aware

# The request (or job) being served: set by the entrypoints, read when an entry is made.
REQUEST_ID: ContextVar[str | None] = ContextVar("inkslot_request_id", default=None)
MAX_REQUEST_ID = 64
MAX_AUDIT_PAGE = 100

Summary = Mapping[str, JsonValue]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: UUID
    at: datetime
    actor_id: UserId | None
    actor_role: Role | None
    action: str  # <subject kind>.<what was done>: booking.confirmed, account.locked ...
    target: str  # <kind>/<id>: booking/0193..., user/0193...
    before: Summary | None
    after: Summary | None
    request_id: str | None

    def __post_init__(self) -> None:
        require_aware(self.at, "at")
        if "." not in self.action or "/" not in self.target:
            raise ValueError("action is '<kind>.<act>' and target '<kind>/<id>'")


def audit_entry(
    action: str,
    target: str,
    at: datetime,
    *,
    actor: Actor | None = None,
    actor_id: UserId | None = None,
    actor_role: Role | None = None,
    before: Summary | None = None,
    after: Summary | None = None,
) -> AuditEntry:
    """An entry made now, in the current request: by ``actor`` (or the ``actor_id`` and
    ``actor_role`` a domain event kept), or by the system when neither is given."""
    if actor is not None:
        actor_id, actor_role = actor.user_id, actor.role
    request_id = REQUEST_ID.get()
    return AuditEntry(
        id=new_uuid7(int(require_aware(at, "at").timestamp() * 1000)),
        at=at,
        actor_id=actor_id,
        actor_role=actor_role,
        action=action,
        target=target,
        before=before,
        after=after,
        request_id=None if request_id is None else request_id[:MAX_REQUEST_ID],
    )


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """``[at_from, at_before)`` bounds the moment; ``action`` is exact (``booking.cancelled``)
    or a kind followed by a dot (``booking.``: every booking act)."""

    actor_id: UserId | None = None
    action: str | None = None
    target: str | None = None
    request_id: str | None = None
    at_from: datetime | None = None
    at_before: datetime | None = None

    def __post_init__(self) -> None:
        for name, moment in (("from", self.at_from), ("to", self.at_before)):
            if moment is not None:
                require_aware(moment, name)
        if self.at_from and self.at_before and self.at_from >= self.at_before:
            raise InvalidInputError(errors=(FieldError("to", "Use a moment after 'from'."),))

    def matches(self, entry: AuditEntry) -> bool:
        """The rule both stores follow."""
        action = self.action
        return (
            (self.actor_id is None or entry.actor_id == self.actor_id)
            and (
                action is None
                or entry.action == action
                or (action.endswith(".") and entry.action.startswith(action))
            )
            and (self.target is None or entry.target == self.target)
            and (self.request_id is None or entry.request_id == self.request_id)
            and (self.at_from is None or entry.at >= self.at_from)
            and (self.at_before is None or entry.at < self.at_before)
        )


@dataclass(frozen=True, slots=True)
class AuditPage:
    """Newest first; ``next_before`` asks for the following (older) page, None at the end."""

    items: tuple[AuditEntry, ...]
    next_before: UUID | None


class AuditTrail(Protocol):
    async def record(self, entry: AuditEntry) -> None:
        """Append in this unit of work, as the outbox records (``Outbox.record``): written
        with the change it describes or at ``commit()``, never without the change."""
        ...

    async def list(self, where: AuditFilter, *, before: UUID | None, limit: int) -> AuditPage:
        """Up to ``limit`` entries matching ``where`` with ids below ``before``, newest
        first."""
        ...


class HasAudit(Protocol):
    @property
    def audit(self) -> AuditTrail: ...


class AuditUnitOfWork(UnitOfWork, HasAudit, Protocol):
    """What reading the trail opens (writers reach it through their own context's unit of
    work, which has it too)."""


AuditUnitOfWorkFactory = UnitOfWorkFactory[AuditUnitOfWork]
