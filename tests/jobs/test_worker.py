"""The worker and its periodic work: holds expire on schedule by the injected clock, a job
left ``doing`` by a killed worker runs again (once), periodic ticks survive a restart,
SIGTERM stops a worker gracefully, and held messages get their jobs near their moment."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

import psycopg
import pytest
from dependency_injector import providers

from adapters.jobs.queue import job_app
from adapters.system.clock import ManualClock
from booking_domain.shared import BookingId
from entrypoints.container import (
    LocalAdapters,
    build_container,
    bundles,
    close_adapters,
    open_adapters,
)
from entrypoints.worker import run_worker
from tests.jobs.helpers import (
    NEVER,
    STALLED_SECONDS,
    a_held_booking,
    eventually,
    kill_hard,
    start_worker,
    stop,
)
from tests.support.builders import START, TEST_JWT_SECRET, cheap_settings
from tests.support.storage import PostgresUnits

pytestmark = [pytest.mark.anyio, pytest.mark.serial]


async def status_of(uow: PostgresUnits, booking_id: BookingId) -> tuple[str, str | None]:
    async with uow(read_only=True) as work:
        booking = await work.bookings.get(booking_id)
    assert booking is not None
    return booking.status.value, booking.cancellation_reason


async def expiry_events(uow: PostgresUnits, booking_id: BookingId) -> int:
    async with uow(read_only=True) as work:
        events = await work.bookings.history(booking_id)
    return sum(1 for e in events if e.kind.value == "expired")


# The worker is cancelled at the end, whatever it is doing: a periodic defer cancelled as it
# failed (UniqueViolation: another tick's) costs its connection, and the pool a new one.
@pytest.mark.connections_dropped
async def test_a_hold_expires_on_the_next_tick_by_the_injected_clock(
    database_url: str, uow: PostgresUnits
) -> None:
    booking = await a_held_booking(uow, START)
    assert booking.hold_expires_at is not None
    settings = cheap_settings(database_url=database_url, expire_holds_cron="* * * * * *")
    clock = ManualClock(START)
    adapters = LocalAdapters(
        settings=settings, jwt_secret=TEST_JWT_SECRET, database_url=database_url
    )
    adapters.clock.override(providers.Object(clock))
    core = build_container(settings, jwt_secret=TEST_JWT_SECRET, adapters=adapters)
    await open_adapters(core)
    worker = asyncio.create_task(run_worker(settings, bundles(core), install_signal_handlers=False))
    try:
        await eventually(lambda: _ticked(database_url), within=30)  # ticks run ...
        assert await status_of(uow, booking.id) == ("pending", None)  # ... the hold is live
        clock.set(booking.hold_expires_at)
        await eventually(lambda: _is(uow, booking.id, ("cancelled", "expired")), within=30)
        assert await expiry_events(uow, booking.id) == 1
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker
        await close_adapters(core)


async def _is(uow: PostgresUnits, booking_id: BookingId, expected: tuple[str, str]) -> bool:
    return await status_of(uow, booking_id) == expected


async def _ticked(database_url: str, since: int = 0) -> bool:
    return await _latest_tick(database_url) > since


async def _latest_tick(database_url: str) -> int:
    """The Unix second of the newest periodic hold sweep a worker deferred (0: none yet)."""
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        row = await (
            await conn.execute(
                "SELECT coalesce(max(defer_timestamp), 0) FROM procrastinate_periodic_defers"
                " WHERE task_name = 'inkslot:expire_holds'"
            )
        ).fetchone()
    return int(row[0]) if row else 0


async def test_a_job_of_a_killed_worker_runs_again_exactly_once(
    database_url: str, uow: PostgresUnits, tmp_path: Path
) -> None:
    """The job is caught mid-run (it waits on a table lock the test holds), its worker is
    killed with SIGKILL, and only another worker's stalled-job sweep can run it again."""
    booking = await a_held_booking(uow, START)  # the real clock is far past START's hold
    log = tmp_path / "worker.log"
    env = {
        "INKSLOT_EXPIRE_HOLDS_CRON": NEVER,
        "INKSLOT_PURGE_CRON": NEVER,
        "INKSLOT_WORKER_STALLED_SECONDS": STALLED_SECONDS,
    }
    async with await psycopg.AsyncConnection.connect(database_url) as blocker:
        await blocker.execute("LOCK TABLE bookings IN ACCESS EXCLUSIVE MODE")
        first = await start_worker(database_url, log, **env)
        try:
            app = job_app(database_url)
            async with app.open_async():
                job_id = await app.configure_task("inkslot:expire_holds").defer_async(timestamp=0)
            await eventually(lambda: _job_status(database_url, job_id, "doing"), within=30, log=log)
        finally:
            kill_hard(first)
        await blocker.rollback()  # the lock goes; the job stays "doing" with a dead worker
    assert await _job_status(database_url, job_id, "doing")
    second = await start_worker(database_url, log, **env)
    try:
        await eventually(lambda: _is(uow, booking.id, ("cancelled", "expired")), within=60, log=log)
        await eventually(lambda: _job_gone(database_url, job_id), within=10, log=log)
        assert await expiry_events(uow, booking.id) == 1
    finally:
        assert stop(second) == 0, log.read_text()[-2000:]


