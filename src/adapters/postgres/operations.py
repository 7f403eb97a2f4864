"""What operators watch, read from PostgreSQL when asked (``/metrics``): counts grouped by
status, each one indexed aggregate, and this process's connection pool."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import psycopg
from psycopg_pool import PoolTimeout

from adapters.postgres.database import Database
from booking_domain.shared import ServiceUnavailableError
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
    def __init__(self, database: Database, timeout: float = 2.0) -> None:
        self._database = database
        self._timeout = timeout

    async def figures(self) -> OperationsFigures:
        try:
            async with self._database.pool.connection(timeout=self._timeout) as conn:
                cursor = await conn.execute(_FIGURES)
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
