"""PostgreSQL idempotency keys: one row per (user, key), claimed by one statement."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import psycopg
from sqlalchemy import bindparam, delete, select, tuple_
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.errors import translate
from adapters.postgres.sql import Statement
from adapters.postgres.tables.bookings import idempotency_keys
from booking_domain.bookings.ports import IdempotencyRecord, IdempotencyRepository
from booking_domain.shared import BookingId, UserId

Row = Mapping[str, Any]

_K = idempotency_keys.c
_GET_KEY = Statement(
    lambda: select(idempotency_keys).where(
        _K.user_id == bindparam("user_id"),
        _K.key == bindparam("key"),
        _K.expires_at > bindparam("now"),
    )
)


def _build_claim() -> Any:
    statement = pg_insert(idempotency_keys).values(
        {c.name: bindparam(c.name) for c in idempotency_keys.c}
    )
    # An expired record gives its key up; a live one keeps it (no row is returned).
    return statement.on_conflict_do_update(
        index_elements=[_K.user_id, _K.key],
        set_={
            name: statement.excluded[name]
            for name in ("fingerprint", "booking_id", "expires_at", "created_at")
        },
        where=_K.expires_at <= bindparam("now"),
    ).returning(_K.user_id)


_CLAIM = Statement(_build_claim)
# Oldest first, a bounded batch (the index on expires_at finds them).
_PURGE = Statement(
    lambda: delete(idempotency_keys).where(
        tuple_(_K.user_id, _K.key).in_(
            select(_K.user_id, _K.key)
            .where(_K.expires_at <= bindparam("now"))
            .order_by(_K.expires_at)
            .limit(bindparam("limit"))
            .with_for_update(skip_locked=True)
        )
    )
)


def _record(row: Row) -> IdempotencyRecord:
    user_id, booking_id = UserId(row["user_id"]), BookingId(row["booking_id"])
    return IdempotencyRecord(user_id, row["key"], row["fingerprint"], booking_id, row["expires_at"])


class PostgresIdempotencyRepository(OnConnection, IdempotencyRepository):
    async def get(self, user_id: UserId, key: str, now: datetime) -> IdempotencyRecord | None:
        params = {"user_id": user_id, "key": key, "now": now}
        row = await (await self._conn.execute(_GET_KEY.text, params)).fetchone()
        return _record(row) if row is not None else None

    async def claim(self, record: IdempotencyRecord, now: datetime) -> IdempotencyRecord | None:
        """One statement: inserting waits on a concurrent uncommitted claim of the key (the
        unique index), then either takes the key or leaves it to the live holder."""
        params = {
            "user_id": record.user_id, "key": record.key, "fingerprint": record.fingerprint,
            "booking_id": record.booking_id, "expires_at": record.expires_at,
            "created_at": now, "now": now,
        }  # fmt: skip
        try:
            claimed = await (await self._conn.execute(_CLAIM.text, params)).fetchone()
        except psycopg.Error as exc:
            raise (translate(exc) or exc) from exc
        if claimed is not None:
            return None
        return await self.get(record.user_id, record.key, now)

    async def purge_expired(self, now: datetime, *, limit: int) -> int:
        cursor = await self._conn.execute(_PURGE.text, {"now": now, "limit": limit})
        return cursor.rowcount
