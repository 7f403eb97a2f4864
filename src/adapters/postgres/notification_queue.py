"""The notifications' send queue in PostgreSQL: procrastinate jobs, and the messages of later
moments held back from the queue until shortly before them.

Send jobs are procrastinate jobs deferred on the unit of work's own connection, so a
notification and its job commit or vanish together. They take no procrastinate ``lock``:
workers fetch jobs in id order, so messages go out in the order planned, and a message
waiting for its retry (a greylisting mail server, for hours) holds nothing back: the
cancellation and its refund go out while "requested" still waits. The messages a planning
batch sends now share jobs (``GROUPS_PER_JOB`` events' groups to a job).

A later moment's group (a reminder's, an aftercare message's, a review request's) has a
job of its own, deferred to its moment. Such a job waited days in the queue, and every
fetch with nothing else due walked past all of them (2.3 ms a fetch with 3,100 waiting).
A message further than ``RELEASE_LEAD`` from its moment is now stored ``held``
(``notifications.is_held``) and gets no job when planned; ``release_held`` (the worker's
sweep, each minute) queues the jobs of the held messages whose moment is within
``RELEASE_LEAD``, in one transaction with clearing their mark: a crash before the commit
leaves them held for the next sweep, and a message released is never released again. Its
job then runs at the moment, as before.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import procrastinate
from procrastinate import jobs as job_states
from procrastinate.manager import JobManager
from psycopg import AsyncConnection
from psycopg.rows import dict_row
from psycopg_pool import AsyncConnectionPool
from sqlalchemy import bindparam, select, update

from adapters.postgres.database import Connection
from adapters.postgres.notifications import (
    NOTIFICATION_QUEUE,
    RELEASE_LEAD,
    SEND_NOTIFICATION_TASK,
    is_held,
    notification_of,
)
from adapters.postgres.sql import Statement, constant
from adapters.postgres.tables.notifications import notifications
from booking_domain.notifications import SCHEDULED, Notification, NotificationStatus
from booking_domain.notifications.ports import NotificationQueue
from booking_domain.shared.clock import Clock

_N = notifications.c
_log = logging.getLogger("inkslot.notifications")
# Held messages released by one statement at most; a sweep goes on while it releases this
# many.
RELEASE_BATCH = 500


class ProcrastinateNotificationQueue(NotificationQueue):
    """Send jobs deferred on the unit of work's connection; a later moment's group held
    back without a job until shortly before it (module docstring)."""

    def __init__(self, manager: JobManager, connection: Connection) -> None:
        self._manager = manager
        self._conn = connection

    async def enqueue(self, notifications: Sequence[Notification]) -> None:
        """The held ones (stored so, ``is_held``) are left to the release sweep."""
        groups = send_groups([n for n in notifications if not is_held(n)])
        await _defer(self._manager, self._conn, groups)


async def _defer(
    manager: JobManager, connection: AsyncConnection[Any], groups: Sequence[list[Notification]]
) -> None:
    """A job for each group, on ``connection`` (in its transaction)."""
    if groups:
        jobs = [_send_job(group) for group in groups]
        await manager.batch_defer_jobs_async(jobs, connection=connection)


def release_until(now: datetime) -> datetime:
    """The moments the sweep at ``now`` releases the messages of: up to ``RELEASE_LEAD``
    ahead (and every one past)."""
    return now + RELEASE_LEAD


async def release_held(
    connection: AsyncConnection[Any],
    manager: JobManager,
    until: datetime,
    *,
    batch: int = RELEASE_BATCH,
) -> int:
    """Queue the jobs of the held messages whose moment is at or before ``until``, each job
    deferred to its moment, in the caller's transaction on ``connection``: ``batch``
    messages at most; how many were released (call again while it answers ``batch``)."""
    cursor = connection.cursor(row_factory=dict_row)
    params = {"until": until, "limit": batch}
    rows = await (await cursor.execute(_RELEASE.text, params)).fetchall()
    await _defer(manager, connection, send_groups([notification_of(row) for row in rows]))
    return len(rows)


async def release_all_held(
    pool: AsyncConnectionPool[Any],
    manager: JobManager,
    until: datetime,
    *,
    batch: int = RELEASE_BATCH,
) -> int:
    """``release_held`` a batch to a transaction until none is left; how many in all."""
    released = 0
    while True:
        async with pool.connection() as connection, connection.transaction():
            done = await release_held(connection, manager, until, batch=batch)
        released += done
        if done < batch:
            return released


# Seconds between a worker's release sweeps (every worker sweeps; a message locked by
# another sweep is skipped, never released twice). Well inside ``RELEASE_LEAD``.
RELEASE_EVERY = 60.0
# Every held message, whatever its moment: before going back to a release that never holds
# (``inkslot jobs release-held``; docs/deployment.md, "Rolling back").
EVERY_MOMENT = datetime(9999, 1, 1, tzinfo=UTC)


def psycopg_pool_of(app: procrastinate.App) -> AsyncConnectionPool[Any]:
    """The queue's own connections (the app opened)."""
    connector = app.connector
    if not isinstance(connector, procrastinate.PsycopgConnector):
        raise TypeError("held notifications are released on procrastinate's psycopg connector")
    return connector.pool


