"""Whether a session may still act, read from the in-memory store's committed rows (nothing
to remember: a read costs nothing); and the sessions' records (device, addresses, last use)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from adapters.memory.accounts import InMemoryRefreshTokenRepository
from adapters.memory.store import InMemoryStore, StagedTable, TableRepository
from booking_domain.accounts import RefreshToken, SessionFamilyId, User
from booking_domain.accounts.devices import Session, family_is_live, newest_use_first
from booking_domain.accounts.ports import SessionCheck, SessionRepository
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


class InMemorySessionRepository(TableRepository[SessionFamilyId, Session], SessionRepository):
    """Session records; whether one lives is read from the unit of work's refresh tokens."""

    def __init__(
        self, table: StagedTable[SessionFamilyId, Session], tokens: InMemoryRefreshTokenRepository
    ) -> None:
        super().__init__(table)
        self._tokens = tokens

    async def add(self, session: Session) -> None:
        if self._rows.get(session.id) is None:
            self._rows.put(session.id, session)

    async def get(self, session_id: SessionFamilyId) -> Session | None:
        return self._rows.get(session_id)

    async def update(self, session: Session) -> None:
        self._rows.put(session.id, session)

    async def live(self, user_id: UserId, now: datetime, *, limit: int) -> tuple[Session, ...]:
        live = self._live_families(now)
        mine = (s for s in self._rows.values() if s.user_id == user_id and s.id in live)
        return tuple(newest_use_first(mine)[:limit])

    async def get_live(self, session_id: SessionFamilyId, now: datetime) -> Session | None:
        session = self._rows.get(session_id)
        return session if session is not None and session_id in self._live_families(now) else None

    def _live_families(self, now: datetime) -> set[SessionFamilyId]:
        by_family: dict[SessionFamilyId, list[RefreshToken]] = {}
        for token in self._tokens.seen():
            by_family.setdefault(token.family_id, []).append(token)
        return {f for f, tokens in by_family.items() if family_is_live(tokens, now)}
