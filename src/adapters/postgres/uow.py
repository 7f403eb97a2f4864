"""PostgreSQL unit of work: one pooled connection, one transaction, explicit commit.

:class:`PostgresUnitOfWork` is the transaction and the kernel's outbox and audit trail;
each context's repositories are its storage part (``parts/<context>.py``), and the unit of
work a deployment opens is the base composed with the parts of the contexts it serves
(``adapters.composition``). Repositories are made when first used, on its connection.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import cached_property
from types import TracebackType
from typing import Self

import psycopg
from procrastinate.manager import JobManager

from adapters.postgres.audit import PostgresAuditTrail
from adapters.postgres.database import Connection, Database
from adapters.postgres.errors import translate
from adapters.postgres.lending import borrow, give_back
from adapters.postgres.outbox import PostgresOutbox
from adapters.postgres.replica import ReplicaReads
from adapters.postgres.savepoints import savepoint
from adapters.postgres.scheduling_reader import CatalogueCache
from adapters.postgres.search import SimilarWords
from booking_domain.shared import SecretBox


class PostgresUnitOfWork:
    """Borrows a connection for the block; anything not committed is rolled back, and
    database errors raised inside the block leave it as domain errors.

    A read-only or autocommit unit of work runs the connection in autocommit: each statement
    is its own transaction and sees its own snapshot, and there are no BEGIN, COMMIT or
    ROLLBACK round trips. Use it where one query answers or one statement is the change.
    """

    def __init__(
        self,
        database: Database,
        *,
        replica: ReplicaReads | None = None,
        read_only: bool = False,
        autocommit: bool = False,
        catalogues: CatalogueCache,
        jobs: JobManager,
        secrets: SecretBox,
        similar_words: SimilarWords | None = None,
    ) -> None:
        self._database = database
        self._replica = replica
        self.secrets = secrets
        self.catalogues = catalogues
        self.similar_words = similar_words or SimilarWords()
        self.jobs = jobs
        self._read_only = read_only
        self._autocommit = read_only or autocommit
        self._conn: Connection | None = None

    @property
    def connection(self) -> Connection:
        """The borrowed connection (only inside ``async with``)."""
        if self._conn is None:
            raise RuntimeError("repositories are used inside `async with uow:` only")
        return self._conn

    # The kernel's: every context records its events and audit entries through them.
    outbox = cached_property(lambda uow: PostgresOutbox(uow.connection))
    audit = cached_property(lambda uow: PostgresAuditTrail(uow.connection))

    async def __aenter__(self) -> Self:
        try:
            conn, self._database = await borrow(self._database, self._replica)
        except Exception as exc:
            raise (translate(exc) or exc) from exc
        self._conn = conn
        if conn.autocommit != self._autocommit:
            await conn.set_autocommit(self._autocommit)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        failure = exc
        if failure is None and self._autocommit and self._conn is not None:
            # Records of an autocommit unit that no write carried (one that failed drops them).
            try:
                await self._write_held()
            except Exception as unwritten:
                failure = unwritten
        if isinstance(failure, psycopg.OperationalError):
            self._database.after_lost_connection()  # its neighbours in the pool, likely too
            if self._replica is not None:
                self._replica.distrust()  # the replica went away: the next lagging read won't wait
        conn, self._conn = self._conn, None
        if conn is not None:
            await give_back(conn, self._database)
        if failure is not None:
            domain_error = translate(failure)
            if domain_error is not None:
                raise domain_error from failure
            if failure is not exc:
                raise failure

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        await self._write_held()
        if self._conn is not None and not self._autocommit:
            await self._conn.commit()

    async def rollback(self) -> None:
        self._drop_held()
        if self._conn is not None and not self._autocommit:
            await self._conn.rollback()

    async def _write_held(self) -> None:
        """Write the events and audit entries recorded but not carried by a write yet (only
        where they were made: a unit of work that never recorded holds nothing)."""
        if "outbox" in self.__dict__:
            await self.outbox.write_held()
        if "audit" in self.__dict__:
            await self.audit.write_held()

    def _drop_held(self) -> None:
        if "outbox" in self.__dict__:
            self.outbox.drop_held()
        if "audit" in self.__dict__:
            self.audit.drop_held()

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """``savepoints.savepoint`` on this unit's connection."""
        async with savepoint(
            self.connection,
            autocommit=self._autocommit,
            write_held=self._write_held,
            drop_held=self._drop_held,
        ):
            yield
