"""PostgreSQL bookings and their history.

A booking, its history entry, and the outbox event and audit entry recorded for the change
(held by the unit of work until this write: ``outbox.py``, ``audit.py``) are written by one
statement (a data-modifying CTE), so creating or changing a booking is one round trip.
Creating one also queues on the artist's calendar (a transaction-scoped advisory lock) in
that same statement, before the row is inserted, so in an autocommit unit of work a whole
creation is a single statement: its own transaction.

The exclusion constraint ``ex_bookings_artist_blocked`` refuses overlapping
pending-or-confirmed bookings of one artist whatever the concurrency; its violation becomes
``SlotTakenError`` here. ``save`` only updates the version it was given (optimistic check),
so a lost update becomes ``ConcurrentUpdateError``.

What the booking-creation path costs here (``booking_domain/bookings/use_cases/create.py``,
figures in docs/performance.md): without an Idempotency-Key a creation is two statements on
one autocommit connection (the scheduling read, then this insert with its calendar lock) and
a refusal is one, so a storm of refusals never queues. The calendar queue is what keeps
concurrent inserts of overlapping time from waiting on each other's unfinished rows: without
it, a storm of 64 inserts on 10 slots stalled for seconds at a time in PostgreSQL's deadlock
detection.

A booking's columns and back are ``booking_rows.py``'s; the lists' statements (one per shape
of filter) and the read with names are ``booking_lists.py``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from itertools import product
from typing import Any

import psycopg
from psycopg.types.range import Range
from sqlalchemy import (
    BigInteger,
    Integer,
    Text,
    bindparam,
    cast,
    func,
    insert,
    select,
    true,
    update,
)

from adapters.postgres.audit import AUDIT_COLUMNS, PostgresAuditTrail, audit_params
from adapters.postgres.booking_lists import NAMED_BY_ID, list_params, list_statements
from adapters.postgres.booking_rows import (
    booking_of,
    booking_row,
    history_entry_of,
    history_params,
    names_of,
)
from adapters.postgres.database import Connection, OnConnection
from adapters.postgres.errors import translate
from adapters.postgres.outbox import OUTBOX_ROW, PostgresOutbox, outbox_params
from adapters.postgres.sql import (
    Statement,
    constant,
    count_of,
)
from adapters.postgres.tables.audit import audit_log
from adapters.postgres.tables.bookings import booking_history, bookings
from adapters.postgres.tables.catalog import artists
from adapters.postgres.tables.outbox import outbox_events
from booking_domain.bookings import (
    Booking,
    HistoryEntry,
    SlotTakenError,
    booking_subject,
)
from booking_domain.bookings.names import NamedBooking
from booking_domain.bookings.ports import BookingFilter, BookingRepository
from booking_domain.scheduling import ArtistNotBookableError
from booking_domain.shared import (
    ArtistId,
    BookingId,
    ConcurrentUpdateError,
    Interval,
    Page,
    PageRequest,
)
from booking_domain.shared.audit import AuditEntry
from booking_domain.shared.outbox import OutboxEvent

_B = bookings.c
# Literal predicates, written as the exclusion constraint's and the partial index's own WHERE.
_HOLDING = _B.status.in_([constant("pending"), constant("confirmed")])
_PENDING = _B.status == constant("pending")
_HISTORY_COLUMNS = [c.name for c in booking_history.c if c.name != "created_at"]
_UNCHANGING = (
    "id", "reference", "created_at", "booking_link_id", "price", "one_off_design_id",
    "project_id", "touch_up_of",
)  # fmt: skip


def _logged(source: Any, *ctes: Any, audit: bool, publish: bool) -> Any:
    """After the booking's own write (``source``): its history row beside its id, then (when
    the unit of work holds them) the change's audit entry and outbox event, in the same
    statement, so they are one write, even in autocommit. Nothing is logged when ``source``
    wrote no row; the statement's row count is the history's."""
    values = [
        bindparam(f"ev_{name}", type_=booking_history.c[name].type)
        for name in _HISTORY_COLUMNS
        if name != "booking_id"
    ]
    history = (
        insert(booking_history)
        .from_select(_HISTORY_COLUMNS, select(source.c.id, *values))
        .returning(booking_history.c.booking_id)
    )
    if not (audit or publish):
        return history.add_cte(*ctes, source)
    logged = history.cte("logged")
    writes = [make(logged) for wanted, make in ((audit, _audited), (publish, _published)) if wanted]
    *first, last = writes
    return last.add_cte(*ctes, source, logged, *(w.cte("audited") for w in first))


def _audited(logged: Any) -> Any:
    """The change's audit entry, written once the history row is."""
    row = select(*(bindparam(f"au_{n}", type_=audit_log.c[n].type) for n in AUDIT_COLUMNS))
    return insert(audit_log).from_select(list(AUDIT_COLUMNS), row.select_from(logged))


