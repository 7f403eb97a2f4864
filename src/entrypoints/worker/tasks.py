"""The tasks a worker runs. Each is a thin shell around one use case, like a controller.

Every task is safe to run twice (a killed worker's job runs again): expiring holds and
purging keys only act on what is still due, under row locks that skip rows another worker
holds.
"""

from __future__ import annotations

import logging

import procrastinate

from entrypoints.bundles import Bundles
from entrypoints.settings import Settings

_log = logging.getLogger("inkslot.worker")
PERIODIC_QUEUE = "periodic"


def build_tasks(bundles: Bundles, settings: Settings) -> procrastinate.Blueprint:
    """The tasks, bound to this process's use cases (built here, not at import time)."""
    tasks = procrastinate.Blueprint()
    bookings = bundles.bookings

    # Periodic: no retries (the next tick is the retry); a queueing lock keeps a slow tick
    # from piling up behind itself.
    @tasks.periodic(cron=settings.expire_holds_cron, periodic_id="expire-holds")
    @tasks.task(name="expire_holds", queue=PERIODIC_QUEUE, queueing_lock="expire_holds")
    async def expire_holds(timestamp: int) -> int:
        expired = await bookings.expire_holds()
        if expired:
            _log.info("expired %d holds", expired)
        return expired

    @tasks.periodic(cron=settings.purge_cron, periodic_id="purge")
    @tasks.task(name="purge", queue=PERIODIC_QUEUE, queueing_lock="purge")
    async def purge(timestamp: int) -> int:
        """Idempotency keys past their 24 hours, outbox events past their 7 days."""
        keys = await bookings.purge_idempotency_keys()
        events = await bundles.events.forget_old_events()
        return keys + events

    @tasks.task(name="ping", queue="diagnostics")
    async def ping() -> None:
        """Does nothing: what a job costs the queue itself (bench/events.py), and a way to
        see that some worker is taking jobs."""

    return tasks
