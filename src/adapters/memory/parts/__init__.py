"""Each context's storage part in memory: ``parts/<context>.py`` exports ``Part``, a
subclass of :class:`~adapters.memory.uow.InMemoryUnitOfWork` holding the context's
repositories, each made on first use over the store's tables as the unit of work sees them.

The rules are PostgreSQL's (``adapters.postgres.parts``, docs/architecture.md): a part
includes the parts of the lower contexts its port names or its repositories are made of,
and ``SERVES`` holds it to its ports. One repository here reaches a context above its own:
the scheduling reader reads the bookings through the unit of work's ``bookings`` (where
PostgreSQL's reads the table in its query), which every deployment that serves scheduling
also serves. Analytics has no part here: its figures are PostgreSQL's rollups only.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from typing import Any, TypeVar

from adapters.memory.store import StagedTable
from adapters.memory.uow import InMemoryUnitOfWork
from booking_domain.shared.audit import AuditUnitOfWork

R = TypeVar("R")

# The base alone serves the kernel's port (the audit context reads the trail through it).
SERVES: type[AuditUnitOfWork] = InMemoryUnitOfWork


def over_table(make: Callable[[StagedTable[Any, Any]], R], name: str) -> cached_property[R]:
    """A repository made on first use, over the store's table as the unit of work sees it."""
    return cached_property(lambda uow: make(uow.staged(name)))
