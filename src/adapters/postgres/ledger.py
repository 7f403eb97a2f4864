"""PostgreSQL's ledger: deposits (``payment_invoices``) and refunds (``refunds``) as one list.

One statement per page: each listed kind is a branch of keys (kind, id, made) read newest
first through its ``(created_at, id)`` index, or ``(status, created_at, id)`` with a status
(index-only scans), cut at ``offset + limit`` keys, since no key beyond that in a branch can
be on the page; the union of the branches is ordered and cut to the page, and only then are
the page's rows read. A second statement counts the matches of each branch.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache, reduce
from typing import Any
from uuid import UUID

from sqlalchemy import Table, Text, and_, bindparam, cast, null, select, union_all

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import capped_count, compile_sql, constant, count_of
from adapters.postgres.tables.payments import payment_invoices, refunds
from booking_domain.payments.gateway import PaymentMethod
from booking_domain.payments.ledger import Transaction, TransactionFilter, TransactionKind
from booking_domain.payments.ports import TransactionLedger
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest


def _invoice_columns(t: Table) -> Sequence[Any]:
    return (
        t.c.number.label("reference"),
        cast(null(), Text).label("method"),
        t.c.paid_at.label("settled_at"),
    )


# Each kind's table and how its columns read as a transaction. Deposits and balances share
# ``payment_invoices``, told apart by its ``kind`` (migration 0033).
_BRANCHES: dict[TransactionKind, tuple[Table, Callable[[Table], Sequence[Any]]]] = {
    TransactionKind.DEPOSIT: (payment_invoices, _invoice_columns),
    TransactionKind.BALANCE: (payment_invoices, _invoice_columns),
    TransactionKind.REFUND: (
        refunds,
        lambda t: (t.c.payment_id.label("reference"), t.c.method, t.c.settled_at),
    ),
}
_COMMON = (
    "id", "status", "booking_id", "customer_id", "artist_user_id", "amount", "currency",
    "created_at", "updated_at",
)  # fmt: skip

# (kind, its statuses: empty for any) of each listed kind; whether each bound is given.
_Shape = tuple[tuple[tuple[TransactionKind, tuple[str, ...]], ...], bool, bool, bool]


def _shape(where: TransactionFilter) -> _Shape:
    kinds = tuple(
        (kind, tuple(sorted(statuses)))
        for kind in _BRANCHES
        if (statuses := where.statuses_of(kind)) is not None
    )
    given = (where.created_from, where.created_before, where.booking_id)
    created_from, created_before, booking = (value is not None for value in given)
    return kinds, created_from, created_before, booking


def _conditions(
    kind: TransactionKind, table: Table, statuses: tuple[str, ...], shape: _Shape
) -> list[Any]:
    _, created_from, created_before, booking = shape
    # Deposits and balances share their table: each branch reads its own kind.
    own_kind = [table.c.kind == constant(kind.value)] if table is payment_invoices else []
    wanted = [
        # Written as literals (from the domain's closed set of statuses): the planner then
        # estimates each status's share in any plan (a bound array would be a guess).
        (bool(statuses), table.c.status.in_([constant(s) for s in statuses])),
        (created_from, table.c.created_at >= bindparam("created_from")),
        (created_before, table.c.created_at < bindparam("created_before")),
        (booking, table.c.booking_id == bindparam("booking_id")),
    ]
    return own_kind + [condition for present, condition in wanted if present]


@lru_cache(maxsize=128)
def _statements(shape: _Shape) -> tuple[str, str] | None:
    """The page's and the count's SQL for one shape of filter, compiled once (None: no kind
    is listed, so nothing matches)."""
    keys, counts = [], []
    for kind, statuses in shape[0]:
        table, _ = _BRANCHES[kind]
        conditions = _conditions(kind, table, statuses, shape)
        keys.append(
            select(constant(kind.value).label("kind"), table.c.id, table.c.created_at)
            .where(*conditions)
            .order_by(table.c.created_at.desc(), table.c.id.desc())
            .limit(bindparam("reach"))
        )
        # Capped (PageRequest.count_limit) in each branch: their sum then tells "more"
        # exactly where the whole count would.
        counts.append(capped_count(table, conditions).scalar_subquery())
    if not keys:
        return None
    k = union_all(*keys).subquery("k")
    page = (
        select(k)
        .order_by(k.c.created_at.desc(), k.c.id.desc())
        .limit(bindparam("limit"))
        .offset(bindparam("offset"))
        .cte("page")
    )
    rows = []
    for kind, _ in shape[0]:
        table, own = _BRANCHES[kind]
        on = and_(page.c.kind == constant(kind.value), table.c.id == page.c.id)
        rows.append(
            select(page.c.kind, *(table.c[name] for name in _COMMON), *own(table)).select_from(
                page.join(table, on)
            )
        )
    ledger = union_all(*rows).subquery("ledger")
    listed = select(ledger).order_by(ledger.c.created_at.desc(), ledger.c.id.desc())
    total = select(reduce(operator.add, counts).label("total"))
    return compile_sql(listed), compile_sql(total)


def _transaction(row: Mapping[str, Any]) -> Transaction:
    method = row["method"]
    return Transaction(
        id=UUID(str(row["id"])), kind=TransactionKind(row["kind"]), status=row["status"],
        booking_id=BookingId(row["booking_id"]), customer_id=UserId(row["customer_id"]),
        artist_user_id=UserId(row["artist_user_id"]),
        amount=Money(row["amount"], row["currency"]), reference=row["reference"],
        method=None if method is None else PaymentMethod(method),
        created_at=row["created_at"], updated_at=row["updated_at"], settled_at=row["settled_at"],
    )  # fmt: skip


class PostgresTransactionLedger(OnConnection, TransactionLedger):
    async def list(self, where: TransactionFilter, page: PageRequest) -> Page[Transaction]:
        statements = _statements(_shape(where))
        if statements is None:
            return Page((), 0, page)
        page_sql, count_sql = statements
        params = {
            "created_from": where.created_from, "created_before": where.created_before,
            "booking_id": where.booking_id, "reach": page.offset + page.page_size,
            "limit": page.page_size, "offset": page.offset, "count_limit": page.count_limit,
        }  # fmt: skip
        rows = await self._rows_planned_for(page_sql, params)
        (total,) = await self._rows_planned_for(count_sql, params)
        found = tuple(_transaction(r) for r in rows)
        return Page.counted(found, count_of(total), page)
