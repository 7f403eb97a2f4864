"""PostgreSQL payments taken in the studio and the artists' receipt counters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.payments import studio_payments, studio_receipt_counters
from booking_domain.payments.ports import StudioPaymentRepository
from booking_domain.payments.studio import (
    StudioKind,
    StudioMethod,
    StudioPayment,
    StudioPaymentId,
)
from booking_domain.shared.ids import ArtistId, BookingId, UserId
from booking_domain.shared.money import Money

_S = studio_payments
_C = studio_receipt_counters
# The upsert locks the artist's counter row until the unit of work ends: a concurrent one
# waits, then takes the next number; a rollback undoes the increment (no gap).
_NEXT = Statement(
    lambda: (
        pg_insert(_C)
        .values(artist_id=bindparam("artist_id"), last_number=constant(1))
        .on_conflict_do_update(
            index_elements=[_C.c.artist_id], set_={"last_number": _C.c.last_number + constant(1)}
        )
        .returning(_C.c.last_number)
    )
)
_INSERT = Statement(
    lambda: insert(_S).values(
        {c.name: bindparam(c.name) for c in _S.c if c.name not in ("created_at", "updated_at")}
    )
)
_UPDATE = Statement(
    lambda: (
        update(_S)
        .where(_S.c.id == bindparam("id"))
        .values(
            refunded_amount=bindparam("refunded_amount"),
            refunded_at=bindparam("refunded_at"),
            updated_at=bindparam("refunded_at"),
        )
    )
)
_BY_ID = Statement(lambda: select(_S).where(_S.c.id == bindparam("id")))
_LOCK = Statement(lambda: select(_S).where(_S.c.id == bindparam("id")).with_for_update())
_BY_KEY = Statement(
    lambda: select(_S).where(
        _S.c.recorded_by == bindparam("recorded_by"),
        _S.c.idempotency_key == bindparam("key"),
    )
)
_BY_TOKEN = Statement(lambda: select(_S).where(_S.c.receipt_token_hash == bindparam("token_hash")))
_OF_BOOKING = Statement(
    lambda: (
        select(_S).where(_S.c.booking_id == bindparam("booking_id")).order_by(_S.c.receipt_number)
    )
)


class PostgresStudioPaymentRepository(OnConnection, StudioPaymentRepository):
    async def next_receipt_number(self, artist_id: ArtistId) -> int:
        row = await (await self._conn.execute(_NEXT.text, {"artist_id": artist_id})).fetchone()
        assert row is not None  # an upsert with RETURNING always returns its row
        number = row["last_number"]
        assert isinstance(number, int)
        return number

    async def add(self, payment: StudioPayment) -> None:
        await self._conn.execute(_INSERT.text, _params(payment))

    async def get(
        self, payment_id: StudioPaymentId, *, for_update: bool = False
    ) -> StudioPayment | None:
        sql = _LOCK if for_update else _BY_ID
        return await self._one(sql, {"id": payment_id})

    async def by_idempotency_key(self, recorded_by: UserId, key: str) -> StudioPayment | None:
        return await self._one(_BY_KEY, {"recorded_by": recorded_by, "key": key})

    async def by_receipt_token(self, token_hash: str) -> StudioPayment | None:
        return await self._one(_BY_TOKEN, {"token_hash": token_hash})

    async def for_booking(self, booking_id: BookingId) -> Sequence[StudioPayment]:
        cursor = await self._conn.execute(_OF_BOOKING.text, {"booking_id": booking_id})
        return [_payment(row) for row in await cursor.fetchall()]

    async def update(self, payment: StudioPayment) -> None:
        params = {
            "id": payment.id,
            "refunded_amount": payment.refunded.amount,
            "refunded_at": payment.refunded_at,
        }
        await self._conn.execute(_UPDATE.text, params)

    async def _one(self, sql: Statement, params: Mapping[str, object]) -> StudioPayment | None:
        row = await (await self._conn.execute(sql.text, params)).fetchone()
        return None if row is None else _payment(row)


def _params(p: StudioPayment) -> dict[str, object]:
    return {
        "id": p.id,
        "booking_id": p.booking_id,
        "artist_id": p.artist_id,
        "receipt_number": p.receipt_number,
        "method": p.method.value,
        "kind": p.kind.value,
        "amount": p.amount.amount,
        "refunded_amount": p.refunded.amount,
        "currency": p.amount.currency,
        "note": p.note,
        "recorded_by": p.recorded_by,
        "recorded_at": p.recorded_at,
        "refunded_at": p.refunded_at,
        "receipt_token_hash": p.receipt_token_hash,
        "idempotency_key": p.idempotency_key,
    }


def _payment(r: Mapping[str, Any]) -> StudioPayment:
    currency = r["currency"]
    return StudioPayment(
        id=StudioPaymentId(r["id"]),
        booking_id=BookingId(r["booking_id"]),
        artist_id=ArtistId(r["artist_id"]),
        receipt_number=r["receipt_number"],
        method=StudioMethod(r["method"]),
        kind=StudioKind(r["kind"]),
        amount=Money(r["amount"], currency),
        note=r["note"],
        recorded_by=UserId(r["recorded_by"]),
        recorded_at=r["recorded_at"],
        receipt_token_hash=r["receipt_token_hash"],
        refunded=Money(r["refunded_amount"], currency),
        idempotency_key=r["idempotency_key"],
        refunded_at=r["refunded_at"],
    )
