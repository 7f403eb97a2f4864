"""The payment provider's access token, shared by every process of a deployment.

QPay asks merchants not to request tokens over and over: one token per credential set is
kept in ``provider_tokens`` and renewed by one process at a time, under a session-level
advisory lock on a connection in autocommit (no transaction stays open while the renewal
talks to QPay). The tokens are short-lived bearer credentials; the merchant secret itself is
never stored.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from adapters.payments.qpay import QPayToken, TokenSlot, TokenStore
from adapters.postgres.database import Connection, Database

_READ = "SELECT * FROM provider_tokens WHERE name = %(name)s"
_SAVE = """
INSERT INTO provider_tokens (name, access_token, access_expires_at, refresh_token,
                             refresh_expires_at, refresh_used, updated_at)
VALUES (%(name)s, %(access)s, %(access_at)s, %(refresh)s, %(refresh_at)s, %(used)s, now())
ON CONFLICT (name) DO UPDATE SET
  access_token = EXCLUDED.access_token, access_expires_at = EXCLUDED.access_expires_at,
  refresh_token = EXCLUDED.refresh_token, refresh_expires_at = EXCLUDED.refresh_expires_at,
  refresh_used = EXCLUDED.refresh_used, updated_at = now()
"""
_FORGET = "DELETE FROM provider_tokens WHERE name = %(name)s"


def _token(row: dict[str, Any] | None) -> QPayToken | None:
    if row is None:
        return None
    return QPayToken(
        row["access_token"],
        row["access_expires_at"],
        row["refresh_token"],
        row["refresh_expires_at"],
        row["refresh_used"],
    )


class _Slot(TokenSlot):
    def __init__(self, conn: Connection, name: str, current: QPayToken | None) -> None:
        self._conn = conn
        self._name = name
        self.current = current

    async def save(self, token: QPayToken | None) -> None:
        if token is None:
            await self._conn.execute(_FORGET, {"name": self._name})
        else:
            await self._conn.execute(
                _SAVE,
                {
                    "name": self._name,
                    "access": token.access,
                    "access_at": token.access_expires_at,
                    "refresh": token.refresh,
                    "refresh_at": token.refresh_expires_at,
                    "used": token.refresh_used,
                },
            )
        self.current = token


class PostgresTokenStore(TokenStore):
    def __init__(self, database: Database, name: str) -> None:
        self._database = database
        self._name = name

    async def get(self) -> QPayToken | None:
        async with self._database.pool.connection(timeout=self._database.connection_wait()) as conn:
            await conn.set_autocommit(True)
            row = await (await conn.execute(_READ, {"name": self._name})).fetchone()
            return _token(row)

    @asynccontextmanager
    async def renewing(self) -> AsyncIterator[TokenSlot]:
        async with self._database.pool.connection(timeout=self._database.connection_wait()) as conn:
            await conn.set_autocommit(True)
            key = {"key": f"provider-token:{self._name}"}
            await conn.execute("SELECT pg_advisory_lock(hashtext(%(key)s))", key)
            try:
                row = await (await conn.execute(_READ, {"name": self._name})).fetchone()
                yield _Slot(conn, self._name, _token(row))
            finally:
                await conn.execute("SELECT pg_advisory_unlock(hashtext(%(key)s))", key)
