"""Contract suites run once per adapter: in memory and on real PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.memory.uow import InMemoryUnitOfWorkFactory
from adapters.postgres.database import Database
from adapters.postgres.uow import PostgresUnitOfWorkFactory
from tests.support.builders import TEST_SECRETS
from tests.support.storage import AnyUnitOfWorkFactory


@pytest.fixture(params=["memory", "postgres"])
async def uow_factory(request: pytest.FixtureRequest) -> AsyncIterator[AnyUnitOfWorkFactory]:
    if request.param == "memory":
        yield InMemoryUnitOfWorkFactory()
        return
    url = request.getfixturevalue("database_url")
    database = Database(url, min_size=1, max_size=8)
    await database.open()
    try:
        yield PostgresUnitOfWorkFactory(database, secrets=TEST_SECRETS)
    finally:
        await database.close()
