"""Units of work on this test's database, for the tests of what workers do."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.postgres.database import Database
from adapters.postgres.uow import PostgresUnitOfWorkFactory
from tests.support.builders import TEST_SECRETS


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[PostgresUnitOfWorkFactory]:
    database = Database(database_url, min_size=1, max_size=4)
    await database.open()
    try:
        yield PostgresUnitOfWorkFactory(database, secrets=TEST_SECRETS)
    finally:
        await database.close()
