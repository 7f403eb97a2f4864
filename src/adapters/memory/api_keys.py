"""In-memory API keys."""

from __future__ import annotations

from datetime import datetime

from adapters.memory.store import TableRepository
from booking_domain.accounts.api_keys import ApiKey, ApiKeyId
from booking_domain.accounts.ports import ApiKeyRepository
from booking_domain.shared import UserId


class InMemoryApiKeyRepository(TableRepository[ApiKeyId, ApiKey], ApiKeyRepository):
    async def add(self, key: ApiKey) -> None:
        self._rows.put(key.id, key)

    async def get(self, key_id: ApiKeyId) -> ApiKey | None:
        return self._rows.get(key_id)

    async def by_digest(self, digest: str) -> ApiKey | None:
        return next((k for k in self._rows.values() if k.digest == digest), None)

    async def of_user(self, user_id: UserId) -> tuple[ApiKey, ...]:
        mine = [k for k in self._rows.values() if k.user_id == user_id]
        return tuple(sorted(mine, key=lambda k: (k.created_at, k.id), reverse=True))

    async def live_count(self, user_id: UserId, now: datetime) -> int:
        return sum(1 for k in self._rows.values() if k.user_id == user_id and k.is_live(now))

    async def save(self, key: ApiKey) -> None:
        self._rows.put(key.id, key)

    async def revoke_all(self, user_id: UserId, now: datetime) -> int:
        live = [k for k in self._rows.values() if k.user_id == user_id and k.is_live(now)]
        for key in live:
            self._rows.put(key.id, key.revoked(now))
        return len(live)
