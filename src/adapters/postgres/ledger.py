"""PostgreSQL's ledger: deposits (``payment_invoices``) and refunds (``refunds``) as one list.

One statement per page: each listed kind is a branch of keys (kind, id, made) read newest
first through its ``(created_at, id)`` index, or ``(status, created_at, id)`` with a status
(index-only scans), cut at ``offset + limit`` keys, since no key beyond that in a branch can
be on the page; the union of the branches is ordered and cut to the page, and only then are
the page's rows read. A second statement counts the matches of each branch.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import count_of
from booking_domain.payments.gateway import PaymentMethod
from booking_domain.payments.ledger import Transaction, TransactionFilter, TransactionKind
from booking_domain.payments.ports import TransactionLedger
from booking_domain.shared.ids import BookingId, UserId
from booking_domain.shared.money import Money
from booking_domain.shared.pages import Page, PageRequest

# Each kind's table and how its columns read as a transaction.
_BRANCHES = {
    TransactionKind.DEPOSIT: (
        "payment_invoices",
        "t.number AS reference, NULL::text AS method, t.paid_at AS settled_at",
    ),
    TransactionKind.REFUND: ("refunds", "t.payment_id AS reference, t.method, t.settled_at"),
}
_COMMON = (
    "id, status, booking_id, customer_id, artist_user_id, amount, currency, created_at, updated_at"
)
_ORDER = "created_at DESC, id DESC"


def _conditions(where: TransactionFilter, statuses: frozenset[str]) -> str:
    conditions = ["true"]
    if statuses:
        # Written as literals (from the domain's closed set of statuses): the planner then
        # estimates each status's share (a bound array would be a guess).
        conditions.append(f"status IN ({', '.join(repr(s) for s in sorted(statuses))})")
    if where.created_from is not None:
        conditions.append("created_at >= %(created_from)s")
    if where.created_before is not None:
        conditions.append("created_at < %(created_before)s")
    if where.booking_id is not None:
        conditions.append("booking_id = %(booking_id)s")
    return " AND ".join(conditions)


def _statements(where: TransactionFilter) -> tuple[str, str] | None:
    """The page's and the count's SQL (None: no kind is listed, so nothing matches)."""
    keys, rows, counts = [], [], []
    for kind, (table, own) in _BRANCHES.items():
        statuses = where.statuses_of(kind)
        if statuses is None:
            continue
        condition = _conditions(where, statuses)
        keys.append(
            f"(SELECT '{kind.value}' AS kind, id, created_at FROM {table}"  # noqa: S608 (constants)
            f" WHERE {condition} ORDER BY {_ORDER} LIMIT %(reach)s)"
        )
        rows.append(
            f"SELECT page.kind, {', '.join(f't.{c}' for c in _COMMON.split(', '))}, {own}"  # noqa: S608
            f" FROM page JOIN {table} AS t ON page.kind = '{kind.value}' AND t.id = page.id"
        )
        # Capped (PageRequest.count_limit) in each branch: their sum then tells "more"
        # exactly where the whole count would.
        counts.append(
            f"(SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {condition}"  # noqa: S608
            " LIMIT %(count_limit)s) AS matches)"
        )
    if not keys:
        return None
    page = (
        f"WITH page AS (SELECT * FROM ({' UNION ALL '.join(keys)}) AS k"  # noqa: S608 (constants)
        f" ORDER BY {_ORDER} LIMIT %(limit)s OFFSET %(offset)s)"
        f" SELECT * FROM ({' UNION ALL '.join(rows)}) AS ledger ORDER BY {_ORDER}"
    )
    return page, f"SELECT {' + '.join(counts)} AS total"


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
        statements = _statements(where)
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
