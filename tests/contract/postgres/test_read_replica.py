"""Lagging reads on a real streaming replica (``pg_basebackup`` from the embedded binaries):
they go to the replica while it is within its staleness bound, to the primary when it trails
further, does not answer or is no standby; every other unit of work reads the primary."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.postgres.database import Database
from adapters.postgres.replica import ReplicaReads
from booking_domain.shared import ServiceUnavailableError
from tests.support.builders import TEST_SECRETS
from tests.support.replication import Replicated
from tests.support.storage import PostgresUnits, postgres_units

pytestmark = [pytest.mark.anyio, pytest.mark.postgres, pytest.mark.serial]
MAX_LAG = 5.0


class Clock:
    """Seconds that move only when the test says (the monitor's clock)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def pair(replicated: Replicated) -> Replicated:
    return replicated


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def reads(pair: Replicated, clock: Clock) -> AsyncIterator[ReplicaReads]:
    primary = Database(pair.primary_url, min_size=1, max_size=4)
    replica = Database(pair.replica_url, min_size=1, max_size=4, name="inkslot-replica")
    await primary.open()
    await replica.open()
    yield ReplicaReads(primary, replica, max_lag=MAX_LAG, clock=clock)
    await replica.close()
    await primary.close()


async def _served_by_replica(factory: PostgresUnits, **knobs: bool) -> bool:
    async with factory(**knobs) as uow:
        row = await (await uow.connection.execute("SELECT pg_is_in_recovery() AS r")).fetchone()
    assert row is not None
    return bool(row["r"])


async def _note(factory: PostgresUnits, text: str) -> None:
    """A committed write on the primary (a row the replica may not have yet)."""
    async with factory() as uow:
        await uow.connection.execute(
            "CREATE TABLE IF NOT EXISTS replica_notes (text text NOT NULL)"
        )
        await uow.connection.execute("INSERT INTO replica_notes VALUES (%s)", (text,))
        await uow.commit()


async def _notes(factory: PostgresUnits) -> set[str]:
    async with factory(read_only=True, may_lag=True) as uow:
        rows = await (await uow.connection.execute("SELECT text FROM replica_notes")).fetchall()
    return {str(row["text"]) for row in rows}


async def _caught_up(pair: Replicated, reads: ReplicaReads) -> None:
    """Measure once the replica has replayed the primary's position. The primary writes
    WAL of its own now and then (checkpoints), so a measurement may come just after such a
    record: then measure again, after the replica replays it."""
    for _ in range(20):
        pair.wait_replayed()
        await reads.measure()
        if reads.staleness is not None:
            return
    raise AssertionError("the replica never measured as caught up")


async def test_lagging_reads_go_to_a_measured_replica_and_nothing_else_does(
    pair: Replicated, reads: ReplicaReads
) -> None:
    factory = postgres_units(reads.primary, secrets=TEST_SECRETS, replica=reads)
    assert not await _served_by_replica(factory, read_only=True, may_lag=True)  # not measured
    await _caught_up(pair, reads)
    assert reads.staleness == 0.0
    assert await _served_by_replica(factory, read_only=True, may_lag=True)
    assert not await _served_by_replica(factory, read_only=True)
    assert not await _served_by_replica(factory)
    assert not await _served_by_replica(factory, may_lag=True)  # a writer never lags


async def test_a_replica_past_its_bound_gives_way_to_the_primary_until_it_catches_up(
    pair: Replicated, reads: ReplicaReads, clock: Clock
) -> None:
    factory = postgres_units(reads.primary, secrets=TEST_SECRETS, replica=reads)
    await _note(factory, "before")
    await _caught_up(pair, reads)
    pair.pause_replay()
    try:
        await _note(factory, "while paused")
        clock.now += 1
        await reads.measure()  # the replica missed the last second's write
        assert reads.staleness == pytest.approx(1.0)
        assert reads.database() is reads.replica
        assert "while paused" not in await _notes(factory)  # lagging, within the bound
        clock.now += MAX_LAG
        assert reads.database() is reads.primary  # the bound, aged since the measurement
        await reads.measure()
        assert reads.database() is reads.primary
        assert "while paused" in await _notes(factory)
    finally:
        pair.resume_replay()
    clock.now += 1
    await _caught_up(pair, reads)
    assert reads.staleness == 0.0 and reads.database() is reads.replica
    assert "while paused" in await _notes(factory)


async def test_an_idle_primary_is_not_lag(
    pair: Replicated, reads: ReplicaReads, clock: Clock
) -> None:
    await _caught_up(pair, reads)
    clock.now += 60 * MAX_LAG  # nothing of ours written meanwhile: time alone is not lag
    await _caught_up(pair, reads)
    assert reads.staleness == 0.0 and reads.database() is reads.replica


async def test_a_url_that_is_no_standby_is_never_used_for_lagging_reads(
    pair: Replicated, clock: Clock
) -> None:
    primary = Database(pair.primary_url, min_size=1, max_size=2)
    mistaken = Database(pair.primary_url, min_size=1, max_size=2)
    await primary.open()
    await mistaken.open()
    try:
        reads = ReplicaReads(primary, mistaken, max_lag=MAX_LAG, clock=clock)
        await reads.measure()
        assert reads.staleness is None and reads.database() is primary
    finally:
        await mistaken.close()
        await primary.close()


@pytest.mark.database_away
async def test_a_replica_that_stops_answering_hands_its_reads_to_the_primary(
    pair: Replicated, reads: ReplicaReads
) -> None:
    factory = postgres_units(reads.primary, secrets=TEST_SECRETS, replica=reads)
    await _note(factory, "kept")
    await _caught_up(pair, reads)
    assert reads.database() is reads.replica
    pair.replica.stop()
    try:
        # Measured fresh a moment ago: the first reader finds it gone (a 503 to its caller,
        # nothing changed) and the replica is distrusted; the next reads go to the primary.
        with pytest.raises(ServiceUnavailableError):
            await _notes(factory)
        assert reads.staleness is None
        assert "kept" in await _notes(factory)
        await reads.measure()
        assert reads.database() is reads.primary
    finally:
        pair.replica.start()
    await _caught_up(pair, reads)
    assert await _served_by_replica(factory, read_only=True, may_lag=True)
