"""The shared state behind in-memory units of work, and the staging that gives them
transaction semantics: writes are invisible to others until commit, dropped on rollback."""

from __future__ import annotations

import asyncio
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_DELETED: Any = object()


@dataclass
class InMemoryStore:
    """All committed in-memory data, one dict per table. Share one store between the unit
    of work factories that should see the same data."""

    tables: dict[str, dict[Any, Any]] = field(default_factory=dict)
    # Serialises units of work, like row locks do in a database: a UoW holds it from first
    # write-intent until it ends, so check-then-write sequences cannot interleave.
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def table(self, name: str) -> dict[Any, Any]:
        return self.tables.setdefault(name, {})


class StagedTable(Generic[K, V]):
    """A table as seen from inside one unit of work: committed rows overlaid with this unit
    of work's own pending writes."""

    def __init__(self, committed: dict[K, V]) -> None:
        self._committed = committed
        self._pending: dict[K, V] = {}

    def get(self, key: K) -> V | None:
        if key in self._pending:
            value = self._pending[key]
            return None if value is _DELETED else value
        return self._committed.get(key)

    def put(self, key: K, value: V) -> None:
        self._pending[key] = value

    def delete(self, key: K) -> None:
        self._pending[key] = _DELETED

    def values(self) -> Iterator[V]:
        for key, value in self._committed.items():
            if key not in self._pending:
                yield value
        for value in self._pending.values():
            if value is not _DELETED:
                yield value

    def apply(self) -> None:
        for key, value in self._pending.items():
            if value is _DELETED:
                self._committed.pop(key, None)
            else:
                self._committed[key] = value
        self._pending.clear()

    def discard(self) -> None:
        self._pending.clear()

    def mark(self) -> dict[K, V]:
        """This unit of work's pending writes as they are now (``restore`` goes back)."""
        return dict(self._pending)

    def restore(self, mark: dict[K, V]) -> None:
        self._pending = dict(mark)


class TableRepository(Generic[K, V]):
    """A repository over one staged table of its unit of work."""

    def __init__(self, table: StagedTable[K, V]) -> None:
        self._rows = table
