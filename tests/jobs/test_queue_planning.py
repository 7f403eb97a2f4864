"""A burst of jobs on a queue whose statistics are stale: each fetch still walks the priority
index to the first job it can take, instead of reading and sorting every waiting job
(migrations/versions/0007_job_queue_planning.py; without it, this very plan is a bitmap
scan and a sort of all 2,000 jobs)."""

from __future__ import annotations

import psycopg
import pytest

from adapters.jobs.queue import job_app

pytestmark = pytest.mark.anyio
BURST = 2000


async def _fetch_plan(database_url: str) -> str:
    """The plan of the query inside one fetch, as auto_explain reports it to the client."""
    notices: list[str] = []
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        conn.add_notice_handler(lambda diagnostic: notices.append(diagnostic.message_primary or ""))
        for setting in (
            "LOAD 'auto_explain'",
            "SET auto_explain.log_min_duration = 0",
            "SET auto_explain.log_nested_statements = on",
            "SET client_min_messages = log",
        ):
            await conn.execute(setting)
        worker = await (await conn.execute("SELECT procrastinate_register_worker_v1()")).fetchone()
        assert worker is not None
        await conn.execute("SELECT * FROM procrastinate_fetch_job_v2(NULL, %s)", (worker[0],))
        await conn.rollback()
    return next(n for n in notices if "WITH candidate" in n)


async def _burst(database_url: str) -> None:
    app = job_app(database_url)
    async with app.open_async():
        await app.configure_task("inkslot:ping", queue="diagnostics").batch_defer_async(
            *({} for _ in range(BURST))
        )


async def test_a_fetch_walks_the_priority_index_whatever_the_statistics_say(
    database_url: str,
) -> None:
    await _burst(database_url)
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        # Finished jobs are deleted; no ANALYZE has come by since (autovacuum visits a
        # database once a minute at most).
        await conn.execute("DELETE FROM procrastinate_jobs")
    await _burst(database_url)
    plan = await _fetch_plan(database_url)
    assert "procrastinate_jobs_priority_idx_v1" in plan
    assert "Bitmap" not in plan and "Sort" not in plan
