"""No test waits for a pooled connection: every wait for one in the test process is timed,
and a test in which one took longer than ``LONGEST_WAIT`` fails.

A wait that long in a test is never the database being slow: it is a harness fault (a
connection handed back on one event loop while a waiter sleeps on another, woken only by its
timeout) or a connection leaked by the code under test, and either one used to cost minutes
of the suite without failing anything. What counts is the time the waiter's event loop was
free to wake it: while the loop is busy with other work (a second of OpenAPI schema built in
a request, a machine that gives the process no core for a while), nothing could have woken
the waiter anyway, so that time is not the pool's.

Tests whose database is away on purpose (a 503 when it does not answer) wait by design; they
say so with ``@pytest.mark.database_away``. So do tests that cancel a worker in the middle of
its queries (``@pytest.mark.connections_dropped``): psycopg closes a connection whose query
was cancelled as it failed, and the pool's next waiter waits for a new connection, which on
a loaded machine takes more than a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
import weakref
from collections.abc import Iterator
from typing import Any

import pytest
from psycopg_pool import AsyncConnectionPool

# Seconds of the loop's free time. The faults this guard exists for wait the pool's whole
# timeout (10 s by default) or forever; an honest wait is for a new connection to be made,
# which on a loaded 2-core machine (the serial suite beside this one) took 1.03 s once.
LONGEST_WAIT = 3.0
TICK = 0.02  # how often a watched loop is checked for being busy


class LoopBusy:
    """How long a loop has been too busy to run a ready task, in total, counted while at least
    one wait watches it (a task that sleeps ``TICK`` and sees how late it woke)."""

    def __init__(self) -> None:
        self._busy = 0.0
        self._slept_at: float | None = None
        self._watchers = 0
        self._task: asyncio.Task[None] | None = None

    def busy(self) -> float:
        """In total so far, the beat under way included (it may not have woken yet)."""
        late = 0.0 if self._slept_at is None else time.monotonic() - self._slept_at - TICK
        return self._busy + max(0.0, late)

    def watch(self) -> None:
        self._watchers += 1
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._beat())

    def unwatch(self) -> None:
        self._watchers -= 1
        if not self._watchers and self._task is not None:
            self._task.cancel()
            self._task, self._slept_at = None, None

    async def _beat(self) -> None:
        with contextlib.suppress(asyncio.CancelledError):
            while True:
                self._slept_at = time.monotonic()
                await asyncio.sleep(TICK)
                self._busy += max(0.0, time.monotonic() - self._slept_at - TICK)
                self._slept_at = None


class PoolWaits:
    """The longest wait for a connection since the last :meth:`reset`, in the waiting loop's
    free time."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.pool = ""
        self._loops: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, LoopBusy] = (
            weakref.WeakKeyDictionary()
        )

    def reset(self) -> None:
        self.longest, self.pool = 0.0, ""

    def loop_busy(self) -> LoopBusy:
        return self._loops.setdefault(asyncio.get_running_loop(), LoopBusy())

    def record(self, seconds: float, pool: str) -> None:
        if seconds > self.longest:
            self.longest, self.pool = seconds, pool


@pytest.fixture(scope="session")
def pool_waits() -> Iterator[PoolWaits]:
    """Times ``AsyncConnectionPool.getconn`` (``connection()`` goes through it) for the
    session."""
    waits = PoolWaits()
    getconn = AsyncConnectionPool.getconn

    async def timed_getconn(self: AsyncConnectionPool[Any], timeout: float | None = None) -> Any:  # noqa: ASYNC109 - the signature it stands in for
        loop = waits.loop_busy()
        loop.watch()
        started, busy_before = time.monotonic(), loop.busy()
        try:
            return await getconn(self, timeout)
        finally:
            free = time.monotonic() - started - (loop.busy() - busy_before)
            loop.unwatch()
            waits.record(free, self.name)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(AsyncConnectionPool, "getconn", timed_getconn)
        yield waits


@pytest.fixture(autouse=True)
def no_long_pool_wait(request: pytest.FixtureRequest, pool_waits: PoolWaits) -> Iterator[None]:
    pool_waits.reset()
    yield
    waits_by_design = ("database_away", "connections_dropped")
    if not any(request.node.get_closest_marker(name) for name in waits_by_design):
        assert pool_waits.longest <= LONGEST_WAIT, (
            f"a wait for a connection of pool {pool_waits.pool!r} took "
            f"{pool_waits.longest:.2f} s of its loop's free time (more than {LONGEST_WAIT} s): "
            "a harness stall or a leaked connection (tests/support/pool_waits.py)"
        )
