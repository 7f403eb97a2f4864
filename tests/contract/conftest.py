"""Contract suites run once per adapter: in memory and on real PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.postgres.database import Database
from tests.support.builders import TEST_SECRETS
from tests.support.storage import (
    AnyUnitOfWorkFactory,
    memory_units,
    postgres_units,
)


@pytest.fixture(params=["memory", "postgres"])
async def uow_factory(request: pytest.FixtureRequest) -> AsyncIterator[AnyUnitOfWorkFactory]:
    if request.param == "memory":
        yield memory_units()
        return
    url = request.getfixturevalue("database_url")
    database = Database(url, min_size=1, max_size=8)
    await database.open()
    try:
        yield postgres_units(database, secrets=TEST_SECRETS)
    finally:
        await database.close()
