"""Running a worker: the queue's app with Inkslot's tasks, the stalled-job sweeper, the
release of notifications held until near their moment, and the registered contexts'
followers of the outbox beside it (``entrypoints.worker.work``), until
SIGTERM/SIGINT (``inkslot worker``, also the one ``inkslot serve`` starts beside the API:
``entrypoints.worker.beside``). It stops gracefully: no new job is taken and running ones
are given ``GRACE`` seconds."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from functools import partial

from adapters.jobs.queue import StalledJobs, opened, sweep_stalled_forever
from adapters.postgres.notification_queue import release_held_forever
from adapters.system.clock import SystemClock
from entrypoints.bundles import Bundles
from entrypoints.database import job_queue
from entrypoints.settings import Settings
from entrypoints.worker.job_log import log_start
from entrypoints.worker.tasks import build_tasks
from entrypoints.worker.work import context_work

GRACE = 30.0
# Seconds between a worker's looks for due jobs. A NOTIFY wakes a listening worker at once;
# the look is its fallback. A worker that cannot listen (only a transaction pooler between
# it and the database) looks this often instead: a job waits at most this long.
FETCH_EVERY = 5.0
FETCH_EVERY_WITHOUT_LISTEN = 0.5
_log = logging.getLogger("inkslot.worker")


async def follow_forever(step: Callable[[], Awaitable[int]], what: str, every: float) -> None:
    """Follow the outbox as events come: ``step`` every ``every`` seconds (a context's
    ``Follower``; one at a time across workers: the others find the position taken and wait
    for the next turn). A failure is logged, not fatal."""
    while True:
        try:
            await step()
        except Exception:
            _log.exception("%s failed; trying again", what)
        await asyncio.sleep(every)


def context_followers(
    bundles: Bundles,
) -> list[tuple[str, Callable[[], Awaitable[int]], float]]:
    """Every registered context's followers of the outbox (``Work.followers``), in the
    registry's order, each bound to its context's use cases: what it is, its step, how
    often."""
    return [
        (follower.what, partial(follower.step, getattr(bundles, name)), follower.every)
        for name, work in context_work()
        for follower in work.followers
    ]


async def run_worker(
    settings: Settings,
    bundles: Bundles,
    *,
    concurrency: int | None = None,
    install_signal_handlers: bool = True,
) -> None:
    if settings.database_url is None:
        raise ValueError("the worker needs a database URL")
    app = job_queue(settings)
    app.add_tasks_from(build_tasks(bundles, settings), namespace="inkslot")
    stalled = StalledJobs(settings.worker_stalled_seconds)
    async with opened(app):
        helpers = [
            asyncio.create_task(sweep_stalled_forever(app, stalled)),
            asyncio.create_task(release_held_forever(app, SystemClock())),
            *(
                asyncio.create_task(follow_forever(step, what, every))
                for what, step, every in context_followers(bundles)
            ),
        ]
        workers = concurrency or settings.worker_concurrency
        log_start(
            queues=None,
            concurrency=workers,
            listening=settings.workers_listen,
            tasks=len(app.tasks),
        )
        try:
            await app.run_worker_async(
                concurrency=workers,
                install_signal_handlers=install_signal_handlers,
                update_heartbeat_interval=stalled.heartbeat_every,
                stalled_worker_timeout=stalled.after,
                shutdown_graceful_timeout=GRACE,
                delete_jobs="successful",
                listen_notify=settings.workers_listen,
                fetch_job_polling_interval=(
                    FETCH_EVERY if settings.workers_listen else FETCH_EVERY_WITHOUT_LISTEN
                ),
            )
        finally:
            for helper in helpers:
                helper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await helper
