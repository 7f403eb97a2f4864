"""With the database away, a caller waits about 2 s for a connection (then 503), not the
pool's 10 s timeout; with it answering, a busy pool is waited for as long as the timeout."""

from __future__ import annotations

import asyncio
import socket

import psycopg
import pytest

from adapters.postgres.database import NO_CONNECTION_WAIT, Database
from booking_domain.shared.errors import ServiceUnavailableError
from tests.support.builders import TEST_SECRETS
from tests.support.storage import postgres_units

pytestmark = pytest.mark.anyio


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.database_away
async def test_a_pool_whose_database_is_away_waits_briefly() -> None:
    database = Database(f"postgresql://postgres@127.0.0.1:{_closed_port()}/x", min_size=1)
    await database.open()
    try:
        for _ in range(500):  # until the pool's first attempt has failed (another task's)
            if database.connection_wait() == NO_CONNECTION_WAIT:
                break
            await asyncio.sleep(0.01)
        assert database.connection_wait() == NO_CONNECTION_WAIT
        with pytest.raises(ServiceUnavailableError):
            async with postgres_units(database, secrets=TEST_SECRETS)():
                pass
    finally:
        await database.close()


async def test_a_pool_whose_database_answers_waits_its_timeout(database_url: str) -> None:
    database = Database(database_url, min_size=1, timeout=10)
    await database.open()
    try:
        async with postgres_units(database, secrets=TEST_SECRETS)(read_only=True) as uow:
            assert await uow.users.count() == 0
        assert database.connection_wait() == 10
    finally:
        await database.close()


async def test_one_broken_connection_clears_its_idle_neighbours(database_url: str) -> None:
    """After the database restarts, every idle connection of the pool is broken: the first
    request to meet one fails (503), and the pool's others are checked at once, so the next
    requests get working connections instead of a 503 apiece."""
    database = Database(database_url, min_size=3, max_size=3)
    await database.open()
    await database.pool.wait()
    units = postgres_units(database, secrets=TEST_SECRETS)
    try:
        async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as admin:
            await admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        with pytest.raises(ServiceUnavailableError):
            async with units(read_only=True) as uow:
                await uow.users.count()
        await database.idle_checked()
        for _ in range(3):
            async with units(read_only=True) as uow:
                assert await uow.users.count() == 0
    finally:
        await database.close()
