"""procrastinate, configured for Inkslot: the app on our database, retries with a capped
exponential backoff, stalled-job recovery, and what operators ask of the queue.

Why the extra pieces (procrastinate's known weak spots, see docs/jobs.md):
- a worker killed mid-job leaves the job ``doing`` forever. Workers beat a heartbeat every
  quarter of the stalled time (:class:`StalledJobs`, 20 s by default); :func:`requeue_stalled`
  puts back the jobs of any worker whose heartbeat is older than that (every worker runs it
  every half of it, so a killed worker's job runs again within about half a minute);
- periodic tasks are deferred by the worker itself at each tick, keyed by task and tick, so
  a restarted worker (or two of them) defers each tick once;
- an app whose opening is interrupted (a stop while the database does not answer yet) is
  closed all the same (:func:`opened`), or the process could never end.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import procrastinate
import psycopg
from procrastinate import jobs as job_states
from procrastinate.retry import BaseRetryStrategy, RetryDecision
from psycopg_pool import AsyncConnectionPool

from adapters.backend_priority import share_priority

_log = logging.getLogger("inkslot.jobs")

STALLED_AFTER = 20.0  # seconds: a worker silent this long is taken for dead, by default


@dataclass(frozen=True, slots=True)
class StalledJobs:
    """When a worker is taken for dead and its ``doing`` jobs are put back: after ``after``
    seconds without a heartbeat. Workers beat every quarter of it (three beats may be late
    before a living worker is taken for dead) and sweep every half of it, so a killed
    worker's job runs again within about one and a half times ``after``."""

    after: float = STALLED_AFTER

    @property
    def heartbeat_every(self) -> float:
        return self.after / 4

    @property
    def sweep_every(self) -> float:
        return self.after / 2


@dataclass(frozen=True, slots=True)
class CappedBackoff(BaseRetryStrategy):
    """Retry after ``base * 2**attempts`` seconds, never more than ``cap``; give up (the job
    is kept as ``failed``) after ``max_attempts`` runs."""

    max_attempts: int = 8
    base_seconds: float = 2.0
    cap_seconds: float = 600.0

    def delay(self, attempts: int) -> float:
        return float(min(self.cap_seconds, self.base_seconds * 2.0**attempts))

    def get_retry_decision(
        self, *, exception: BaseException, job: job_states.Job
    ) -> RetryDecision | None:
        if job.attempts + 1 >= self.max_attempts:
            return None
        return RetryDecision(retry_in={"seconds": int(self.delay(job.attempts))})


def job_app(conninfo: str, *, behind_pooler: bool = False) -> procrastinate.App:
    """A procrastinate app on the database (not opened), given libpq's connection string
    (``postgresql://...``; the entrypoints turn the setting's other forms into it). Its schema
    is applied by our migrations (``migrations/versions/0005_outbox_and_jobs.py``).
    ``behind_pooler``: the string reaches PostgreSQL through a transaction-mode pooler, so
    nothing is prepared (a prepared statement would not follow the next transaction to its
    server connection); such an app's worker must poll (``worker/runner.py``)."""
    kwargs: dict[str, object] = {"application_name": "inkslot-jobs"}
    if behind_pooler:
        kwargs["prepare_threshold"] = None
    # Behind a pooler the server process is the pooler's to share (``backend_priority``).
    pool = QuickClosingPool if behind_pooler else PriorityFollowingPool
    connector = procrastinate.PsycopgConnector(
        conninfo=conninfo, kwargs=kwargs, min_size=1, max_size=4, pool_factory=pool
    )
    return procrastinate.App(connector=connector)


# As the app's own pool (adapters/postgres/database.py): closing waits this long for the
# pool's background workers, not psycopg_pool's 5 s.
CLOSE_WITHIN = 1.0


class QuickClosingPool(AsyncConnectionPool):
    """procrastinate's pool, closed within ``CLOSE_WITHIN`` seconds as the app's own pool is
    (a stop must fit compose's 10 s of grace before SIGKILL; two pools each waiting 5 s for
    a worker connecting to a silent database did not)."""

    async def close(self, timeout: float = CLOSE_WITHIN) -> None:  # noqa: ASYNC109 - its base's
        await super().close(timeout=timeout)


class PriorityFollowingPool(QuickClosingPool):
    """The same, whose new connections run at this process's priority on a server of this
    machine (``backend_priority``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, configure=_configured(kwargs.pop("configure", None)), **kwargs)


Configure = Callable[[psycopg.AsyncConnection[Any]], Awaitable[None]]


def _configured(then: Configure | None) -> Configure:
    """A new connection of the queue's: a lowered process's job statements run at its
    priority on a server of this machine (``backend_priority``), then ``then``."""

    async def configure(connection: psycopg.AsyncConnection[Any]) -> None:
        share_priority(connection.info)
        if then is not None:
            await then(connection)

    return configure


@contextlib.asynccontextmanager
async def opened(app: procrastinate.App) -> AsyncIterator[procrastinate.App]:
    """``app`` opened for the block, and closed after it, even when its opening is
    interrupted. procrastinate's own ``open_async()`` closes nothing when a cancellation
    reaches it while its pool waits for a first connection (a database that accepts and does
    not answer yet); the pool's workers, which by psycopg_pool's design survive a
    cancellation, then wait forever for work, and the event loop's end waits for them: a
    worker stopped while it starts never exits. Closing the pool tells them to stop."""
    try:
        await app.open_async()
    except BaseException:
        with contextlib.suppress(Exception):
            await app.close_async()
        raise
    try:
        yield app
    finally:
        await app.close_async()


async def requeue_stalled(
    app: procrastinate.App, stalled: StalledJobs = StalledJobs()
) -> list[int]:
    """Put back every ``doing`` job of a worker whose heartbeat stopped; returns their ids."""
    jobs = await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled.after)
    requeued = []
    for job in jobs:
        if job.id is None:
            continue
        with contextlib.suppress(Exception):  # another sweeper put it back first
            await app.job_manager.retry_job(job)
            requeued.append(job.id)
    if requeued:
        _log.warning("requeued jobs of stopped workers: %s", requeued)
    return requeued


async def sweep_stalled_forever(
    app: procrastinate.App, stalled: StalledJobs = StalledJobs()
) -> None:
    while True:
        try:
            await requeue_stalled(app, stalled)
        except Exception:
            _log.exception("stalled-job sweep failed; trying again")
        await asyncio.sleep(stalled.sweep_every)


@dataclass(frozen=True, slots=True)
class FailedJob:
    id: int
    task: str
    attempts: int
    args: dict[str, object]
    scheduled_at: datetime | None


async def failed_jobs(app: procrastinate.App, *, limit: int = 100) -> Sequence[FailedJob]:
    jobs = await app.job_manager.list_jobs_async(status="failed")
    found = [
        FailedJob(j.id, j.task_name, j.attempts, dict(j.task_kwargs), j.scheduled_at)
        for j in jobs
        if j.id is not None
    ]
    return sorted(found, key=lambda j: j.id)[:limit]


async def retry_failed(app: procrastinate.App, job_id: int, now: datetime) -> bool:
    """Queue a failed job again, to run at once; False when no failed job has this id."""
    jobs = await app.job_manager.list_jobs_async(id=job_id, status="failed")
    if not list(jobs):
        return False
    await app.job_manager.retry_job_by_id_async(job_id, retry_at=now)
    return True
