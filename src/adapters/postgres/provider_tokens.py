"""The payment provider's access token, shared by every process of a deployment.

QPay asks merchants not to request tokens over and over: one token per credential set is
kept in ``provider_tokens`` and renewed by one process at a time, under a transaction-level
advisory lock. The lock is held by a transaction of its own that writes nothing, on one
connection; the token is read and saved in autocommit on another, so a saved token is
durable at once whatever happens after. A session-level lock would not do: behind a
transaction-mode pooler (PgBouncer) the lock and its unlock could run on different server
connections, and the lock would never be released. The tokens are short-lived bearer
credentials, stored sealed by the ``SecretBox`` (never in the clear); the merchant secret
itself is never stored.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import Text, bindparam, delete, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert

from adapters.postgres.database import Connection, Database
from adapters.postgres.sql import Statement
from adapters.postgres.tables.payments import provider_tokens
from booking_domain.payments import ProviderToken, ProviderTokenSlot, ProviderTokenStore
from booking_domain.shared import SecretBox

_T = provider_tokens.c
_READ = Statement(lambda: select(provider_tokens).where(_T.name == bindparam("name")))


def _build_save() -> Any:
    statement = pg_insert(provider_tokens).values(
        name=bindparam("name"),
        access_token=bindparam("access", type_=_T.access_token.type),
        access_expires_at=bindparam("access_at", type_=_T.access_expires_at.type),
        refresh_token=bindparam("refresh", type_=_T.refresh_token.type),
        refresh_expires_at=bindparam("refresh_at", type_=_T.refresh_expires_at.type),
        refresh_used=bindparam("used", type_=_T.refresh_used.type),
        updated_at=func.now(),
    )
    new = statement.excluded
    replaced = (
        "access_token", "access_expires_at", "refresh_token", "refresh_expires_at", "refresh_used"
    )  # fmt: skip
    return statement.on_conflict_do_update(
        index_elements=[_T.name],
        set_={**{name: new[name] for name in replaced}, "updated_at": func.now()},
    )


_SAVE = Statement(_build_save)
_FORGET = Statement(lambda: delete(provider_tokens).where(_T.name == bindparam("name")))
# Held by the lock's own transaction until it ends (rolled back: it wrote nothing).
_LOCK = Statement(
    lambda: select(func.pg_advisory_xact_lock(func.hashtext(bindparam("key", type_=Text))))
)


def _token(row: dict[str, Any] | None, box: SecretBox) -> ProviderToken | None:
    if row is None:
        return None
    return ProviderToken(
        box.open(row["access_token"]),
        row["access_expires_at"],
        box.open(row["refresh_token"]),
        row["refresh_expires_at"],
        row["refresh_used"],
    )


class _Slot(ProviderTokenSlot):
    def __init__(
        self, conn: Connection, name: str, box: SecretBox, current: ProviderToken | None
    ) -> None:
        self._conn = conn
        self._name = name
        self._box = box
        self.current = current

    async def save(self, token: ProviderToken | None) -> None:
        if token is None:
            await self._conn.execute(_FORGET.text, {"name": self._name})
        else:
            await self._conn.execute(
                _SAVE.text,
                {
                    "name": self._name,
                    "access": self._box.seal(token.access),
                    "access_at": token.access_expires_at,
                    "refresh": self._box.seal(token.refresh),
                    "refresh_at": token.refresh_expires_at,
                    "used": token.refresh_used,
                },
            )
        self.current = token


class PostgresTokenStore(ProviderTokenStore):
    def __init__(self, database: Database, name: str, *, secrets: SecretBox) -> None:
        self._database = database
        self._name = name
        self._box = secrets

    async def get(self) -> ProviderToken | None:
        async with self._database.statement_connection() as conn:
            row = await (await conn.execute(_READ.text, {"name": self._name})).fetchone()
            return _token(row, self._box)

    @asynccontextmanager
    async def renewing(self) -> AsyncIterator[ProviderTokenSlot]:
        wait = self._database.connection_wait()
        async with (
            self._database.pool.connection(timeout=wait) as holder,
            holder.transaction(force_rollback=True),
        ):
            await holder.execute(_LOCK.text, {"key": f"provider-token:{self._name}"})
            async with self._database.statement_connection() as conn:
                row = await (await conn.execute(_READ.text, {"name": self._name})).fetchone()
                yield _Slot(conn, self._name, self._box, _token(row, self._box))
