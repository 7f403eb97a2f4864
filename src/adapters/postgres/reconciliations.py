"""PostgreSQL's daily reconciliations of each gateway's report against our payments."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement
from adapters.postgres.tables.payments import payment_reconciliations
from booking_domain.payments.ports import ReconciliationRepository
from booking_domain.payments.reconciliation import Difference, DifferenceKind, Reconciliation
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest

_R = payment_reconciliations
_SAVE = Statement(
    lambda: (
        pg_insert(_R)
        .values({c.name: bindparam(c.name) for c in _R.c})
        .on_conflict_do_update(
            index_elements=[_R.c.gateway, _R.c.day],
            set_={c.name: bindparam(c.name) for c in _R.c if c.name not in ("gateway", "day")},
        )
    )
)
_AGREED = Statement(
    lambda: select(_R.c.day).where(
        (_R.c.gateway == bindparam("gateway")) & (_R.c.day >= bindparam("since")) & _R.c.agrees
    )
)


def _listing(differing: bool) -> Any:
    query = select(_R, func.count().over().label("total"))
    if differing:
        query = query.where(_R.c.agrees.is_(False))
    return (
        query.order_by(_R.c.day.desc(), _R.c.gateway)
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
    )


_LIST = Statement(lambda: _listing(False))
_LIST_DIFFERING = Statement(lambda: _listing(True))


class PostgresReconciliationRepository(OnConnection, ReconciliationRepository):
    async def save(self, reconciliation: Reconciliation) -> None:
        r = reconciliation
        params = {
            "gateway": r.gateway, "day": r.day, "checked_at": r.checked_at,
            "recorded": r.recorded, "reported": r.reported, "agrees": r.agrees,
            "differences": json.dumps([_difference_data(d) for d in r.differences]),
        }  # fmt: skip
        await self._conn.execute(_SAVE.text, params)

    async def agreed_days(self, gateway: str, since: date) -> set[date]:
        params = {"gateway": gateway, "since": since}
        rows = await (await self._conn.execute(_AGREED.text, params)).fetchall()
        return {day for row in rows if isinstance(day := row["day"], date)}

    async def list(self, page: PageRequest, *, differing: bool = False) -> Page[Reconciliation]:
        statement = _LIST_DIFFERING if differing else _LIST
        params = {"limit": page.page_size, "offset": page.offset}
        rows = await (await self._conn.execute(statement.text, params)).fetchall()
        total = int(str(rows[0]["total"])) if rows else 0
        return Page(tuple(_reconciliation(row) for row in rows), total, page)


def _money_data(money: Money | None) -> dict[str, Any] | None:
    return None if money is None else {"amount": money.amount, "currency": money.currency}


def _money(data: Any) -> Money | None:
    return None if data is None else Money(int(data["amount"]), str(data["currency"]))


def _difference_data(d: Difference) -> dict[str, Any]:
    return {
        "kind": d.kind.value,
        "paymentId": d.payment_id,
        "ours": _money_data(d.ours),
        "theirs": _money_data(d.theirs),
    }


def _reconciliation(row: Mapping[str, Any]) -> Reconciliation:
    differences = tuple(
        Difference(
            DifferenceKind(d["kind"]), d["paymentId"], _money(d["ours"]), _money(d["theirs"])
        )
        for d in json.loads(row["differences"])
    )
    return Reconciliation(
        row["gateway"], row["day"], row["checked_at"], row["recorded"], row["reported"], differences
    )