def _published(logged: Any) -> Any:
    """The change's outbox event, written once the history row is."""
    row = select(*(bindparam(f"ob_{n}", type_=outbox_events.c[n].type) for n in OUTBOX_ROW))
    return insert(outbox_events).from_select(list(OUTBOX_ROW), row.select_from(logged))


def _column_value(name: str) -> Any:
    """The bound value of a bookings column; ``blocked`` is built from its two ends in SQL
    (cheaper than adapting a range object per write)."""
    if name == "blocked":
        ends = (bindparam(f"blocked_{end}", type_=_B.starts_at.type) for end in ("start", "end"))
        return func.tstzrange(*ends, constant("[)"), type_=_B.blocked.type)
    return bindparam(name, type_=_B[name].type)


def _build_add(*, audit: bool, publish: bool) -> Any:
    # The lock is the FROM of the inserted row, so it is held before the row is written; as
    # a transaction-scoped lock it lasts until the statement's (or the caller's)
    # transaction ends.
    calendar = select(
        cast(func.pg_advisory_xact_lock(bindparam("calendar_key", type_=BigInteger)), Text).label(
            "queued"
        )
    ).cte("calendar")
    # Then, under the calendar lock, the artist is still bookable: read FOR SHARE, so a
    # suspension committed while this statement waited for the lock is seen (PostgreSQL
    # re-reads a row changed since the statement's snapshot) and nothing is written. LATERAL
    # on the lock keeps the order lock-then-row, the order a suspension takes them in.
    bookable = (
        select(artists.c.id)
        .where(
            artists.c.id == bindparam("artist_id", type_=_B.artist_id.type),
            artists.c.status == constant("approved"),
            ~artists.c.suspended,
            calendar.c.queued.is_not(None),
        )
        .with_for_update(read=True)
        .lateral("bookable")
    )
    names = [c.name for c in _B]
    row = select(*(_column_value(name) for name in names)).select_from(
        calendar.join(bookable, true())
    )
    written = insert(bookings).from_select(names, row).returning(_B.id).cte("written")
    return _logged(written, calendar, audit=audit, publish=publish)


def _build_save(*, audit: bool, publish: bool) -> Any:
    changed = (
        update(bookings)
        .where(_B.id == bindparam("id"), _B.version == bindparam("expected", type_=Integer))
        .values({c.name: _column_value(c.name) for c in _B if c.name not in _UNCHANGING})
        .returning(_B.id)
        .cte("changed")
    )
    return _logged(changed, audit=audit, publish=publish)


def _variants(build: Callable[..., Any]) -> dict[tuple[bool, bool], Statement]:
    """One statement for each of what the unit of work may hold for the change, by
    ``(audit entry, outbox event)``: both, as the use cases record them; neither, for a
    caller that recorded nothing. Each is compiled on first use."""
    return {
        (a, p): Statement(partial(build, audit=a, publish=p))
        for a, p in product((True, False), repeat=2)
    }


