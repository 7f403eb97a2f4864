"""Contract suites run once per adapter: in memory and on real PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.support.storage import (
    AnyUnitOfWorkFactory,
    PostgresUnits,
    memory_units,
    postgres_units_at,
)


@pytest.fixture(params=["memory", "postgres"])
async def uow_factory(request: pytest.FixtureRequest) -> AsyncIterator[AnyUnitOfWorkFactory]:
    if request.param == "memory":
        yield memory_units()
        return
    async with postgres_units_at(request.getfixturevalue("database_url"), max_size=8) as units:
        yield units


@pytest.fixture
async def postgres(database_url: str) -> AsyncIterator[PostgresUnits]:
    """Units of work on PostgreSQL alone: for what only a real server shows (its locks, its
    constraints, its wire)."""
    async with postgres_units_at(database_url) as units:
        yield units
