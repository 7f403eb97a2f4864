"""The unit-of-work types the tests pass around (either adapter serves every context), units
of work on a test's own PostgreSQL database, and a wait for another session's lock."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from adapters.memory.uow import InMemoryUnitOfWork, InMemoryUnitOfWorkFactory
from adapters.postgres.database import Database
from adapters.postgres.uow import PostgresUnitOfWork, PostgresUnitOfWorkFactory
from tests.support.builders import TEST_SECRETS

AnyUnitOfWorkFactory = InMemoryUnitOfWorkFactory | PostgresUnitOfWorkFactory
AnyUnitOfWork = InMemoryUnitOfWork | PostgresUnitOfWork

_WAITING = "SELECT count(*) AS n FROM pg_locks WHERE NOT granted"
_WAITING_FOR_AN_ADVISORY_LOCK = _WAITING + " AND locktype = 'advisory'"


@asynccontextmanager
async def open_database(url: str, *, max_size: int = 4) -> AsyncIterator[Database]:
    """A pool on the database at ``url``, closed after the block."""
    database = Database(url, min_size=1, max_size=max_size)
    await database.open()
    try:
        yield database
    finally:
        await database.close()


@asynccontextmanager
async def postgres_units(
    url: str, *, max_size: int = 4
) -> AsyncIterator[PostgresUnitOfWorkFactory]:
    """Units of work on the database at ``url``, sealing secrets with the test keys."""
    async with open_database(url, max_size=max_size) as database:
        yield PostgresUnitOfWorkFactory(database, secrets=TEST_SECRETS)


async def until_a_lock_is_awaited(
    factory: PostgresUnitOfWorkFactory, *, advisory: bool = False, within_s: float = 10
) -> bool:
    """Polls PostgreSQL (a process to watch, not time to wait for) until some session waits
    for a lock (an advisory one: a calendar's or a turn's, with ``advisory``); False if none
    does in ``within_s`` seconds. A bool, not a failure: the caller holding the lock commits
    first, then says what did not wait."""
    query = _WAITING_FOR_AN_ADVISORY_LOCK if advisory else _WAITING
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        async with factory.database.pool.connection() as conn:
            row = await (await conn.execute(query)).fetchone()
        if row is not None and row["n"]:  # a count: waiting when not 0
            return True
        await asyncio.sleep(0.01)
    return False