_ADD = _variants(_build_add)
_SAVE = _variants(_build_save)
_HOLD_CALENDAR = Statement(
    lambda: select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger)))
)
_GET = Statement(lambda: select(bookings).where(_B.id == bindparam("id")))
_GET_FOR_UPDATE = Statement(
    lambda: select(bookings).where(_B.id == bindparam("id")).with_for_update()
)
_BY_REFERENCE = Statement(  # the unique index on bookings.reference serves it
    lambda: select(bookings).where(_B.reference == bindparam("reference"))
)
_HOLDING_SPAN = Statement(
    lambda: (
        select(bookings)
        .where(
            _B.artist_id == bindparam("artist_id"),
            _HOLDING,
            _B.blocked.op("&&")(bindparam("span", type_=_B.blocked.type)),
        )
        .order_by(_B.blocked, _B.id)
    )
)
_EXPIRED_HOLDS = Statement(
    lambda: (
        select(bookings)
        .where(_PENDING, _B.hold_expires_at <= bindparam("now"))
        .order_by(_B.hold_expires_at, _B.id)
        .limit(bindparam("limit"))
        .with_for_update(skip_locked=True)
    )
)
_TOUCH_UP = Statement(  # the partial unique index uq_bookings_touch_up_of serves it
    lambda: select(bookings).where(
        _B.touch_up_of == bindparam("original_id"), _B.status != constant("cancelled")
    )
)
_HISTORY = Statement(
    lambda: (
        select(booking_history)
        .where(booking_history.c.booking_id == bindparam("booking_id"))
        .order_by(booking_history.c.version)
    )
)


def _logged_params(
    e: HistoryEntry, audited: AuditEntry | None, published: OutboxEvent | None
) -> dict[str, Any]:
    params = history_params(e)
    if audited is not None:
        params |= {f"au_{name}": value for name, value in audit_params(audited).items()}
    if published is not None:
        params |= {f"ob_{name}": value for name, value in outbox_params(published).items()}
    return params


def calendar_lock_key(artist_id: ArtistId) -> int:
    """A signed 64-bit advisory-lock key from all 128 bits of the id (UUIDv7's leading bits
    are a timestamp, so artists made in the same millisecond would share a prefix)."""
    raw = artist_id.bytes
    folded = bytes(a ^ b for a, b in zip(raw[:8], raw[8:], strict=True))
    return int.from_bytes(folded, "big", signed=True)