async def test_periodic_ticks_keep_coming_after_a_worker_restart(
    database_url: str, tmp_path: Path
) -> None:
    log = tmp_path / "worker.log"
    env = {"INKSLOT_EXPIRE_HOLDS_CRON": "* * * * * *", "INKSLOT_PURGE_CRON": NEVER}
    worker = await start_worker(database_url, log, **env)
    try:
        await eventually(lambda: _ticked(database_url), within=30, log=log)
    finally:
        kill_hard(worker)
    before = await _latest_tick(database_url)
    worker = await start_worker(database_url, log, **env)
    try:
        await eventually(lambda: _ticked(database_url, since=before + 2), within=30, log=log)
    finally:
        assert stop(worker) == 0, log.read_text()[-2000:]


async def _job_status(database_url: str, job_id: int, status: str) -> bool:
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        row = await (
            await conn.execute(
                "SELECT status::text FROM procrastinate_jobs WHERE id = %s", (job_id,)
            )
        ).fetchone()
    return row is not None and row[0] == status


async def _job_gone(database_url: str, job_id: int) -> bool:
    """Succeeded: the worker deletes successful jobs (failed ones are kept)."""
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        row = await (
            await conn.execute("SELECT 1 FROM procrastinate_jobs WHERE id = %s", (job_id,))
        ).fetchone()
    return row is None


async def test_a_worker_behind_pgbouncer_polls_and_runs_each_job_once(
    database_url: str, pooled: str, uow: PostgresUnits, tmp_path: Path
) -> None:
    """Only a transaction pooler between the worker and the database: LISTEN cannot pass,
    so the worker polls; a job deferred through the pooler runs, once."""
    booking = await a_held_booking(uow, START)  # the real clock is far past START's hold
    log = tmp_path / "worker.log"
    env = {
        "INKSLOT_EXPIRE_HOLDS_CRON": NEVER,
        "INKSLOT_PURGE_CRON": NEVER,
        "INKSLOT_DATABASE_POOLER": "transaction",
    }
    worker = await start_worker(pooled, log, **env)
    try:
        app = job_app(pooled, behind_pooler=True)
        async with app.open_async():
            for _ in range(3):  # three sweeps: the booking expires by the first, once
                await app.configure_task("inkslot:expire_holds").defer_async(timestamp=0)
        await eventually(lambda: _is(uow, booking.id, ("cancelled", "expired")), within=60, log=log)
        await eventually(lambda: _no_jobs_left(database_url), within=30, log=log)
        assert await expiry_events(uow, booking.id) == 1
    finally:
        assert stop(worker) == 0, log.read_text()[-2000:]
    assert "Traceback" not in log.read_text()


async def _no_jobs_left(database_url: str) -> bool:
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        row = await (
            await conn.execute(
                "SELECT count(*) FROM procrastinate_jobs WHERE status IN ('todo', 'doing')"
            )
        ).fetchone()
    return row is not None and row[0] == 0


# Cancelled at the end like the hold test's worker, whatever it is doing.
@pytest.mark.connections_dropped
async def test_a_worker_queues_the_job_of_a_held_message_near_its_moment_as_it_starts(
    database_url: str, uow: PostgresUnits
) -> None:
    """The release sweep runs in every worker, first as it starts: a reminder held until
    near its moment gets its job, to run at that moment; one further ahead stays held."""
    soon, later = datetime.now(UTC) + timedelta(minutes=5), datetime.now(UTC) + timedelta(days=2)
    ids = {moment: uuid4() for moment in (soon, later)}
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        user = uuid4()
        await conn.execute(
            "INSERT INTO users (id, email, name, role, password_hash)"
            " VALUES (%s, %s, 'N', 'customer', 'x')",
            (user, f"held-{user}@example.com"),
        )
        for moment, n_id in ids.items():
            await conn.execute(
                "INSERT INTO notifications (id, key, kind, category, channel, recipient_id,"
                " party, data, send_at, status, attempts, next_attempt_at, held, created_at,"
                " updated_at) VALUES (%s, %s, 'booking.reminder', 'reminder', 'email', %s,"
                " 'customer', '{}', %s, 'pending', 0, %s, true, now(), now())",
                (n_id, f"key-{n_id}", user, moment, moment),
            )
    settings = cheap_settings(database_url=database_url)
    core = build_container(settings, jwt_secret=TEST_JWT_SECRET)
    await open_adapters(core)
    worker = asyncio.create_task(run_worker(settings, bundles(core), install_signal_handlers=False))
    try:
        await eventually(lambda: _job_for(database_url, ids[soon]), within=30)
        assert not await _job_for(database_url, ids[later])
    finally:
        worker.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await worker
        await close_adapters(core)


async def _job_for(database_url: str, notification_id: UUID) -> bool:
    async with await psycopg.AsyncConnection.connect(database_url) as conn:
        row = await (
            await conn.execute(
                "SELECT count(*) FROM procrastinate_jobs WHERE args->'notification_ids' ? %s",
                (str(notification_id),),
            )
        ).fetchone()
    return bool(row and row[0])
