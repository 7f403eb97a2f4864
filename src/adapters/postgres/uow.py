"""PostgreSQL unit of work: one connection, one transaction, explicit commit."""

from __future__ import annotations

from types import TracebackType
from typing import Self

from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from adapters.postgres.accounts import PostgresRefreshTokenRepository, PostgresUserRepository
from adapters.postgres.errors import translate
from booking_domain.errors import ServiceUnavailableError


class PostgresUnitOfWork:
    """Borrows a pooled connection for the block; anything not committed is rolled back.
    Database errors raised inside the block leave it as domain errors."""

    users: PostgresUserRepository
    refresh_tokens: PostgresRefreshTokenRepository

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._conn: AsyncConnection | None = None

    async def __aenter__(self) -> Self:
        try:
            self._conn = await self._engine.connect()
        except DBAPIError as exc:
            raise (translate(exc) or ServiceUnavailableError()) from exc
        self.users = PostgresUserRepository(self._conn)
        self.refresh_tokens = PostgresRefreshTokenRepository(self._conn)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            await conn.rollback()
        finally:
            await conn.close()
        if isinstance(exc, DBAPIError):
            domain_error = translate(exc)
            if domain_error is not None:
                raise domain_error from exc

    async def commit(self) -> None:
        if self._conn is not None:
            await self._conn.commit()

    async def rollback(self) -> None:
        if self._conn is not None:
            await self._conn.rollback()


class PostgresUnitOfWorkFactory:
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    def __call__(self) -> PostgresUnitOfWork:
        return PostgresUnitOfWork(self.engine)
