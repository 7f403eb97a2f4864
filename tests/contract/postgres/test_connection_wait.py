"""With the database away, a caller waits about 2 s for a connection (then 503), not the
pool's 10 s timeout; with it answering, a busy pool is waited for as long as the timeout."""

from __future__ import annotations

import asyncio
import socket

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