async def release_held_forever(app: procrastinate.App, clock: Clock) -> None:
    """The worker's sweep (``entrypoints/worker/runner.py``), beside the queue it feeds: on
    the queue's own connections, at once and then every ``RELEASE_EVERY`` seconds. A
    failure is logged; the next sweep is the retry, minutes before any moment it missed."""
    pool = psycopg_pool_of(app)
    while True:
        try:
            await release_all_held(pool, app.job_manager, release_until(clock.now()))
        except Exception:
            _log.exception("the release of held notifications failed; trying again")
        await asyncio.sleep(RELEASE_EVERY)


def _release() -> Any:
    """The held messages whose moment is at or before ``until``, earliest first, marked no
    longer held; those another transaction has locked are left for the next sweep."""
    due = (
        select(_N.id)
        .where(
            _N.held,
            _N.status == constant(NotificationStatus.PENDING.value),
            _N.next_attempt_at <= bindparam("until", type_=_N.next_attempt_at.type),
        )
        .order_by(_N.next_attempt_at)
        .limit(bindparam("limit"))
        .with_for_update(skip_locked=True)
    )
    return (
        update(notifications)
        .where(_N.id.in_(due.scalar_subquery()))
        .values(held=constant(False))
        .returning(*notifications.c)
    )


_RELEASE = Statement(_release)
# A job's round sends its groups one after another (``SendNotifications``): enough groups
# per job to spare the queue a job per event, few enough that a round stays short.
GROUPS_PER_JOB = 20


def send_groups(notifications: Sequence[Notification]) -> list[list[Notification]]:
    """The jobs' notifications: the groups to send now (an event's), ``GROUPS_PER_JOB`` to
    a job; those waiting for one moment (a reminder's, an aftercare message's, a review
    request's), a job for each moment, scheduled at it (a retried one is sent now)."""
    groups: dict[tuple[object, datetime], list[Notification]] = {}
    for n in notifications:
        groups.setdefault((n.event_id or n.id, n.send_at), []).append(n)
    now = [g for g in groups.values() if g[0].kind not in SCHEDULED]
    later = [g for g in groups.values() if g[0].kind in SCHEDULED]
    chunks = [now[i : i + GROUPS_PER_JOB] for i in range(0, len(now), GROUPS_PER_JOB)]
    return [[n for group in chunk for n in group] for chunk in chunks] + later


# A reminder's job waits days for its moment, and a fetch walks the queue's waiting jobs in
# (priority DESC, id) order until one it may take: ranked below every job to do now, the
# reminders that are queued (those within ``RELEASE_LEAD`` of their moment) are walked only
# when nothing else is to be done, not by every fetch.
REMINDER_PRIORITY = -1


def _send_job(notifications: list[Notification]) -> job_states.Job:
    first = notifications[0]
    later = first.kind in SCHEDULED
    return job_states.Job(
        id=None,
        lock=None,
        queueing_lock=None,
        task_name=SEND_NOTIFICATION_TASK,
        queue=NOTIFICATION_QUEUE,
        task_kwargs={"notification_ids": [str(n.id) for n in notifications]},
        scheduled_at=first.next_attempt_at if later else None,
        priority=REMINDER_PRIORITY if later else 0,
    )
