"""Units of work on this test's database, for the tests of what workers do."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.postgres.uow import PostgresUnitOfWorkFactory
from tests.support.storage import postgres_units


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[PostgresUnitOfWorkFactory]:
    async with postgres_units(database_url) as units:
        yield units