class PostgresBookingRepository(OnConnection, BookingRepository):
    def __init__(
        self, connection: Connection, outbox: PostgresOutbox, audit: PostgresAuditTrail
    ) -> None:
        super().__init__(connection)
        self._outbox = outbox
        self._audit = audit

    async def hold_calendar(self, artist_id: ArtistId) -> None:
        # Transaction-scoped: released by COMMIT or ROLLBACK, never leaked to the pool.
        await self._conn.execute(_HOLD_CALENDAR.text, {"key": calendar_lock_key(artist_id)})

    async def _write(self, sql: str, params: dict[str, Any]) -> int:
        try:
            cursor = await self._conn.execute(sql, params)
        except psycopg.Error as exc:
            raise (translate(exc) or exc) from exc
        return cursor.rowcount

    async def add(self, booking: Booking, entry: HistoryEntry) -> None:
        audited, published = await self._carried(booking)
        try:
            params = booking_row(booking) | _logged_params(entry, audited, published)
            params["calendar_key"] = calendar_lock_key(booking.artist_id)
            statement = _ADD[audited is not None, published is not None]
            if await self._write(statement.text, params) == 0:
                # Suspended (or no longer approved) while this creation waited its turn.
                raise ArtistNotBookableError()
        except ConcurrentUpdateError as exc:
            # Two inserts of overlapping time that each wait on the other's unfinished row
            # (the exclusion check waits for in-progress rivals) are aborted by PostgreSQL;
            # the use cases queue writers per artist to avoid it, but for any other caller
            # the time was contested: it is taken.
            raise SlotTakenError() from exc

    async def get(self, booking_id: BookingId, *, for_update: bool = False) -> Booking | None:
        sql = _GET_FOR_UPDATE.text if for_update else _GET.text
        row = await (await self._conn.execute(sql, {"id": booking_id})).fetchone()
        return booking_of(row) if row is not None else None

    async def get_by_reference(self, reference: str) -> Booking | None:
        cursor = await self._conn.execute(_BY_REFERENCE.text, {"reference": reference})
        row = await cursor.fetchone()
        return booking_of(row) if row is not None else None

    async def save(self, booking: Booking, entry: HistoryEntry) -> None:
        audited, published = await self._carried(booking)
        params = booking_row(booking) | _logged_params(entry, audited, published)
        params["expected"] = entry.version - 1
        statement = _SAVE[audited is not None, published is not None]
        if await self._write(statement.text, params) == 0:
            raise ConcurrentUpdateError()

    async def _carried(self, booking: Booking) -> tuple[AuditEntry | None, OutboxEvent | None]:
        """What the unit of work holds for this booking's change, for the change's own
        statement (a refused statement drops it)."""
        subject = booking_subject(booking.id)
        return await self._audit.carried(subject), await self._outbox.carried(subject)

    async def holding(self, artist_id: ArtistId, span: Interval) -> tuple[Booking, ...]:
        params = {"artist_id": artist_id, "span": Range(span.start, span.end, "[)")}
        rows = await (await self._conn.execute(_HOLDING_SPAN.text, params)).fetchall()
        return tuple(booking_of(r) for r in rows)

    async def expired_holds(self, now: datetime, *, limit: int) -> tuple[Booking, ...]:
        cursor = await self._conn.execute(_EXPIRED_HOLDS.text, {"now": now, "limit": limit})
        return tuple(booking_of(r) for r in await cursor.fetchall())

    async def touch_up_of(self, original_id: BookingId) -> Booking | None:
        cursor = await self._conn.execute(_TOUCH_UP.text, {"original_id": original_id})
        row = await cursor.fetchone()
        return None if row is None else booking_of(row)

    async def history(self, booking_id: BookingId) -> tuple[HistoryEntry, ...]:
        cursor = await self._conn.execute(_HISTORY.text, {"booking_id": booking_id})
        return tuple(history_entry_of(r) for r in await cursor.fetchall())

    async def list(self, where: BookingFilter, page: PageRequest) -> Page[Booking]:
        count_sql, page_sql = list_statements(where)
        params = list_params(where, page)
        (total_row,) = await self._rows_planned_for(count_sql, params)
        rows = await self._rows_planned_for(page_sql, params)
        return Page.counted(tuple(booking_of(r) for r in rows), count_of(total_row), page)

    async def list_named(self, where: BookingFilter, page: PageRequest) -> Page[NamedBooking]:
        count_sql, page_sql = list_statements(where, named=True)
        params = list_params(where, page)
        (total_row,) = await self._rows_planned_for(count_sql, params)
        rows = await self._rows_planned_for(page_sql, params)
        named = tuple(NamedBooking(booking_of(r), names_of(r)) for r in rows)
        return Page.counted(named, count_of(total_row), page)

    async def list_named_upto(self, where: BookingFilter, limit: int) -> tuple[NamedBooking, ...]:
        _, page_sql = list_statements(where, named=True)  # its first page, ``limit`` long
        params = {**list_params(where, PageRequest()), "limit": limit, "offset": 0}
        rows = await self._rows_planned_for(page_sql, params, binary=True)
        return tuple(NamedBooking(booking_of(r), names_of(r)) for r in rows)

    async def get_named(self, booking_id: BookingId) -> NamedBooking | None:
        row = await (await self._conn.execute(NAMED_BY_ID.text, {"id": booking_id})).fetchone()
        return None if row is None else NamedBooking(booking_of(row), names_of(row))
