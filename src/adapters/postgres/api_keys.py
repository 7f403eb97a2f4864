"""PostgreSQL API keys."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update

from adapters.postgres.database import OnConnection
from adapters.postgres.sql import Statement, count_of, exact_count
from adapters.postgres.tables.accounts import api_keys
from booking_domain.accounts.api_keys import ApiKey, ApiKeyId, ApiKeyScope
from booking_domain.accounts.ports import ApiKeyRepository
from booking_domain.shared import UserId

_K = api_keys.c
_INSERT = Statement(lambda: api_keys.insert().values({c.name: bindparam(c.name) for c in _K}))
_GET = Statement(lambda: select(api_keys).where(_K.id == bindparam("id")))
_BY_DIGEST = Statement(lambda: select(api_keys).where(_K.digest == bindparam("digest")))
_OF_USER = Statement(
    lambda: (
        select(api_keys)
        .where(_K.user_id == bindparam("user_id"))
        .order_by(_K.created_at.desc(), _K.id.desc())
    )
)
_LIVE = (_K.revoked_at.is_(None), _K.expires_at > bindparam("now"))
_LIVE_COUNT = Statement(lambda: exact_count(api_keys, (_K.user_id == bindparam("user_id"), *_LIVE)))
_SAVE = Statement(
    lambda: (
        update(api_keys)
        .where(_K.id == bindparam("id"))
        .values(last_used_at=bindparam("last_used_at"), revoked_at=bindparam("revoked_at"))
    )
)
_REVOKE_ALL = Statement(
    lambda: (
        update(api_keys)
        .where(_K.user_id == bindparam("user_id"), *_LIVE)
        .values(revoked_at=bindparam("now"))
    )
)


def _key(row: Mapping[str, Any]) -> ApiKey:
    return ApiKey(
        id=ApiKeyId(row["id"]),
        user_id=UserId(row["user_id"]),
        name=row["name"],
        scopes=frozenset(ApiKeyScope(s) for s in row["scopes"]),
        prefix=row["prefix"],
        digest=row["digest"],
        created_at=row["created_at"],
        expires_at=row["expires_at"],
        last_used_at=row["last_used_at"],
        revoked_at=row["revoked_at"],
    )


class PostgresApiKeyRepository(OnConnection, ApiKeyRepository):
    async def add(self, key: ApiKey) -> None:
        await self._conn.execute(
            _INSERT.text,
            {
                "id": key.id,
                "user_id": key.user_id,
                "name": key.name,
                "scopes": sorted(s.value for s in key.scopes),
                "prefix": key.prefix,
                "digest": key.digest,
                "created_at": key.created_at,
                "expires_at": key.expires_at,
                "last_used_at": key.last_used_at,
                "revoked_at": key.revoked_at,
            },
        )

    async def get(self, key_id: ApiKeyId) -> ApiKey | None:
        return await self._one(_GET.text, {"id": key_id})

    async def by_digest(self, digest: str) -> ApiKey | None:
        return await self._one(_BY_DIGEST.text, {"digest": digest})

    async def of_user(self, user_id: UserId) -> tuple[ApiKey, ...]:
        cursor = await self._conn.execute(_OF_USER.text, {"user_id": user_id})
        return tuple(_key(row) for row in await cursor.fetchall())

    async def live_count(self, user_id: UserId, now: datetime) -> int:
        cursor = await self._conn.execute(_LIVE_COUNT.text, {"user_id": user_id, "now": now})
        return count_of(await cursor.fetchone())

    async def save(self, key: ApiKey) -> None:
        params = {"id": key.id, "last_used_at": key.last_used_at, "revoked_at": key.revoked_at}
        await self._conn.execute(_SAVE.text, params)

    async def revoke_all(self, user_id: UserId, now: datetime) -> int:
        cursor = await self._conn.execute(_REVOKE_ALL.text, {"user_id": user_id, "now": now})
        return cursor.rowcount

    async def _one(self, text: str, params: dict[str, Any]) -> ApiKey | None:
        row = await (await self._conn.execute(text, params)).fetchone()
        return _key(row) if row is not None else None
