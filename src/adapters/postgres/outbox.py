"""The outbox in PostgreSQL: recording events with a change, and the feed that reads them.

Recorded events are held by the unit of work, then written with the change they describe,
in its own statement (a booking's write carries its event: ``bookings.py``), or all together
when the unit commits. So a change that is one statement stays one (a booking created
without an Idempotency-Key is a single autocommit write), and a unit that records several
events writes them in one round trip. Nothing NOTIFYs: readers poll (``outbox_relay.py``
says why).

The feed's order is ``(xid, position)``: the writing transaction's id, then the insert
order. It reads only rows whose transaction id is below ``pg_snapshot_xmin`` of its own
snapshot: every transaction below that horizon has ended, so no row can still appear there,
and a cursor handed out is never overtaken by a later commit. A row committed above the
horizon waits until the transactions older than it end (milliseconds for the API's short
transactions). Events of one subject follow the subject's row lock, which every change
takes before it writes, so their transaction ids (assigned at that first lock or write)
follow their sequence.

Cursors are ``<xid>-<position>``, both zero-padded to 20 digits, so they sort as strings in
feed order.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from typing import Any

from psycopg.types.json import Jsonb
from sqlalchemy import ARRAY, Text, any_, bindparam, delete, exists, func, insert, or_, select

from adapters.postgres.database import Connection, Database, OnConnection
from adapters.postgres.errors import translate
from adapters.postgres.held import HeldRecords
from adapters.postgres.sql import Statement, constant, count_of
from adapters.postgres.tables.outbox import outbox_events
from adapters.postgres.tuned.outbox import FEED_READ, FEED_READ_TYPES, FEED_SCAN, FEED_TAIL
from booking_domain.shared import (
    SINGLE_EVENT_KINDS,
    EventId,
    FeedItem,
    FeedScan,
    InvalidCursorError,
    Outbox,
    OutboxEvent,
    OutboxFeed,
    UserId,
)

_O = outbox_events.c
OUTBOX_ROW = ("id", "type", "occurred_at", "subject", "sequence", "data", "audience")

_RECORD = Statement(
    lambda: insert(outbox_events).values(
        {name: bindparam(name, type_=_O[name].type) for name in OUTBOX_ROW}
    )
)
_NEXT_SEQUENCE = Statement(
    lambda: select(func.coalesce(func.max(_O.sequence), constant(0)).label("last")).where(
        _O.subject == bindparam("subject")
    )
)


def _forget_old() -> Any:
    """Events older than ``moment``, oldest first, at most ``limit``; each subject's newest
    event is kept whatever its age (it carries the subject's last sequence, from which the
    next event of a subject without a version of its own is numbered), but subjects of
    ``single`` kinds never number another, so their one event goes too
    (``ix_outbox_events_created_at`` serves the walk)."""
    old, newer = outbox_events.alias("old"), outbox_events.alias("newer")
    kind = func.split_part(old.c.subject, constant("/"), constant(1))
    superseded = exists().where(newer.c.subject == old.c.subject, newer.c.sequence > old.c.sequence)
    due = (
        select(old.c.position)
        .where(
            old.c.created_at < bindparam("moment", type_=old.c.created_at.type),
            or_(kind == any_(bindparam("single", type_=ARRAY(Text))), superseded),
        )
        .order_by(old.c.created_at)
        .limit(bindparam("limit"))
    )
    return delete(outbox_events).where(_O.position.in_(due.scalar_subquery()))


_FORGET_OLD = Statement(_forget_old)

_WIDTH = 20
_MAX = 10**_WIDTH - 1


def outbox_params(event: OutboxEvent) -> dict[str, Any]:
    """The bound values of an event's row (shared with the bookings repository's insert)."""
    return {
        "id": event.id,
        "type": event.type,
        "occurred_at": event.occurred_at,
        "subject": event.subject,
        "sequence": event.sequence,
        "data": Jsonb(event.data),
        "audience": list(event.audience),
    }


class PostgresOutbox(OnConnection, Outbox):
    def __init__(self, connection: Connection) -> None:
        super().__init__(connection)
        self._held = HeldRecords(self._write)

    async def record(self, event: OutboxEvent) -> None:
        self._held.hold(event)

    async def next_sequence(self, subject: str) -> int:
        row = await (await self._conn.execute(_NEXT_SEQUENCE.text, {"subject": subject})).fetchone()
        held = (e.sequence for e in self._held.held() if e.subject == subject)
        return max((count_of(row, "last"), *held)) + 1

    async def carried(self, subject: str) -> OutboxEvent | None:
        """The held event of ``subject``'s change, for the statement that writes the change
        (``HeldRecords.carried``)."""
        return await self._held.carried(lambda e: e.subject == subject)

    async def write_held(self) -> None:
        await self._held.write_all()

    def drop_held(self) -> None:
        self._held.drop()

    async def _write(self, events: Sequence[OutboxEvent]) -> None:
        await self._write_rows(_RECORD.text, [outbox_params(e) for e in events])


def make_cursor(xid: int, position: int) -> str:
    return f"{xid:0{_WIDTH}d}-{position:0{_WIDTH}d}"


def parse_cursor(cursor: str) -> tuple[int, int]:
    xid, sep, position = cursor.partition("-")
    if not (sep and len(xid) == len(position) == _WIDTH and xid.isdigit() and position.isdigit()):
        raise InvalidCursorError()
    if not xid.isascii() or not position.isascii():
        raise InvalidCursorError()
    return int(xid), int(position)


def _event(row: Mapping[str, Any]) -> OutboxEvent:
    data = row["data"]
    return OutboxEvent(
        id=EventId(row["id"]),
        type=row["type"],
        occurred_at=row["occurred_at"],
        subject=row["subject"],
        sequence=row["sequence"],
        data=json.loads(data) if isinstance(data, str) else data,
        audience=tuple(UserId(u) for u in row["audience"]),
    )


class PostgresOutboxFeed(OutboxFeed):
    """Reads on pooled connections in autocommit: each query its own snapshot."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def read(
        self,
        after: str | None,
        *,
        limit: int,
        for_user: UserId | None = None,
        types: frozenset[str] | None = None,
    ) -> Sequence[FeedItem]:
        xid, position = (0, 0) if after is None else parse_cursor(after)
        params = {"xid": str(xid), "position": position, "limit": limit, "user_id": for_user}
        if types is None:
            rows = await self._fetch(FEED_READ, params)
        elif for_user is None:
            rows = await self._fetch(FEED_READ_TYPES, params | {"types": sorted(types)})
        else:
            raise ValueError("a feed read names an audience or types, not both")
        return [FeedItem(make_cursor(int(r["xid_text"]), r["position"]), _event(r)) for r in rows]

    async def scan(self, after: str | None, *, types: Collection[str], limit: int) -> FeedScan:
        xid, position = (0, 0) if after is None else parse_cursor(after)
        params = {"xid": str(xid), "position": position, "limit": limit, "types": sorted(types)}
        rows = await self._fetch(FEED_SCAN, params)
        if not rows:
            return FeedScan([], None, 0)
        items = [
            FeedItem(make_cursor(int(r["xid_text"]), r["position"]), _event(r))
            for r in rows
            if r["wanted"]
        ]
        last = rows[-1]
        return FeedScan(items, make_cursor(int(last["xid_text"]), last["position"]), last["looked"])

    async def tail(self) -> str | None:
        rows = await self._fetch(FEED_TAIL, {})
        return make_cursor(int(rows[0]["xid_text"]), rows[0]["position"]) if rows else None

    async def forget_before(self, moment: datetime, *, limit: int) -> int:
        try:
            async with self._database.statement_connection() as conn:
                params = {"moment": moment, "limit": limit, "single": sorted(SINGLE_EVENT_KINDS)}
                cursor = await conn.execute(_FORGET_OLD.text, params)
                return cursor.rowcount
        except Exception as exc:
            raise (translate(exc) or exc) from exc

    async def _fetch(self, query: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        try:
            async with self._database.statement_connection() as conn:
                return await _rows(conn, query, params)
        except Exception as exc:
            raise (translate(exc) or exc) from exc


async def _rows(conn: Connection, query: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
    cursor = await conn.execute(query, params)
    return list(await cursor.fetchall())
