"""Ports: what the core needs from the outside world, as ``typing.Protocol`` classes.

Adapters implement these (``adapters.memory``, ``adapters.postgres``, ``adapters.security``).
Every adapter of a port passes the same contract suite in ``tests/contract``.

Repositories are only reachable through a :class:`UnitOfWork`; nothing they write is visible
to anyone else until ``commit()``. Leaving the unit of work without committing rolls back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Protocol, Self

from booking_domain.accounts import Role, User
from booking_domain.ids import UserId
from booking_domain.pages import Page, PageRequest
from booking_domain.sessions import RefreshToken, SessionFamilyId


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class UserRepository(Protocol):
    async def add(self, user: User) -> None:
        """Store a new user. Raises ``EmailAlreadyRegisteredError`` if the email is taken."""
        ...

    async def get(self, user_id: UserId) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None:
        """Look up by normalised email (see ``accounts.normalize_email``)."""
        ...

    async def update(self, user: User) -> None:
        """Replace the stored user with this value. Raises ``UserNotFoundError`` if absent."""
        ...

    async def count(self) -> int: ...

    async def list(self, request: PageRequest, *, role: Role | None = None) -> Page[User]:
        """Users, oldest first (ties broken by id), optionally of one role."""
        ...


class RefreshTokenRepository(Protocol):
    async def add(self, token: RefreshToken) -> None: ...

    async def get_by_hash_for_update(self, token_hash: str) -> RefreshToken | None:
        """Find a token and hold it until the unit of work ends, so that two concurrent
        rotations of one token are serialised (the second sees it spent)."""
        ...

    async def update(self, token: RefreshToken) -> None: ...

    async def revoke_family(self, family_id: SessionFamilyId, now: datetime) -> int:
        """Revoke every token of a family; return how many were newly revoked."""
        ...

    async def revoke_user_sessions(
        self, user_id: UserId, now: datetime, *, keep: SessionFamilyId | None = None
    ) -> int:
        """Revoke every family of a user except ``keep``; return how many tokens changed."""
        ...


class UnitOfWork(Protocol):
    """One transaction. ``async with uow:`` opens it; ``commit()`` makes it durable."""

    users: UserRepository
    refresh_tokens: RefreshTokenRepository

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def commit(self) -> None: ...

    async def rollback(self) -> None: ...


class UnitOfWorkFactory(Protocol):
    def __call__(self, *, read_only: bool = False) -> UnitOfWork:
        """A new unit of work. ``read_only=True`` promises no writes and no commit, which lets
        an adapter skip the transaction (each query then sees its own consistent snapshot)."""
        ...


class PasswordHasher(Protocol):
    """Slow, salted password hashing. Async because hashing is deliberately CPU-heavy and
    must not block an event loop."""

    async def hash(self, password: str) -> str: ...

    async def verify(self, password_hash: str, password: str) -> bool:
        """True when the password matches; False (never an exception) otherwise."""
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the hash was made with other parameters than the current ones."""
        ...


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What a valid access token asserts."""

    user_id: UserId
    role: Role
    session_id: SessionFamilyId
    token_id: str
    issued_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class IssuedAccessToken:
    token: str
    expires_at: datetime


class TokenService(Protocol):
    """Access tokens (signed, short-lived) and refresh-token secrets (opaque, hashed)."""

    def issue_access_token(
        self, user_id: UserId, role: Role, session_id: SessionFamilyId, now: datetime
    ) -> IssuedAccessToken:
        """A signed token naming the user, their role and the session family it belongs to."""
        ...

    def verify_access_token(self, token: str, now: datetime) -> AccessClaims:
        """Raise ``InvalidTokenError`` for anything but a valid, unexpired token."""
        ...

    def new_refresh_secret(self) -> str:
        """A fresh random opaque refresh token, given to the client once."""
        ...

    def hash_refresh_secret(self, secret: str) -> str:
        """The stable digest under which a refresh token is stored and looked up."""
        ...


class HealthProbe(Protocol):
    async def check(self) -> None:
        """Return when the backing store answers; raise ``ServiceUnavailableError`` if not."""
        ...
