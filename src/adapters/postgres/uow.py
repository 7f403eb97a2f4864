"""PostgreSQL unit of work: one pooled connection, one transaction, explicit commit."""

from __future__ import annotations

from types import TracebackType
from typing import Self

import psycopg
from psycopg import pq

from adapters.postgres.accounts import PostgresRefreshTokenRepository, PostgresUserRepository
from adapters.postgres.bookings import PostgresBookingRepository
from adapters.postgres.catalog import (
    PostgresArtistRepository,
    PostgresAvailabilityRepository,
    PostgresServiceRepository,
    PostgresStudioRepository,
)
from adapters.postgres.database import Connection, Database
from adapters.postgres.errors import translate
from adapters.postgres.idempotency import PostgresIdempotencyRepository
from adapters.postgres.scheduling import CatalogueCache, PostgresSchedulingReader


class PostgresUnitOfWork:
    """Borrows a connection for the block; anything not committed is rolled back, and
    database errors raised inside the block leave it as domain errors.

    A read-only or autocommit unit of work runs the connection in autocommit: each statement
    is its own transaction and sees its own snapshot, and there are no BEGIN, COMMIT or
    ROLLBACK round trips. Use it where one query answers or one statement is the change.
    """

    users: PostgresUserRepository
    refresh_tokens: PostgresRefreshTokenRepository
    bookings: PostgresBookingRepository
    idempotency: PostgresIdempotencyRepository
    artists: PostgresArtistRepository
    studios: PostgresStudioRepository
    services: PostgresServiceRepository
    availability: PostgresAvailabilityRepository
    scheduling: PostgresSchedulingReader

    def __init__(
        self,
        database: Database,
        *,
        read_only: bool = False,
        autocommit: bool = False,
        catalogues: CatalogueCache,
    ) -> None:
        self._database = database
        self._catalogues = catalogues
        self._read_only = read_only
        self._autocommit = read_only or autocommit
        self._conn: Connection | None = None

    async def __aenter__(self) -> Self:
        try:
            conn = await self._database.pool.getconn()
        except Exception as exc:
            raise (translate(exc) or exc) from exc
        self._conn = conn
        if conn.autocommit != self._autocommit:
            await conn.set_autocommit(self._autocommit)
        self.users = PostgresUserRepository(conn)
        self.refresh_tokens = PostgresRefreshTokenRepository(conn)
        self.bookings = PostgresBookingRepository(conn)
        self.idempotency = PostgresIdempotencyRepository(conn)
        self.artists = PostgresArtistRepository(conn)
        self.studios = PostgresStudioRepository(conn)
        self.services = PostgresServiceRepository(conn)
        self.availability = PostgresAvailabilityRepository(conn)
        self.scheduling = PostgresSchedulingReader(conn, self._catalogues)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                if conn.info.transaction_status != pq.TransactionStatus.IDLE:
                    await conn.rollback()
            except psycopg.Error:
                pass  # a broken connection: the pool discards it on return
            finally:
                await self._database.pool.putconn(conn)
        if exc is not None:
            domain_error = translate(exc)
            if domain_error is not None:
                raise domain_error from exc

    async def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        if self._conn is not None and not self._autocommit:
            await self._conn.commit()

    async def rollback(self) -> None:
        if self._conn is not None and not self._autocommit:
            await self._conn.rollback()


class PostgresUnitOfWorkFactory:
    """Units of work on one database; they share this process's catalogue cache (see
    adapters/postgres/scheduling.py)."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.catalogues = CatalogueCache()

    def __call__(self, *, read_only: bool = False, autocommit: bool = False) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(
            self.database, read_only=read_only, autocommit=autocommit, catalogues=self.catalogues
        )
