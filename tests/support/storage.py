"""The units of work the tests open: the app's own (every registered context's storage part,
composed as the container composes them: ``entrypoints.container.units``), units of work on
a test's own PostgreSQL database, and a wait for another session's lock.

For mypy they are one class each that includes the topmost parts, so a test reaches any
repository with its own type; at run time they are the composed classes themselves.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from adapters.memory.store import InMemoryStore
from adapters.memory.uow_factory import InMemoryUnitOfWorkFactory
from adapters.postgres.database import Database
from adapters.postgres.replica import ReplicaReads
from adapters.postgres.uow_factory import PostgresUnitOfWorkFactory
from booking_domain.shared import SecretBox
from entrypoints.container.units import memory_unit, postgres_unit
from tests.support.builders import TEST_SECRETS

if TYPE_CHECKING:
    from adapters.memory.parts import calendars as memory_calendars
    from adapters.memory.parts import disputes as memory_disputes
    from adapters.memory.parts import privacy as memory_privacy
    from adapters.memory.parts import search as memory_search
    from adapters.memory.parts import telegram as memory_telegram
    from adapters.postgres.parts import analytics, calendars, disputes, privacy, search, telegram

    class PostgresUnitOfWork(
        telegram.Part, privacy.Part, analytics.Part, search.Part, disputes.Part, calendars.Part
    ):
        """Every context's PostgreSQL part."""

    class InMemoryUnitOfWork(
        memory_telegram.Part,
        memory_privacy.Part,
        memory_search.Part,
        memory_disputes.Part,
        memory_calendars.Part,
    ):
        """Every context's in-memory part."""

else:
    PostgresUnitOfWork = postgres_unit()
    InMemoryUnitOfWork = memory_unit()

PostgresUnits = PostgresUnitOfWorkFactory[PostgresUnitOfWork]
MemoryUnits = InMemoryUnitOfWorkFactory[InMemoryUnitOfWork]
AnyUnitOfWorkFactory = MemoryUnits | PostgresUnits
AnyUnitOfWork = InMemoryUnitOfWork | PostgresUnitOfWork

__all__ = [
    "AnyUnitOfWork",
    "AnyUnitOfWorkFactory",
    "InMemoryUnitOfWork",
    "InMemoryUnitOfWorkFactory",
    "MemoryUnits",
    "PostgresUnitOfWork",
    "PostgresUnitOfWorkFactory",
    "PostgresUnits",
    "memory_units",
    "open_database",
    "postgres_units",
    "postgres_units_at",
    "until_a_lock_is_awaited",
]

_WAITING = "SELECT count(*) AS n FROM pg_locks WHERE NOT granted"
_WAITING_FOR_AN_ADVISORY_LOCK = _WAITING + " AND locktype = 'advisory'"


def postgres_units(
    database: Database, *, secrets: SecretBox, replica: ReplicaReads | None = None
) -> PostgresUnits:
    """The app's PostgreSQL units of work on ``database``."""
    return PostgresUnitOfWorkFactory(
        database, unit=PostgresUnitOfWork, secrets=secrets, replica=replica
    )


def memory_units(store: InMemoryStore | None = None) -> MemoryUnits:
    """The app's in-memory units of work over ``store`` (a new one by default)."""
    return InMemoryUnitOfWorkFactory(unit=InMemoryUnitOfWork, store=store)


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
async def postgres_units_at(url: str, *, max_size: int = 4) -> AsyncIterator[PostgresUnits]:
    """Units of work on the database at ``url``, sealing secrets with the test keys."""
    async with open_database(url, max_size=max_size) as database:
        yield postgres_units(database, secrets=TEST_SECRETS)


async def until_a_lock_is_awaited(
    factory: PostgresUnits, *, advisory: bool = False, within_s: float = 10
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
