"""The units of work the tests open: the app's own (every registered context's storage part,
composed as the container composes them: ``entrypoints.container.units``).

For mypy they are one class each that includes the topmost parts, so a test reaches any
repository with its own type; at run time they are the composed classes themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from adapters.memory.store import InMemoryStore
from adapters.memory.uow_factory import InMemoryUnitOfWorkFactory
from adapters.postgres.database import Database
from adapters.postgres.replica import ReplicaReads
from adapters.postgres.uow_factory import PostgresUnitOfWorkFactory
from booking_domain.shared import SecretBox
from entrypoints.container.units import memory_unit, postgres_unit

if TYPE_CHECKING:
    from adapters.memory.parts import calendars as memory_calendars
    from adapters.memory.parts import disputes as memory_disputes
    from adapters.memory.parts import privacy as memory_privacy
    from adapters.memory.parts import search as memory_search
    from adapters.memory.parts import telegram as memory_telegram
    from adapters.postgres.parts import analytics, calendars, disputes, privacy, search, telegram

    class PostgresUnitOfWork(
        telegram.Part, privacy.Part, analytics.Part, search.Part, disputes.Part, calendars.Part
    ):
        """Every context's PostgreSQL part."""

    class InMemoryUnitOfWork(
        memory_telegram.Part,
        memory_privacy.Part,
        memory_search.Part,
        memory_disputes.Part,
        memory_calendars.Part,
    ):
        """Every context's in-memory part."""

else:
    PostgresUnitOfWork = postgres_unit()
    InMemoryUnitOfWork = memory_unit()

PostgresUnits = PostgresUnitOfWorkFactory[PostgresUnitOfWork]
MemoryUnits = InMemoryUnitOfWorkFactory[InMemoryUnitOfWork]
AnyUnitOfWorkFactory = MemoryUnits | PostgresUnits
AnyUnitOfWork = InMemoryUnitOfWork | PostgresUnitOfWork

__all__ = [
    "AnyUnitOfWork",
    "AnyUnitOfWorkFactory",
    "InMemoryUnitOfWork",
    "InMemoryUnitOfWorkFactory",
    "MemoryUnits",
    "PostgresUnitOfWork",
    "PostgresUnitOfWorkFactory",
    "PostgresUnits",
    "memory_units",
    "postgres_units",
]


def postgres_units(
    database: Database, *, secrets: SecretBox, replica: ReplicaReads | None = None
) -> PostgresUnits:
    """The app's PostgreSQL units of work on ``database``."""
    return PostgresUnitOfWorkFactory(
        database, unit=PostgresUnitOfWork, secrets=secrets, replica=replica
    )


def memory_units(store: InMemoryStore | None = None) -> MemoryUnits:
    """The app's in-memory units of work over ``store`` (a new one by default)."""
    return InMemoryUnitOfWorkFactory(unit=InMemoryUnitOfWork, store=store)
