"""A job that ends wakes the workers waiting on its lock (migration 0065), on real PostgreSQL
and a real procrastinate worker: the next job of a lock runs when the one before ends, not
at the worker's next poll. The worker here polls every 10 minutes, so only the wake-up can
run the second job within the test's bound."""

from __future__ import annotations

import asyncio
import contextlib

import procrastinate
import pytest

from adapters.jobs.queue import opened
from tests.jobs.helpers import eventually

pytestmark = pytest.mark.anyio

NEVER_POLLS = 600.0  # seconds: far beyond the test's bound


@pytest.mark.parametrize("first_fails", [False, True])
async def test_the_next_job_of_a_lock_runs_when_the_one_before_ends(
    database_url: str, first_fails: bool
) -> None:
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=database_url))
    first_started, release, second_ran = asyncio.Event(), asyncio.Event(), asyncio.Event()

    @app.task(name="first", queue="q")
    async def first() -> None:
        first_started.set()
        await release.wait()
        if first_fails:  # a job that fails (no retry) frees its lock as well
            raise RuntimeError("the first job fails")

    @app.task(name="second", queue="q")
    async def second() -> None:
        second_ran.set()

    async with opened(app):
        await first.configure(lock="the lock").defer_async()
        await second.configure(lock="the lock").defer_async()
        worker = asyncio.create_task(
            app.run_worker_async(
                concurrency=2,
                install_signal_handlers=False,
                listen_notify=True,
                fetch_job_polling_interval=NEVER_POLLS,
                delete_jobs="successful",
            )
        )
        try:
            await asyncio.wait_for(first_started.wait(), timeout=30)
            # The worker's other slot has looked, found the second job behind the lock, and
            # waits to be woken; nothing is inserted from here on.
            await eventually(lambda: _fetched_and_waiting(app), within=30)
            release.set()

            async def ran() -> bool:
                return second_ran.is_set()

            await eventually(ran, within=30)
        finally:
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker


async def _fetched_and_waiting(app: procrastinate.App) -> bool:
    """Whether the second job is still waiting (``todo``) while the first runs: what the
    worker's fetch saw before it stopped fetching."""
    rows = await app.connector.execute_query_all_async(
        "SELECT task_name, status::text AS status FROM procrastinate_jobs ORDER BY id"
    )
    return [(r["task_name"], r["status"]) for r in rows] == [
        ("first", "doing"),
        ("second", "todo"),
    ]
