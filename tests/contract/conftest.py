"""Contract suites run once per adapter: in memory and on real PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from adapters.memory.uow import InMemoryUnitOfWorkFactory
from adapters.postgres.engine import create_engine
from adapters.postgres.uow import PostgresUnitOfWorkFactory
from booking_domain.ports import UnitOfWorkFactory


@pytest.fixture(params=["memory", "postgres"])
async def uow_factory(request: pytest.FixtureRequest) -> AsyncIterator[UnitOfWorkFactory]:
    if request.param == "memory":
        yield InMemoryUnitOfWorkFactory()
        return
    url = request.getfixturevalue("database_url")
    engine = create_engine(url, pool_size=4)
    try:
        yield PostgresUnitOfWorkFactory(engine)
    finally:
        await engine.dispose()
