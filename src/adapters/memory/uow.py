"""In-memory unit of work: explicit commit, rollback by default."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Self

from adapters.memory.accounts import InMemoryRefreshTokenRepository, InMemoryUserRepository
from adapters.memory.bookings import InMemoryBookingRepository, InMemoryIdempotencyRepository
from adapters.memory.catalog import (
    InMemoryArtistRepository,
    InMemoryAvailabilityRepository,
    InMemoryServiceRepository,
    InMemoryStudioRepository,
)
from adapters.memory.scheduling import RepositorySchedulingReader
from adapters.memory.store import MemoryStore, StagedTable


class InMemoryUnitOfWork:
    """One transaction over a :class:`MemoryStore`.

    Units of work run one at a time (the store's lock is held from ``__aenter__`` to
    ``__aexit__``), which gives the serializable behaviour the PostgreSQL adapter gets from
    row locks and constraints.
    """

    def __init__(
        self, store: MemoryStore, *, read_only: bool = False, autocommit: bool = False
    ) -> None:
        self._store = store
        self._read_only = read_only
        # Units of work run one at a time, so applying every write when the block ends is
        # indistinguishable from applying each as it returns (a failed write stages nothing).
        self._autocommit = autocommit and not read_only
        self._tables: list[StagedTable[Any, Any]] = []
        self.users = InMemoryUserRepository(self._staged("users"))
        self.refresh_tokens = InMemoryRefreshTokenRepository(self._staged("refresh_tokens"))
        self.bookings = InMemoryBookingRepository(
            self._staged("bookings"), self._staged("booking_events")
        )
        self.idempotency = InMemoryIdempotencyRepository(self._staged("idempotency_keys"))
        self.artists = InMemoryArtistRepository(self._staged("artists"))
        self.studios = InMemoryStudioRepository(self._staged("studios"))
        self.services = InMemoryServiceRepository(self._staged("services"))
        self.availability = InMemoryAvailabilityRepository(
            self._staged("weekly_rules"), self._staged("date_overrides")
        )

    def _staged(self, name: str) -> StagedTable[Any, Any]:
        table: StagedTable[Any, Any] = StagedTable(self._store.table(name))
        self._tables.append(table)
        return table

    @property
    def scheduling(self) -> RepositorySchedulingReader:
        return RepositorySchedulingReader(
            self.artists, self.services, self.availability, self.bookings
        )

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
                self._apply()
            else:
                await self.rollback()
        finally:
            if not self._read_only:
                self._store.lock.release()

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        self._apply()

    def _apply(self) -> None:
        for table in self._tables:
            table.apply()

    async def rollback(self) -> None:
        for table in self._tables:
            table.discard()


class InMemoryUnitOfWorkFactory:
    """Callable that opens units of work over one shared store."""

    def __init__(self, store: MemoryStore | None = None) -> None:
        self.store = store or MemoryStore()

    def __call__(self, *, read_only: bool = False, autocommit: bool = False) -> InMemoryUnitOfWork:
        return InMemoryUnitOfWork(self.store, read_only=read_only, autocommit=autocommit)
