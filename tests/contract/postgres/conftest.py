"""What only PostgreSQL shows: a pool on the test's own database."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.postgres.database import Database
from tests.support.storage import open_database


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    async with open_database(database_url, max_size=2) as database:
        yield database
