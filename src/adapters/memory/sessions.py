"""Whether a session may still act, read from the in-memory store's committed rows (nothing
to remember: a read costs nothing)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from adapters.memory.store import InMemoryStore
from booking_domain.accounts import RefreshToken, SessionFamilyId, User
from booking_domain.accounts.ports import SessionCheck
from booking_domain.shared import UserId


class InMemorySessionCheck(SessionCheck):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store

    async def is_live(self, session_id: SessionFamilyId, user_id: UserId, now: datetime) -> bool:
        user: User | None = self._store.table("users").get(user_id)
        if user is None or user.disabled or (user.locked_until and now < user.locked_until):
            return False
        tokens: list[RefreshToken] = list(self._store.table("refresh_tokens").values())
        return any(
            t.family_id == session_id and t.user_id == user_id and t.revoked_at is None
            for t in tokens
        )

    def forget(self, user_id: UserId) -> None:
        """Nothing is remembered."""

    async def live_among(
        self, sessions: Collection[tuple[SessionFamilyId, UserId]], now: datetime
    ) -> frozenset[SessionFamilyId]:
        return frozenset([s for s, user_id in sessions if await self.is_live(s, user_id, now)])
