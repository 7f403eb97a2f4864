"""The suite's guard against pool stalls (tests/support/pool_waits.py) sees a long wait for
a connection: one held while another caller waits past the limit is recorded, with its
pool's name."""

from __future__ import annotations

import pytest
from psycopg_pool import PoolTimeout

from adapters.postgres.database import Database
from tests.support.pool_waits import LONGEST_WAIT, PoolWaits

pytestmark = pytest.mark.anyio


async def test_a_wait_past_the_limit_is_seen(database_url: str, pool_waits: PoolWaits) -> None:
    database = Database(database_url, min_size=1, max_size=1, name="held")
    await database.open()
    try:
        async with database.pool.connection():
            assert pool_waits.longest <= LONGEST_WAIT
            with pytest.raises(PoolTimeout):
                await database.pool.getconn(timeout=LONGEST_WAIT + 0.2)
        assert pool_waits.longest > LONGEST_WAIT
        assert pool_waits.pool == "held"
    finally:
        await database.close()
        pool_waits.reset()  # seen: this test's own wait is not a stall
