"""PostgreSQL phone codes and the daily budget of code messages."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, bindparam, delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.accounts import phone_codes, sms_budget
from booking_domain.accounts.phone_codes import (
    CodePurpose,
    PhoneCode,
    PhoneCodeId,
    SendingHistory,
    number_range,
)
from booking_domain.accounts.ports import PhoneCodeRepository
from booking_domain.shared import UserId

Row = Mapping[str, Any]
_C = phone_codes.c

_LOCK = Statement(lambda: select(func.pg_advisory_xact_lock(bindparam("key", type_=BigInteger))))
# The number's and the address's sends by their indexes; the range's among the window's
# codes, which the daily budget bounds (INKSLOT_SMS_DAILY_LIMIT a day, a day kept).
_HISTORY = Statement(
    lambda: (
        select(_C.phone, _C.address_key, _C.created_at)
        .where(
            or_(
                _C.phone == bindparam("phone"),
                _C.address_key == bindparam("address_key"),
                func.starts_with(_C.phone, bindparam("range")),
            ),
            _C.created_at >= bindparam("since"),
        )
        .order_by(_C.created_at)
    )
)
_SPEND_LIVE = Statement(
    lambda: (
        update(phone_codes)
        .where(_C.phone == bindparam("phone"), _C.spent_at.is_(None))
        .values(spent_at=bindparam("now"))
    )
)
_INSERT = Statement(
    lambda: phone_codes.insert().values({c.name: bindparam(c.name) for c in phone_codes.c})
)
_LIVE_FOR_UPDATE = Statement(
    lambda: (
        select(phone_codes)
        .where(
            _C.phone == bindparam("phone"),
            _C.spent_at.is_(None),
            _C.expires_at > bindparam("now"),
        )
        .order_by(_C.created_at.desc())
        .limit(constant(1))
        .with_for_update()
    )
)
_SAVE = Statement(
    lambda: (
        update(phone_codes)
        .where(_C.id == bindparam("id"))
        .values(attempts=bindparam("attempts"), spent_at=bindparam("spent_at"))
    )
)


def _build_take() -> Any:
    # One statement: the day's row is made at 1, or counted up while under the limit; no
    # row comes back when the limit is reached (the conditional update changes nothing).
    statement = pg_insert(sms_budget).values(day=bindparam("day"), sent=constant(1))
    return statement.on_conflict_do_update(
        index_elements=[sms_budget.c.day],
        set_={"sent": sms_budget.c.sent + constant(1)},
        where=sms_budget.c.sent < bindparam("limit"),
    ).returning(sms_budget.c.sent)


_TAKE = Statement(_build_take)
_PURGE = Statement(lambda: delete(phone_codes).where(_C.created_at < bindparam("before")))


def lock_key(kind: str, value: str) -> int:
    """A signed 64-bit advisory-lock key for a number or an asking address (a namespace
    of their own: the digest of ``phone-code:<kind>:<value>``)."""
    digest = hashlib.sha256(f"phone-code:{kind}:{value}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _row(code: PhoneCode) -> dict[str, Any]:
    return {
        "id": code.id,
        "phone": code.phone,
        "purpose": code.purpose.value,
        "user_id": code.user_id,
        "code_hash": code.code_hash,
        "address_key": code.address_key,
        "attempts": code.attempts,
        "created_at": code.created_at,
        "expires_at": code.expires_at,
        "spent_at": code.spent_at,
    }


def _code(row: Row) -> PhoneCode:
    user_id = row["user_id"]
    return PhoneCode(
        id=PhoneCodeId(row["id"]),
        phone=row["phone"],
        purpose=CodePurpose(row["purpose"]),
        code_hash=row["code_hash"],
        address_key=row["address_key"],
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        user_id=UserId(user_id) if user_id is not None else None,
        attempts=row["attempts"],
        spent_at=row["spent_at"],
    )


class PostgresPhoneCodeRepository(OnConnection, PhoneCodeRepository):
    async def lock_sending(self, phone: str, address_key: str) -> None:
        # The address, the range, then the number: one order everywhere, so no two sends
        # wait on each other's later lock.
        await self._conn.execute(_LOCK.text, {"key": lock_key("address", address_key)})
        await self._conn.execute(_LOCK.text, {"key": lock_key("range", number_range(phone))})
        await self._conn.execute(_LOCK.text, {"key": lock_key("number", phone)})

    async def history(self, phone: str, address_key: str, since: datetime) -> SendingHistory:
        block = number_range(phone)
        params = {"phone": phone, "address_key": address_key, "range": block, "since": since}
        rows: Sequence[Row] = await (await self._conn.execute(_HISTORY.text, params)).fetchall()
        return SendingHistory(
            to_number=tuple(r["created_at"] for r in rows if r["phone"] == phone),
            from_address=tuple(r["created_at"] for r in rows if r["address_key"] == address_key),
            to_range=tuple(r["created_at"] for r in rows if r["phone"].startswith(block)),
            from_address_to_range=tuple(
                r["created_at"]
                for r in rows
                if r["phone"].startswith(block) and r["address_key"] == address_key
            ),
        )

    async def add(self, code: PhoneCode) -> None:
        await self._conn.execute(_SPEND_LIVE.text, {"phone": code.phone, "now": code.created_at})
        await self._conn.execute(_INSERT.text, _row(code))

    async def live_for_update(self, phone: str, now: datetime) -> PhoneCode | None:
        cursor = await self._conn.execute(_LIVE_FOR_UPDATE.text, {"phone": phone, "now": now})
        row = await cursor.fetchone()
        return _code(row) if row is not None else None

    async def save(self, code: PhoneCode) -> None:
        params = {"id": code.id, "attempts": code.attempts, "spent_at": code.spent_at}
        await self._conn.execute(_SAVE.text, params)

    async def take_from_budget(self, day: date, limit: int) -> bool:
        cursor = await self._conn.execute(_TAKE.text, {"day": day, "limit": limit})
        return await cursor.fetchone() is not None

    async def purge(self, before: datetime) -> int:
        cursor = await self._conn.execute(_PURGE.text, {"before": before})
        return cursor.rowcount
