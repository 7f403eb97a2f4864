"""What operators watch, read from PostgreSQL when asked (``/metrics``): counts grouped by
status, each one indexed aggregate, and this process's connection pool."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import psycopg
from psycopg_pool import PoolTimeout
from sqlalchemy import ColumnElement, Text, cast, column, func, select, table, union_all

from adapters.postgres.database import Database
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.bookings import bookings
from adapters.postgres.tables.payments import received_payments, refunds
from booking_domain.shared import ServiceUnavailableError
from booking_domain.shared.ports import OperationsFigures, OperationsReadout, PoolFigures

# procrastinate's job table (its own schema, which our migrations apply from its file; not
# in our metadata): the two columns counted here.
_JOBS = table("procrastinate_jobs", column("queue_name", Text), column("status", Text))


def _counts(kind: str, first: ColumnElement[Any], second: ColumnElement[Any] | None = None) -> Any:
    """``kind``'s rows counted by ``first`` (and ``second``): (kind, a, b, n) rows."""
    groups = [first] if second is None else [first, second]
    b = constant("") if second is None else cast(second, Text)
    return select(
        constant(kind).label("kind"), first.label("a"), b.label("b"), func.count().label("n")
    ).group_by(*groups)


_FIGURES = Statement(
    lambda: union_all(
        _counts("bookings", bookings.c.status),
        _counts("payments", received_payments.c.outcome),
        _counts("refunds", refunds.c.status),
        _counts("jobs", _JOBS.c.queue_name, _JOBS.c.status),
    )
)


class PostgresOperationsReadout(OperationsReadout):
    def __init__(self, database: Database, timeout: float = 2.0) -> None:
        self._database = database
        self._timeout = timeout

    async def figures(self) -> OperationsFigures:
        try:
            async with self._database.pool.connection(timeout=self._timeout) as conn:
                cursor = await conn.execute(_FIGURES.text)
                rows: Sequence[Mapping[str, Any]] = await cursor.fetchall()
        except (psycopg.Error, PoolTimeout, OSError) as exc:  # a scrape answers 503, soon
            raise ServiceUnavailableError("The database does not answer.") from exc
        counts: dict[str, dict[Any, int]] = {"bookings": {}, "payments": {}, "refunds": {}}
        jobs: dict[tuple[str, str], int] = {}
        for row in rows:
            if row["kind"] == "jobs":
                jobs[(row["a"], row["b"])] = row["n"]
            else:
                counts[row["kind"]][row["a"]] = row["n"]
        return OperationsFigures(counts["bookings"], counts["payments"], counts["refunds"], jobs)

    def pool(self) -> PoolFigures | None:
        stats = self._database.pool.get_stats()
        return PoolFigures(
            size=stats.get("pool_size", 0),
            idle=stats.get("pool_available", 0),
            waiting=stats.get("requests_waiting", 0),
            limit=stats.get("pool_max", 0),
        )
