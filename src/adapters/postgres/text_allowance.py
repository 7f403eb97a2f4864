"""PostgreSQL texts charged to accounts a day (``notifications.text_allowance``): one row
per account and UTC day, counted up in one statement."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import any_, bindparam, delete, func, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.notifications import text_allowance
from booking_domain.notifications.ports import TextAllowanceRepository
from booking_domain.shared.ids import UserId

_T = text_allowance.c
_USED = Statement(
    lambda: select(_T.account_id, _T.texts).where(
        _T.account_id == any_(bindparam("accounts", type_=ARRAY(_T.account_id.type))),
        _T.day == bindparam("day"),
    )
)


def _build_charge() -> Any:
    statement = pg_insert(text_allowance).values(
        account_id=bindparam("account_id"), day=bindparam("day"), texts=bindparam("texts")
    )
    return statement.on_conflict_do_update(
        index_elements=[_T.account_id, _T.day],
        set_={"texts": _T.texts + statement.excluded.texts, "updated_at": func.now()},
    )


_CHARGE = Statement(_build_charge)
_PURGE = Statement(lambda: delete(text_allowance).where(_T.day < bindparam("before")))


class PostgresTextAllowance(OnConnection, TextAllowanceRepository):
    async def used(self, accounts: Collection[UserId], day: date) -> Mapping[UserId, int]:
        params = {"accounts": list(accounts), "day": day}
        rows: Sequence[Mapping[str, Any]] = await (
            await self._conn.execute(_USED.text, params)
        ).fetchall()
        return {UserId(r["account_id"]): r["texts"] for r in rows}

    async def charge(self, day: date, charged: Mapping[UserId, int]) -> None:
        if not charged:
            return
        rows = [{"account_id": a, "day": day, "texts": n} for a, n in charged.items()]
        async with self._conn.cursor() as cursor:
            await cursor.executemany(_CHARGE.text, rows)

    async def purge(self, before: date) -> int:
        cursor = await self._conn.execute(_PURGE.text, {"before": before})
        return cursor.rowcount
