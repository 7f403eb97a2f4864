"""Opening in-memory units of work: of one class, the base composed with the storage parts
of the contexts a deployment serves (``adapters.composition``), built once beforehand."""

from __future__ import annotations

from typing import Generic, TypeVar

from adapters.memory.store import InMemoryStore
from adapters.memory.uow import InMemoryUnitOfWork

U = TypeVar("U", bound=InMemoryUnitOfWork)


class InMemoryUnitOfWorkFactory(Generic[U]):
    """Callable that opens units of work of the class ``unit`` over one shared store."""

    def __init__(self, *, unit: type[U], store: InMemoryStore | None = None) -> None:
        self.unit = unit
        self.store = store or InMemoryStore()

    def __call__(
        self, *, read_only: bool = False, autocommit: bool = False, may_lag: bool = False
    ) -> U:
        """``may_lag`` changes nothing here: there is one store, never a copy that trails."""
        return self.unit(self.store, read_only=read_only, autocommit=autocommit)
