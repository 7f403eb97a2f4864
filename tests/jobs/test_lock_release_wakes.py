"""A job that ends wakes the workers waiting on its lock (migration 0065), on real PostgreSQL
and a real procrastinate worker: the next job of a lock runs when the one before ends, not
at the worker's next poll. The worker here polls every 10 minutes, so only the wake-up can
run the second job within the test's bound. The first job is released only once the
worker's fetch has come back empty-handed (the second job is behind the lock) and its
listener is listening: the worker is then waiting to be woken, and nothing else wakes it."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

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

    fetched_nothing = asyncio.Event()
    fetch = app.job_manager.fetch_job

    async def watched_fetch(*args: Any, **kwargs: Any) -> Any:
        job = await fetch(*args, **kwargs)
        if job is None:  # the worker stops fetching and waits to be woken
            fetched_nothing.set()
        return job

    app.job_manager.fetch_job = watched_fetch  # type: ignore[method-assign]
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
            await asyncio.wait_for(fetched_nothing.wait(), timeout=30)
            await eventually(lambda: _listening(app), within=30)
            assert not second_ran.is_set()
            release.set()

            async def ran() -> bool:
                return second_ran.is_set()

            await eventually(ran, within=30)
        finally:
            release.set()  # a worker stops only once its running job has ended
            worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await worker


async def _listening(app: procrastinate.App) -> bool:
    """Whether the worker's listener has asked for procrastinate's notifications."""
    rows = await app.connector.execute_query_all_async(
        "SELECT count(*) AS n FROM pg_stat_activity"
        " WHERE datname = current_database() AND left(query, 6) = 'LISTEN'"
    )
    return bool(rows[0]["n"])
