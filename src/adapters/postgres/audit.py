"""The audit trail in PostgreSQL (``tables/audit.py``), and a keyset list newest first by id.

Recorded entries are held by the unit of work, as the outbox's events are (``outbox.py``),
then written with the change they describe, in its own statement (a booking's write carries
its entry: ``bookings.py``), or all together when the unit commits.

The moment bounds of a filter are also written as bounds on the id (a UUIDv7 begins with its
millisecond), so every filter reads one index range in id order; the exact moment is then
checked on the few rows of the edge milliseconds.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any
from uuid import UUID

from psycopg.types.json import Jsonb
from sqlalchemy import bindparam, insert, select

from adapters.postgres.database import Connection, OnConnection
from adapters.postgres.held import HeldRecords
from adapters.postgres.sql import Statement, compile_sql
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


def _list_params(where: AuditFilter, before: UUID | None, limit: int) -> dict[str, Any]:
    """The bound values of :func:`_list_statement`'s shape for this filter."""
    params: dict[str, Any] = {"limit": limit + 1, "before": before}
    params |= {"actor_id": where.actor_id, "target": where.target, "request_id": where.request_id}
    if where.action is not None and where.action.endswith("."):
        # A kind: the range of actions that begin with it (the column sorts bytewise; '/'
        # is the byte after '.').
        params |= {"action": where.action, "action_end": where.action[:-1] + "/"}
    else:
        params["action"] = where.action
    if where.at_from is not None:
        params |= {"id_from": _first_id_of(where.at_from), "at_from": where.at_from}
    if where.at_before is not None:
        # Entries of the bound's own millisecond may be before it: the id bound is the next
        # millisecond's first id, the moment is checked exactly.
        last_ms = UUID(int=_first_id_of(where.at_before).int + (1 << 80))
        params |= {"id_before": last_ms, "at_before": where.at_before}
    return params


def _shape(where: AuditFilter, before: UUID | None) -> tuple[bool, ...]:
    kind = where.action is not None and where.action.endswith(".")
    return (
        before is not None, where.actor_id is not None, kind,
        where.action is not None and not kind, where.target is not None,
        where.request_id is not None, where.at_from is not None, where.at_before is not None,
    )  # fmt: skip


@lru_cache(maxsize=256)
def _list_statement(
    before: bool, actor: bool, kind: bool, action: bool, target: bool, request: bool,
    at_from: bool, at_before: bool,
) -> str:  # fmt: skip
    """Newest first, one page (and one row more: is there a next page?), for one shape of
    filter; compiled once per shape."""
    a = audit_log.c
    wanted = [
        (before, [a.id < bindparam("before")]),
        (actor, [a.actor_id == bindparam("actor_id")]),
        (kind, [a.action >= bindparam("action"), a.action < bindparam("action_end")]),
        (action, [a.action == bindparam("action")]),
        (target, [a.target == bindparam("target")]),
        (request, [a.request_id == bindparam("request_id")]),
        (at_from, [a.id >= bindparam("id_from"), a.at >= bindparam("at_from")]),
        (at_before, [a.id < bindparam("id_before"), a.at < bindparam("at_before")]),
    ]
    conditions = [c for present, clauses in wanted if present for c in clauses]
    page = select(audit_log).where(*conditions).order_by(a.id.desc()).limit(bindparam("limit"))
    return compile_sql(page)


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
        self._held = HeldRecords(self._write)

    async def record(self, entry: AuditEntry) -> None:
        self._held.hold(entry)

    async def carried(self, target: str) -> AuditEntry | None:
        """The held entry of ``target``'s change, for the statement that writes the change
        (``HeldRecords.carried``)."""
        return await self._held.carried(lambda e: e.target == target)

    async def write_held(self) -> None:
        await self._held.write_all()

    def drop_held(self) -> None:
        self._held.drop()

    async def _write(self, entries: Sequence[AuditEntry]) -> None:
        await self._write_rows(_RECORD.text, [audit_params(e) for e in entries])

    async def list(self, where: AuditFilter, *, before: UUID | None, limit: int) -> AuditPage:
        sql = _list_statement(*_shape(where, before))
        rows = await self._rows_planned_for(sql, _list_params(where, before, limit))
        items = tuple(_entry(r) for r in rows[:limit])
        return AuditPage(items, items[-1].id if len(rows) > limit else None)
