"""What the accounts context needs from the outside world.

Adapters implement these (``adapters.memory``, ``adapters.postgres``, ``adapters.security``);
every adapter of a port passes the same contract suite in ``tests/contract/accounts``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from booking_domain.accounts.sessions import RefreshToken, SessionFamilyId
from booking_domain.accounts.sign_in import SignInAttempts
from booking_domain.accounts.users import User
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import UserId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True, slots=True)
class UserFilter:
    """Admins' list of accounts: by role; ``restricted`` (locked or suspended at ``now``, or
    neither); ``text`` found in the name or the email, ignoring case, accents and script
    (Mongolian Cyrillic is transliterated, as search does)."""

    role: Role | None = None
    restricted: bool | None = None
    text: str | None = None
    now: datetime | None = None  # when ``restricted`` is asked


class UserRepository(Protocol):
    async def add(self, user: User) -> None:
        """Store a new user. Raises ``EmailAlreadyRegisteredError`` if the email is taken."""
        ...

    async def get(self, user_id: UserId) -> User | None: ...

    async def get_by_email(self, email: str) -> User | None:
        """Look up by normalised email (see ``users.normalize_email``)."""
        ...

    async def with_phone(self, phone: str, role: Role, *, limit: int) -> tuple[User, ...]:
        """Up to ``limit`` users of ``role`` whose phone is ``phone`` (E.164), oldest first:
        phone numbers are not unique, so a caller asks for two to tell one from several."""
        ...

    async def update(self, user: User) -> None:
        """Replace the stored user with this value. Raises ``UserNotFoundError`` if absent."""
        ...

    async def count(self) -> int: ...

    async def list(self, request: PageRequest, where: UserFilter | None = None) -> Page[User]:
        """Users, oldest first (ties broken by id), those ``where`` admits; the total
        counted as ``Page.counted`` says."""
        ...


class HasUsers(Protocol):
    @property
    def users(self) -> UserRepository: ...


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


class HasRefreshTokens(Protocol):
    @property
    def refresh_tokens(self) -> RefreshTokenRepository: ...


class SignInAttemptsRepository(Protocol):
    """Failed sign-ins per (email, client address) pair (``sign_in.SignInAttempts``)."""

    async def get(self, key: str) -> SignInAttempts | None: ...

    async def lock(self, key: str, now: datetime) -> SignInAttempts:
        """The pair's record, held until the unit of work ends (so concurrent failures of
        one pair are counted one after another); an empty one if the pair has none yet."""
        ...

    async def save(self, attempts: SignInAttempts) -> None: ...

    async def clear(self, key: str) -> None:
        """Forget the pair (a success); nothing happens when it has no record."""
        ...


class HasSignInAttempts(Protocol):
    @property
    def sign_in_attempts(self) -> SignInAttemptsRepository: ...


class AccountsUnitOfWork(
    UnitOfWork, HasUsers, HasRefreshTokens, HasSignInAttempts, HasAudit, Protocol
):
    """What account use cases open: users, their refresh tokens, failed sign-ins."""


AccountsUnitOfWorkFactory = UnitOfWorkFactory[AccountsUnitOfWork]


class SessionCheck(Protocol):
    """Whether a session (a refresh-token family) may still act: what every request's access
    token is checked against, so a session ends for its access tokens too, within a second
    everywhere, and at once in the process that ended it."""

    async def is_live(self, session_id: SessionFamilyId, user_id: UserId, now: datetime) -> bool:
        """True while the family has a token that is not revoked and the user is neither
        disabled nor locked at ``now``. An adapter may answer from what it learned up to a
        second ago."""
        ...

    def forget(self, user_id: UserId) -> None:
        """Drop what this process remembers of the user's sessions (one just ended here)."""
        ...

    async def live_among(
        self, sessions: Collection[tuple[SessionFamilyId, UserId]], now: datetime
    ) -> frozenset[SessionFamilyId]:
        """Which of these (session, user) pairs are live at ``now``, as ``is_live`` rules,
        asked afresh (nothing remembered) and all at once: what open event streams are
        checked against, a few times a second, whatever their number."""
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

    def issue_stream_ticket(self, claims: AccessClaims, now: datetime) -> IssuedAccessToken:
        """A ticket for the event stream (for browsers, whose EventSource cannot send an
        Authorization header): same user, role and session as ``claims``, valid one minute,
        refused by ``verify_access_token``."""
        ...

    def verify_stream_ticket(self, ticket: str, now: datetime) -> AccessClaims:
        """Raise ``InvalidTokenError`` for anything but a valid, unexpired stream ticket."""
        ...

    def new_refresh_secret(self) -> str:
        """A fresh random opaque refresh token, given to the client once."""
        ...

    def hash_refresh_secret(self, secret: str) -> str:
        """The stable digest under which a refresh token is stored and looked up."""
        ...
