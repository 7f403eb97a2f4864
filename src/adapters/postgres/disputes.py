"""PostgreSQL disputes and their evidence."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from sqlalchemy import BigInteger, bindparam, func, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.media import variants_json, variants_of
from adapters.postgres.sql import (
    Statement,
    capped_count,
    compile_sql,
    constant,
    count_of,
    page_by_keys,
)
from adapters.postgres.tables.disputes import dispute_feed_position, dispute_messages, disputes
from booking_domain.bookings import BookingStatus
from booking_domain.disputes import Dispute, DisputeFilter, DisputeMessage, DisputeStatus, MessageId
from booking_domain.disputes.ports import (
    ChargebackCursor,
    ChargebackPosition,
    DisputeMessageRepository,
    DisputeRepository,
)
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import BookingId, DisputeId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest

_D = disputes.c
_INSERT = Statement(
    lambda: insert(disputes).values({c.name: bindparam(c.name) for c in disputes.c})
)
_UPDATE = Statement(
    lambda: (
        update(disputes)
        .where(_D.id == bindparam("id"))
        .values(
            {
                name: bindparam(name)
                for name in (
                    "status", "resolved_by", "resolved_at", "resolution_note", "refund_amount",
                    "refund_currency", "outcome",
                )
            }
        )
    )
)  # fmt: skip
_BY_ID = Statement(lambda: select(disputes).where(_D.id == bindparam("id")))
_LOCK = Statement(lambda: select(disputes).where(_D.id == bindparam("id")).with_for_update())
_BY_BOOKING = Statement(lambda: select(disputes).where(_D.booking_id == bindparam("booking_id")))
# Newest first through ix_disputes_opened, or ix_disputes_status_opened with a status.
_NEWEST_FIRST = (_D.opened_at.desc(), _D.id.desc())

_M = dispute_messages.c
_M_INSERT = Statement(
    lambda: insert(dispute_messages).values({c.name: bindparam(c.name) for c in dispute_messages.c})
)
_M_OF_DISPUTE = Statement(
    lambda: (
        select(dispute_messages)
        .where(_M.dispute_id == bindparam("dispute_id"))
        .order_by(_M.created_at, _M.id)
    )
)


def _row(d: Dispute) -> dict[str, Any]:
    return {
        "id": d.id, "booking_id": d.booking_id, "opened_by": d.opened_by,
        "opened_by_role": d.opened_by_role.value, "reason": d.reason, "opened_at": d.opened_at,
        "status": d.status.value, "resolved_by": d.resolved_by, "resolved_at": d.resolved_at,
        "resolution_note": d.resolution_note,
        "refund_amount": None if d.refund is None else d.refund.amount,
        "refund_currency": None if d.refund is None else d.refund.currency,
        "outcome": None if d.outcome is None else d.outcome.value,
    }  # fmt: skip


def _dispute(row: Mapping[str, Any]) -> Dispute:
    refund = None
    if row["refund_amount"] is not None:
        refund = Money(row["refund_amount"], row["refund_currency"])
    resolved_by = row["resolved_by"]
    return Dispute(
        id=DisputeId(row["id"]), booking_id=BookingId(row["booking_id"]),
        opened_by=UserId(row["opened_by"]), opened_by_role=Role(row["opened_by_role"]),
        reason=row["reason"], opened_at=row["opened_at"], status=DisputeStatus(row["status"]),
        resolved_by=None if resolved_by is None else UserId(resolved_by),
        resolved_at=row["resolved_at"], resolution_note=row["resolution_note"], refund=refund,
        outcome=None if row["outcome"] is None else BookingStatus(row["outcome"]),
    )  # fmt: skip


def _list_params(where: DisputeFilter) -> dict[str, Any]:
    return {
        "status": None if where.status is None else where.status.value,
        "opened_from": where.opened_from,
        "opened_before": where.opened_before,
    }


@lru_cache(maxsize=8)
def _list_statements(status: bool, opened_from: bool, opened_before: bool) -> tuple[str, str]:
    """Page and count SQL for one shape of filter (compiled once per shape): the page's ids
    first (an index-only scan, however deep the offset), then their rows; the count capped
    at ``PageRequest.count_limit``."""
    wanted = [
        (status, _D.status == bindparam("status")),
        (opened_from, _D.opened_at >= bindparam("opened_from")),
        (opened_before, _D.opened_at < bindparam("opened_before")),
    ]
    conditions = [condition for present, condition in wanted if present]
    page = page_by_keys(disputes, conditions, _NEWEST_FIRST)
    return compile_sql(page), compile_sql(capped_count(disputes, conditions))


class PostgresDisputeRepository(OnConnection, DisputeRepository):
    async def add(self, dispute: Dispute) -> None:
        # A second dispute on the booking violates uq_disputes_booking_id: the unit of work
        # raises DisputeAlreadyExistsError (tables/disputes.py, CONSTRAINT_ERRORS).
        await self._conn.execute(_INSERT.text, _row(dispute))

    async def get(self, dispute_id: DisputeId, *, for_update: bool = False) -> Dispute | None:
        query = _LOCK if for_update else _BY_ID
        return await self._one(query, {"id": dispute_id})

    async def for_booking(self, booking_id: BookingId) -> Dispute | None:
        return await self._one(_BY_BOOKING, {"booking_id": booking_id})

    async def update(self, dispute: Dispute) -> None:
        await self._conn.execute(_UPDATE.text, _row(dispute))

    async def list(self, where: DisputeFilter, page: PageRequest) -> Page[Dispute]:
        page_sql, count_sql = _list_statements(
            where.status is not None, where.opened_from is not None, where.opened_before is not None
        )
        params = _list_params(where)
        page_params = params | {"limit": page.page_size, "offset": page.offset}
        rows = await self._rows_planned_for(page_sql, page_params)
        count_params = params | {"count_limit": page.count_limit}
        (total,) = await self._rows_planned_for(count_sql, count_params)
        return Page.counted(tuple(_dispute(r) for r in rows), count_of(total), page)

    async def _one(self, statement: Statement, params: dict[str, Any]) -> Dispute | None:
        row: Mapping[str, Any] | None = await (
            await self._conn.execute(statement.text, params)
        ).fetchone()
        return None if row is None else _dispute(row)


def _message(row: Mapping[str, Any]) -> DisputeMessage:
    return DisputeMessage(
        id=MessageId(row["id"]), dispute_id=DisputeId(row["dispute_id"]),
        author_id=UserId(row["author_id"]), author_role=Role(row["author_role"]),
        text=row["text"], upload_id=row["upload_id"], images=variants_of(row["images"]),
        created_at=row["created_at"],
    )  # fmt: skip


class PostgresDisputeMessageRepository(OnConnection, DisputeMessageRepository):
    async def add(self, message: DisputeMessage) -> None:
        params = {
            "id": message.id, "dispute_id": message.dispute_id, "author_id": message.author_id,
            "author_role": message.author_role.value, "text": message.text,
            "upload_id": message.upload_id, "images": variants_json(message.images),
            "created_at": message.created_at,
        }  # fmt: skip
        await self._conn.execute(_M_INSERT.text, params)

    async def of_dispute(self, dispute_id: DisputeId) -> tuple[DisputeMessage, ...]:
        found = await self._conn.execute(_M_OF_DISPUTE.text, {"dispute_id": dispute_id})
        return tuple(_message(r) for r in await found.fetchall())


CHARGEBACK_LOCK = 0x696E6B6368617267  # "inkcharg": one chargebacks' follower at a time
_TAKE_TURN = Statement(
    lambda: select(
        func.pg_try_advisory_xact_lock(bindparam("lock", type_=BigInteger)).label("turn")
    )
)
_F = dispute_feed_position.c
_ROW = constant("chargebacks")
_POSITION = Statement(lambda: select(_F.after).where(_F.name == _ROW))
_ADVANCE = Statement(  # forward only; the row is made the first time
    lambda: (
        pg_insert(dispute_feed_position)
        .values(name=_ROW, after=bindparam("after"))
        .on_conflict_do_update(
            index_elements=[_F.name],
            set_={"after": bindparam("after"), "updated_at": func.now()},
            where=or_(_F.after.is_(None), _F.after < bindparam("after")),
        )
    )
)


class PostgresChargebackCursor(OnConnection, ChargebackCursor):
    async def claim(self) -> ChargebackPosition | None:
        params = {"lock": CHARGEBACK_LOCK}
        turn = await (await self._conn.execute(_TAKE_TURN.text, params)).fetchone()
        if turn is None or not turn["turn"]:
            return None
        row = await (await self._conn.execute(_POSITION.text)).fetchone()
        after = None if row is None else row["after"]
        return ChargebackPosition(after if isinstance(after, str) else None)

    async def advance(self, cursor: str) -> None:
        moved = await self._conn.execute(_ADVANCE.text, {"after": cursor})
        if moved.rowcount != 1:
            raise ConflictError("The chargebacks' position would move backwards.")
