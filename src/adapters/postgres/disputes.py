"""PostgreSQL disputes and their evidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from adapters.postgres.database import OnConnection
from adapters.postgres.media import variants_json, variants_of
from adapters.postgres.sql import count_of
from booking_domain.bookings import BookingStatus
from booking_domain.disputes import Dispute, DisputeFilter, DisputeMessage, DisputeStatus, MessageId
from booking_domain.disputes.ports import DisputeMessageRepository, DisputeRepository
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import BookingId, DisputeId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest

_COLUMNS = (
    "id", "booking_id", "opened_by", "opened_by_role", "reason", "opened_at", "status",
    "resolved_by", "resolved_at", "resolution_note", "refund_amount", "refund_currency",
    "outcome",
)  # fmt: skip
_INSERT = (
    f"INSERT INTO disputes ({', '.join(_COLUMNS)})"  # noqa: S608 (constant column names)
    f" VALUES ({', '.join(f'%({c})s' for c in _COLUMNS)})"
)
_UPDATE = """
UPDATE disputes SET status = %(status)s, resolved_by = %(resolved_by)s,
       resolved_at = %(resolved_at)s, resolution_note = %(resolution_note)s,
       refund_amount = %(refund_amount)s, refund_currency = %(refund_currency)s,
       outcome = %(outcome)s
 WHERE id = %(id)s
"""
_BY_ID = "SELECT * FROM disputes WHERE id = %(id)s"
_LOCK = "SELECT * FROM disputes WHERE id = %(id)s FOR UPDATE"
_BY_BOOKING = "SELECT * FROM disputes WHERE booking_id = %(booking_id)s"
# Newest first through ix_disputes_opened, or ix_disputes_status_opened with a status: the
# page's ids first (an index-only scan, however deep the offset), then their rows.
_PAGE = """
SELECT d.* FROM (SELECT id FROM disputes WHERE {where}
                  ORDER BY opened_at DESC, id DESC LIMIT %(limit)s OFFSET %(offset)s) AS page
  JOIN disputes d ON d.id = page.id
 ORDER BY d.opened_at DESC, d.id DESC
"""
_COUNT = (  # capped: PageRequest.count_limit
    "SELECT count(*) AS total FROM (SELECT 1 FROM disputes WHERE {where}"
    " LIMIT %(count_limit)s) AS matches"
)

_M_COLUMNS = (
    "id", "dispute_id", "author_id", "author_role", "text", "upload_id", "images", "created_at"
)  # fmt: skip
_M_INSERT = (
    f"INSERT INTO dispute_messages ({', '.join(_M_COLUMNS)})"  # noqa: S608 (constant names)
    f" VALUES ({', '.join(f'%({c})s' for c in _M_COLUMNS)})"
)
_M_OF_DISPUTE = """
SELECT * FROM dispute_messages WHERE dispute_id = %(dispute_id)s ORDER BY created_at, id
"""


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


def _where(where: DisputeFilter) -> tuple[str, dict[str, Any]]:
    conditions: list[str] = ["true"]
    params: dict[str, Any] = {}
    if where.status is not None:
        conditions.append("status = %(status)s")
        params["status"] = where.status.value
    if where.opened_from is not None:
        conditions.append("opened_at >= %(opened_from)s")
        params["opened_from"] = where.opened_from
    if where.opened_before is not None:
        conditions.append("opened_at < %(opened_before)s")
        params["opened_before"] = where.opened_before
    return " AND ".join(conditions), params


class PostgresDisputeRepository(OnConnection, DisputeRepository):
    async def add(self, dispute: Dispute) -> None:
        # A second dispute on the booking violates uq_disputes_booking_id: the unit of work
        # raises DisputeAlreadyExistsError (adapters/postgres/errors.py).
        await self._conn.execute(_INSERT, _row(dispute))

    async def get(self, dispute_id: DisputeId, *, for_update: bool = False) -> Dispute | None:
        query = _LOCK if for_update else _BY_ID
        return await self._one(query, {"id": dispute_id})

    async def for_booking(self, booking_id: BookingId) -> Dispute | None:
        return await self._one(_BY_BOOKING, {"booking_id": booking_id})

    async def update(self, dispute: Dispute) -> None:
        await self._conn.execute(_UPDATE, _row(dispute))

    async def list(self, where: DisputeFilter, page: PageRequest) -> Page[Dispute]:
        condition, params = _where(where)
        page_params = params | {"limit": page.page_size, "offset": page.offset}
        rows = await self._rows_planned_for(_PAGE.format(where=condition), page_params)
        count_params = params | {"count_limit": page.count_limit}
        (total,) = await self._rows_planned_for(_COUNT.format(where=condition), count_params)
        return Page.counted(tuple(_dispute(r) for r in rows), count_of(total), page)

    async def _one(self, query: str, params: dict[str, Any]) -> Dispute | None:
        row: Mapping[str, Any] | None = await (await self._conn.execute(query, params)).fetchone()
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
        await self._conn.execute(_M_INSERT, params)

    async def of_dispute(self, dispute_id: DisputeId) -> tuple[DisputeMessage, ...]:
        found = await self._conn.execute(_M_OF_DISPUTE, {"dispute_id": dispute_id})
        return tuple(_message(r) for r in await found.fetchall())
