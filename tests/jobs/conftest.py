"""Units of work on this test's database, for the tests of what workers do."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.postgres.database import Database
from tests.support.builders import TEST_SECRETS
from tests.support.storage import PostgresUnits, postgres_units


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[PostgresUnits]:
    database = Database(database_url, min_size=1, max_size=4)
    await database.open()
    try:
        yield postgres_units(database, secrets=TEST_SECRETS)
    finally:
        await database.close()
