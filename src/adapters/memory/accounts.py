"""In-memory users, refresh tokens and failed sign-ins."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime

from adapters.memory.store import TableRepository
from booking_domain.accounts import (
    EmailAlreadyRegisteredError,
    PhoneAlreadyVerifiedError,
    RefreshToken,
    RefreshTokenId,
    Role,
    SessionFamilyId,
    SignInAttempts,
    User,
    UserNotFoundError,
)
from booking_domain.accounts.ports import (
    RefreshTokenRepository,
    SignInAttemptsRepository,
    UserFilter,
    UserRepository,
)
from booking_domain.search.text import fold
from booking_domain.shared import Page, PageRequest, UserId


class InMemoryUserRepository(TableRepository[UserId, User], UserRepository):
    async def add(self, user: User) -> None:
        if user.email is not None and await self.get_by_email(user.email) is not None:
            raise EmailAlreadyRegisteredError()
        if user.phone_verified and await self.with_verified_phone(user.phone or "") is not None:
            raise PhoneAlreadyVerifiedError()
        self._rows.put(user.id, user)

    async def get(self, user_id: UserId) -> User | None:
        return self._rows.get(user_id)

    async def get_by_email(self, email: str) -> User | None:
        return next((u for u in self._rows.values() if u.email == email), None)

    async def with_verified_phone(self, phone: str) -> User | None:
        return next((u for u in self._rows.values() if u.phone_verified and u.phone == phone), None)

    async def with_phone(self, phone: str, role: Role, *, limit: int) -> tuple[User, ...]:
        found = [u for u in self._rows.values() if u.phone == phone and u.role is role]
        return tuple(sorted(found, key=lambda u: (u.created_at, u.id))[:limit])

    async def update(self, user: User) -> None:
        if self._rows.get(user.id) is None:
            raise UserNotFoundError()
        holder = await self.with_verified_phone(user.phone or "") if user.phone_verified else None
        if holder is not None and holder.id != user.id:
            raise PhoneAlreadyVerifiedError()
        self._rows.put(user.id, user)

    async def count(self) -> int:
        return sum(1 for _ in self._rows.values())

    async def list(self, request: PageRequest, where: UserFilter | None = None) -> Page[User]:
        where = where or UserFilter()
        matching = sorted(
            (u for u in self._rows.values() if _admits(where, u)),
            key=lambda u: (u.created_at, u.id),
        )
        chunk = matching[request.offset : request.offset + request.page_size]
        return Page.counted(tuple(chunk), len(matching), request)


def _admits(where: UserFilter, user: User) -> bool:
    if where.role is not None and user.role is not where.role:
        return False
    if where.restricted is not None:
        now = where.now
        locked = user.locked_until is not None and now is not None and user.locked_until > now
        if (user.disabled or locked) is not where.restricted:
            return False
    return not where.text or fold(where.text) in fold(f"{user.name} {user.email or ''}")


class InMemoryRefreshTokenRepository(
    TableRepository[RefreshTokenId, RefreshToken], RefreshTokenRepository
):
    async def add(self, token: RefreshToken) -> None:
        self._rows.put(token.id, token)

    async def get_by_hash_for_update(self, token_hash: str) -> RefreshToken | None:
        return next((t for t in self._rows.values() if t.token_hash == token_hash), None)

    async def update(self, token: RefreshToken) -> None:
        self._rows.put(token.id, token)

    def seen(self) -> Iterator[RefreshToken]:
        """Every token as this unit of work sees it (what the sessions' liveness reads)."""
        return self._rows.values()

    async def revoke_family(self, family_id: SessionFamilyId, now: datetime) -> int:
        return self._revoke_where(lambda t: t.family_id == family_id, now)

    async def revoke_user_sessions(
        self, user_id: UserId, now: datetime, *, keep: SessionFamilyId | None = None
    ) -> int:
        return self._revoke_where(lambda t: t.user_id == user_id and t.family_id != keep, now)

    def _revoke_where(self, matches: Callable[[RefreshToken], bool], now: datetime) -> int:
        changed = [t for t in self._rows.values() if t.revoked_at is None and matches(t)]
        for token in changed:
            self._rows.put(token.id, replace(token, revoked_at=now))
        return len(changed)


class InMemorySignInAttemptsRepository(
    TableRepository[str, SignInAttempts], SignInAttemptsRepository
):
    async def get(self, key: str) -> SignInAttempts | None:
        return self._rows.get(key)

    async def lock(self, key: str, now: datetime) -> SignInAttempts:
        # Writing units of work run one at a time: holding the record is holding the store.
        return self._rows.get(key) or SignInAttempts(key, now)

    async def save(self, attempts: SignInAttempts) -> None:
        self._rows.put(attempts.key, attempts)

    async def clear(self, key: str) -> None:
        self._rows.delete(key)
