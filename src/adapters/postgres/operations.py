"""What operators watch, read from PostgreSQL when asked (``/metrics``): counts grouped by
status, each one indexed aggregate, and this process's connection pool."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from adapters.postgres.database import Database
from booking_domain.shared.ports import OperationsFigures, OperationsReadout, PoolFigures

_FIGURES = """
SELECT 'bookings' AS kind, status AS a, '' AS b, count(*) AS n FROM bookings GROUP BY status
UNION ALL
SELECT 'payments', outcome, '', count(*) FROM received_payments GROUP BY outcome
UNION ALL
SELECT 'refunds', status, '', count(*) FROM refunds GROUP BY status
UNION ALL
SELECT 'jobs', queue_name, status::text, count(*) FROM procrastinate_jobs
 GROUP BY queue_name, status
"""


class PostgresOperationsReadout(OperationsReadout):
    def __init__(self, database: Database) -> None:
        self._database = database

    async def figures(self) -> OperationsFigures:
        async with self._database.pool.connection() as conn:
            rows: Sequence[Mapping[str, Any]] = await (await conn.execute(_FIGURES)).fetchall()
        found: dict[str, dict[Any, int]] = {"bookings": {}, "payments": {}, "refunds": {}}
        jobs: dict[tuple[str, str], int] = {}
        for row in rows:
            if row["kind"] == "jobs":
                jobs[(row["a"], row["b"])] = row["n"]
            else:
                found[row["kind"]][row["a"]] = row["n"]
        return OperationsFigures(found["bookings"], found["payments"], found["refunds"], jobs)

    def pool(self) -> PoolFigures | None:
        stats = self._database.pool.get_stats()
        return PoolFigures(
            size=stats.get("pool_size", 0),
            idle=stats.get("pool_available", 0),
            waiting=stats.get("requests_waiting", 0),
            limit=stats.get("pool_max", 0),
        )
