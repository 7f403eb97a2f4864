"""The audit trail in PostgreSQL (``tables/audit.py``), and a keyset list newest first by id.

Recorded entries are held by the unit of work, as the outbox's events are (``outbox.py``),
then written with the change they describe, in its own statement (a booking's write carries
its entry: ``bookings.py``), or all together when the unit commits.

The moment bounds of a filter are also written as bounds on the id (a UUIDv7 begins with its
millisecond), so every filter reads one index range in id order; the exact moment is then
checked on the few rows of the edge milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any
from uuid import UUID

from psycopg.types.json import Jsonb
from sqlalchemy import bindparam, insert

from adapters.postgres.database import Connection, OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.audit import audit_log
from booking_domain.shared.audit import AuditEntry, AuditFilter, AuditPage, AuditTrail
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import UserId

AUDIT_COLUMNS = tuple(c.name for c in audit_log.c)
_RECORD = Statement(
    lambda: insert(audit_log).values(
        {name: bindparam(name, type_=audit_log.c[name].type) for name in AUDIT_COLUMNS}
    )
)


def audit_params(entry: AuditEntry) -> dict[str, Any]:
    """The bound values of an entry's row (shared with the bookings repository's insert)."""
    return {
        "id": entry.id,
        "at": entry.at,
        "actor_id": entry.actor_id,
        "actor_role": None if entry.actor_role is None else entry.actor_role.value,
        "action": entry.action,
        "target": entry.target,
        "before": None if entry.before is None else Jsonb(entry.before),
        "after": None if entry.after is None else Jsonb(entry.after),
        "request_id": entry.request_id,
    }


def _first_id_of(moment: datetime) -> UUID:
    """The smallest UUIDv7 of the moment's millisecond."""
    return UUID(int=int(moment.timestamp() * 1000) << 80)


def _where(where: AuditFilter, before: UUID | None) -> tuple[str, dict[str, Any]]:
    conditions = ["true"]
    params: dict[str, Any] = {}
    if before is not None:
        conditions.append("id < %(before)s")
        params["before"] = before
    if where.actor_id is not None:
        conditions.append("actor_id = %(actor_id)s")
        params["actor_id"] = where.actor_id
    if where.action is not None and where.action.endswith("."):
        # A kind: the range of actions that begin with it (the column sorts bytewise; '/'
        # is the byte after '.').
        conditions.append("action >= %(action)s AND action < %(action_end)s")
        params |= {"action": where.action, "action_end": where.action[:-1] + "/"}
    elif where.action is not None:
        conditions.append("action = %(action)s")
        params["action"] = where.action
    if where.target is not None:
        conditions.append("target = %(target)s")
        params["target"] = where.target
    if where.request_id is not None:
        conditions.append("request_id = %(request_id)s")
        params["request_id"] = where.request_id
    if where.at_from is not None:
        conditions.append("id >= %(id_from)s AND at >= %(at_from)s")
        params |= {"id_from": _first_id_of(where.at_from), "at_from": where.at_from}
    if where.at_before is not None:
        # Entries of the bound's own millisecond may be before it: the id bound is the next
        # millisecond's first id, the moment is checked exactly.
        last_ms = UUID(int=_first_id_of(where.at_before).int + (1 << 80))
        conditions.append("id < %(id_before)s AND at < %(at_before)s")
        params |= {"id_before": last_ms, "at_before": where.at_before}
    return " AND ".join(conditions), params


def _entry(row: Mapping[str, Any]) -> AuditEntry:
    role = row["actor_role"]
    actor = row["actor_id"]
    return AuditEntry(
        id=row["id"], at=row["at"], actor_id=None if actor is None else UserId(actor),
        actor_role=None if role is None else Role(role), action=row["action"],
        target=row["target"], before=row["before"], after=row["after"],
        request_id=row["request_id"],
    )  # fmt: skip


class PostgresAuditTrail(OnConnection, AuditTrail):
    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        self._held: list[AuditEntry] = []

    async def record(self, entry: AuditEntry) -> None:
        self._held.append(entry)

    async def carried(self, target: str, action: str, at: datetime) -> AuditEntry | None:
        """The held entry of the change ``action`` of ``target`` at ``at``, for the statement
        that writes the change (None when none is held); entries held before it are written
        first."""
        for place, entry in enumerate(self._held):
            if (entry.target, entry.action, entry.at) == (target, action, at):
                earlier, self._held = self._held[:place], self._held[place + 1 :]
                await self._write_rows(_RECORD.text, [audit_params(e) for e in earlier])
                return entry
        return None

    async def write_held(self) -> None:
        held, self._held = self._held, []
        await self._write_rows(_RECORD.text, [audit_params(e) for e in held])

    def drop_held(self) -> None:
        self._held = []

    async def list(self, where: AuditFilter, *, before: UUID | None, limit: int) -> AuditPage:
        condition, params = _where(where, before)
        sql = (
            f"SELECT * FROM audit_log WHERE {condition}"  # noqa: S608 (constant fragments)
            " ORDER BY id DESC LIMIT %(limit)s"
        )
        rows = await self._rows_planned_for(sql, params | {"limit": limit + 1})
        items = tuple(_entry(r) for r in rows[:limit])
        return AuditPage(items, items[-1].id if len(rows) > limit else None)
