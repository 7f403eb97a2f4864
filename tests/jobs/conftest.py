"""Units of work on this test's database, for the tests of what workers do."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.storage import PostgresUnits, postgres_units_at


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[PostgresUnits]:
    async with postgres_units_at(database_url) as units:
        yield units
