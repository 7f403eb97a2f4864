"""In-memory unit of work: explicit commit, rollback by default.

:class:`InMemoryUnitOfWork` is the transaction over the store and the kernel's outbox and
audit trail; each context's repositories are its storage part (``parts/<context>.py``), and
the unit of work a deployment opens is the base composed with the parts of the contexts it
serves (``adapters.composition``). Repositories, and the staged tables behind them, are
made when first used.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cached_property
from types import TracebackType
from typing import Any, Self

from adapters.memory.audit import InMemoryAuditTrail
from adapters.memory.outbox import OUTBOX, InMemoryOutbox
from adapters.memory.store import InMemoryStore, StagedTable


class InMemoryUnitOfWork:
    """One transaction over a :class:`InMemoryStore`.

    Units of work that may write run one at a time (the store's lock is held from
    ``__aenter__`` to ``__aexit__``), which gives the serializable behaviour the PostgreSQL
    adapter gets from row locks and constraints.
    """

    def __init__(
        self, store: InMemoryStore, *, read_only: bool = False, autocommit: bool = False
    ) -> None:
        self._store = store
        self._read_only = read_only
        # Units of work run one at a time, so applying every write when the block ends is
        # indistinguishable from applying each as it returns (a failed write stages nothing).
        self._autocommit = autocommit and not read_only
        self._tables: list[StagedTable[Any, Any]] = []

    def staged(self, name: str) -> StagedTable[Any, Any]:
        """A table of the store as this unit of work sees it (its writes staged)."""
        table: StagedTable[Any, Any] = StagedTable(self._store.table(name))
        self._tables.append(table)
        return table

    # The kernel's: every context records its events and audit entries through them.
    outbox = cached_property(lambda uow: InMemoryOutbox(uow.staged(OUTBOX)))
    audit = cached_property(lambda uow: InMemoryAuditTrail(uow.staged("audit_log")))

    async def __aenter__(self) -> Self:
        # Readers see committed data only and never wait: commits apply atomically.
        if not self._read_only:
            await self._store.lock.acquire()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self._autocommit:
                # Each write that returned is durable; what is still held was recorded for a
                # write that never came (written now) or that failed (dropped with it).
                try:
                    if exc is None:
                        self._write_held()
                finally:
                    self._apply()
            else:
                await self.rollback()
        finally:
            if not self._read_only:
                self._store.lock.release()

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        self._write_held()
        self._apply()

    def _write_held(self) -> None:
        """Write the events and audit entries recorded but not yet carried by a write (only
        where they were made: a unit of work that never recorded holds nothing)."""
        if "outbox" in self.__dict__:
            self.outbox.write_held()
        if "audit" in self.__dict__:
            self.audit.write_held()

    def _apply(self) -> None:
        for table in self._tables:
            table.apply()

    async def rollback(self) -> None:
        for table in self._tables:
            table.discard()
        self._drop_held()

    def _drop_held(self) -> None:
        if "outbox" in self.__dict__:
            self.outbox.drop_held()
        if "audit" in self.__dict__:
            self.audit.drop_held()

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """What the unit holds is written to its staged tables first, so that a block that
        fails takes back exactly its own writes and records (tables it first used are
        emptied of them)."""
        self._write_held()
        marks = [(table, table.mark()) for table in self._tables]
        try:
            yield
        except BaseException:
            for table, mark in marks:
                table.restore(mark)
            for table in self._tables[len(marks) :]:
                table.discard()
            self._drop_held()
            raise
