"""Reads that may lag, on a streaming replica, for as long as it trails by no more than a
bound.

The staleness rule: a read the domain marks ``may_lag`` (``booking_domain.shared.freshness``)
goes to the replica only while the replica is known to hold every change the primary had
committed ``max_lag`` seconds ago or later; otherwise (the replica trails further, does not
answer, or has not been measured lately) it goes to the primary. A read on the replica is
therefore never more than ``max_lag`` seconds old.

How the bound is known: every ``every`` seconds the monitor reads the primary's WAL position
(``pg_current_wal_lsn()``: every transaction committed before that instant lies at or
before it) and then the replica's replayed position (``pg_last_wal_replay_lsn()``). The
replica holds everything the primary had committed at the latest sampled instant whose
position it has replayed, so its staleness at the time of the measurement is at most the
time since that instant (:class:`LagGauge`). Between measurements the bound grows with the
time that has passed (replay only moves forwards): a read at ``now`` trusts the replica
while ``staleness + (now - measured_at) <= max_lag``. With ``synchronous_commit = off`` a
commit may wait in memory for the WAL writer (``wal_writer_delay``, 200 ms by default)
before its position is reached: the bound does not cover that wait. An idle primary does
not count as lag (its position does not move, so the replica has replayed the latest
sample).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

import psycopg
from psycopg_pool import PoolTimeout

from adapters.postgres.database import Database
from adapters.postgres.tuned.server import PRIMARY_POSITION, REPLAYED_POSITION

_log = logging.getLogger("inkslot.replica")


@dataclass
class LagGauge:
    """The primary's WAL positions at the instants they were read, kept for ``horizon``
    seconds, and what they say of a replica's staleness."""

    horizon: float
    _samples: deque[tuple[float, int]] = field(default_factory=deque)

    def primary_at(self, at: float, position: int) -> None:
        """The primary was at ``position`` at instant ``at`` (instants never go back)."""
        self._samples.append((at, position))
        while self._samples and self._samples[0][0] < at - self.horizon:
            self._samples.popleft()

    def staleness(self, at: float, replayed: int) -> float | None:
        """At most how many seconds the replica, having replayed up to ``replayed`` when
        read at ``at``, trails the primary: the time since the latest sampled instant whose
        position it has reached. None when it has reached none of the kept samples (it
        trails by more than the horizon, as far as anyone can tell)."""
        for sampled_at, position in reversed(self._samples):
            if position <= replayed:
                return max(0.0, at - sampled_at)
        return None


class ReplicaReads:
    """Chooses the database a lagging read runs on, and keeps measuring the replica.

    ``database()`` is the replica while its staleness bound holds, the primary otherwise.
    :meth:`measure` takes one measurement (the monitor started by :meth:`open` runs it every
    ``every`` seconds; tests call it themselves with a clock of their own).
    """

    def __init__(
        self,
        primary: Database,
        replica: Database,
        *,
        max_lag: float,
        every: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.primary = primary
        self.replica = replica
        self.max_lag = max_lag
        self.every = every if every is not None else min(1.0, max_lag / 4)
        self._clock = clock
        self._gauge = LagGauge(horizon=max(max_lag * 2, 10 * self.every))
        self._measured: tuple[float, float] | None = None  # (at, staleness)
        self._monitor: asyncio.Task[None] | None = None
        self._refusal_logged = False

    @property
    def staleness(self) -> float | None:
        """The bound on the replica's staleness now, or None when it is not known."""
        if self._measured is None:
            return None
        at, staleness = self._measured
        return staleness + max(0.0, self._clock() - at)

    def fresh_enough(self) -> bool:
        staleness = self.staleness
        return staleness is not None and staleness <= self.max_lag

    def database(self) -> Database:
        """Where a lagging read goes now."""
        return self.replica if self.fresh_enough() else self.primary

    def distrust(self) -> None:
        """The replica failed a reader: lagging reads go to the primary until the next
        measurement that succeeds."""
        self._measured = None

    async def measure(self) -> None:
        """Read the primary's position, then the replica's; the replica is distrusted when
        either cannot be read, or when it is not a standby (a promoted or mistaken URL)."""
        try:
            async with self.primary.statement_connection() as conn:
                row = await (await conn.execute(PRIMARY_POSITION)).fetchone()
            self._gauge.primary_at(self._clock(), _position(row))
            async with self.replica.statement_connection() as conn:
                replica = await (await conn.execute(REPLAYED_POSITION)).fetchone()
        except (psycopg.Error, PoolTimeout, OSError) as exc:
            _log.warning("cannot measure the read replica (%s): reading from the primary", exc)
            self.distrust()
            return
        if replica is None or replica["standby"] is not True or replica["position"] is None:
            if not self._refusal_logged:
                _log.warning("the read replica is not a standby: reading from the primary")
                self._refusal_logged = True
            self.distrust()
            return
        at = self._clock()
        staleness = self._gauge.staleness(at, _position(replica))
        self._measured = None if staleness is None else (at, staleness)

    async def open(self) -> None:
        await self.replica.open()
        self._monitor = asyncio.create_task(self._measure_forever(), name="replica-monitor")

    async def close(self) -> None:
        if self._monitor is not None:
            self._monitor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._monitor
            self._monitor = None
        await self.replica.close()

    async def _measure_forever(self) -> None:
        while True:
            await self.measure()
            await asyncio.sleep(self.every)


def _position(row: dict[str, object] | None) -> int:
    position = None if row is None else row.get("position")
    if not isinstance(position, int):
        raise psycopg.DataError("no WAL position")  # pg_current_wal_lsn() is never NULL
    return position
