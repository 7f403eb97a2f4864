"""The unit-of-work types the tests pass around: either adapter serves every context."""

from __future__ import annotations

from adapters.memory.uow import InMemoryUnitOfWork, InMemoryUnitOfWorkFactory
from adapters.postgres.uow import PostgresUnitOfWork, PostgresUnitOfWorkFactory

AnyUnitOfWorkFactory = InMemoryUnitOfWorkFactory | PostgresUnitOfWorkFactory
AnyUnitOfWork = InMemoryUnitOfWork | PostgresUnitOfWork
