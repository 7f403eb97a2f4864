"""A booking whose hold runs out, a worker as its own process, and waiting for a condition
with a deadline (the worker acts on its own schedule; the tests never sleep for time)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path

from booking_domain.bookings import Booking, record_new, request_booking
from booking_domain.catalog import FixedDeposit
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Money
from booking_domain.testing.builders import open_all_week
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.cli import cli_env
from tests.support.storage import AnyUnitOfWorkFactory

NEVER = "0 0 1 1 *"  # a periodic tick that does not come during a test
# A killed worker is taken for dead after this many seconds of silence (20 by default): its
# jobs come back within about 9 s instead of 30, while a living worker's heartbeat (every
# 1.5 s) may still be three beats late on a busy machine before it is.
STALLED_SECONDS = "6"


async def a_held_booking(uow: AnyUnitOfWorkFactory, now: datetime) -> Booking:
    """A pending booking awaiting its deposit, requested at ``now`` (its hold runs out some
    minutes later, by the artist's policy)."""
    artist = await add_bookable_artist(uow, deposit=FixedDeposit(Money(10_000, "MNT")))
    customer = await add_user(uow)
    start = now.replace(minute=0, second=0, microsecond=0) + timedelta(days=3)
    booking, event = request_booking(
        by=customer, service=artist.service, artist_user_id=artist.user_id,
        policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
        start=start, now=now,
    )  # fmt: skip
    async with uow() as work:
        await record_new(work, booking, event)
        await work.commit()
    assert booking.hold_expires_at is not None
    return booking


async def eventually(
    check: Callable[[], Awaitable[bool]], *, within: float, log: Path | None = None
) -> None:
    """Wait for ``check`` to hold, looking every 0.1 s; after ``within`` seconds fail, with
    the end of the worker's ``log`` when one is given (what the worker was doing)."""
    deadline = time.monotonic() + within
    while not await check():
        if time.monotonic() > deadline:
            told = f"; the worker's log ends:\n{_tail(log)}" if log else ""
            raise AssertionError(f"not within {within} s{told}")
        await asyncio.sleep(0.1)


# How long a worker process may take to say it has started. The job tests run first in the
# serial part, while the session's walks start fifteen servers at once: on a slow machine a
# worker's imports alone have taken more than 30 s then. The tests' own deadlines count from
# a started worker, so they are about the worker's work, not about a busy machine.
START_WITHIN = 300
STARTED = "worker started: "


async def start_worker(database_url: str, log: Path, **env: str) -> subprocess.Popen[bytes]:
    """``inkslot worker`` as its own process (logging to ``log``, appended), returned once
    it has logged that it started; a worker that exits before fails the test with its log."""
    starts_before = _starts_in(log)
    process = _spawn_worker(database_url, log, env)

    async def started() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"the worker exited ({process.returncode}): {_tail(log)}")
        return _starts_in(log) > starts_before

    try:
        await eventually(started, within=START_WITHIN, log=log)
    except BaseException:
        if process.poll() is None:
            kill_hard(process)
        raise
    return process


def _spawn_worker(database_url: str, log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
    settings = cli_env(
        INKSLOT_DATABASE_URL=database_url,
        INKSLOT_MIGRATE_ON_START="false",  # a clone of the migrated template
        INKSLOT_SEED_DEMO_DATA="false",
        INKSLOT_LOG_LEVEL="INFO",
        **env,
    )
    return subprocess.Popen(
        [sys.executable, "-m", "entrypoints.cli", "worker", "--concurrency", "2"],
        env=settings,
        stdout=subprocess.DEVNULL,
        stderr=open(log, "ab"),
        start_new_session=True,
    )


def _starts_in(log: Path) -> int:
    return _text_of(log).count(STARTED)


def _tail(log: Path) -> str:
    return _text_of(log)[-2000:] if log.exists() else "(no log)"


def _text_of(log: Path) -> str:
    """The log as it is now: a worker may be writing a line (a character cut short reads
    as a stand-in, never as an error)."""
    return log.read_bytes().decode("utf-8", "replace") if log.exists() else ""


def kill_hard(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)


def stop(process: subprocess.Popen[bytes]) -> int:
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=60)
