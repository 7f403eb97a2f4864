"""A deployment's units of work: each backend's base composed with the storage parts of the
registered contexts (``entrypoints.contexts``), once per process.

A context's part is ``adapters.<backend>.parts.<name>.Part``, found by the context's name
the way the HTTP layer finds its routes; a context with no storage of its own has no such
module and adds nothing. The adapters never read the registry: the composed class is given
to their unit-of-work factory.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from importlib.util import find_spec
from typing import Any

from adapters.composition import compose
from adapters.memory.uow import InMemoryUnitOfWork
from adapters.postgres.uow import PostgresUnitOfWork
from entrypoints.contexts import registered


def storage_parts(backend: str) -> list[type[Any]]:
    """The parts of the registered contexts on ``backend`` (``postgres``, ``memory``), in
    the registry's order."""
    parts = []
    for entry in registered():
        name = f"adapters.{backend}.parts.{entry.name}"
        if find_spec(name) is not None:
            parts.append(import_module(name).Part)
    return parts


@cache
def postgres_unit() -> type[PostgresUnitOfWork]:
    """The PostgreSQL unit of work of the registered contexts."""
    return compose(PostgresUnitOfWork, storage_parts("postgres"))


@cache
def memory_unit() -> type[InMemoryUnitOfWork]:
    """The in-memory unit of work of the registered contexts."""
    return compose(InMemoryUnitOfWork, storage_parts("memory"))
