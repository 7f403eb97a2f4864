"""What every account use case is given, and the pieces they share.

Every use case has the same shape (DESIGN.md, rule 2): open the unit of work, load, ask the
domain, save, commit. Password hashing happens outside the transaction where it can, so a
slow hash never holds a database connection while it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from booking_domain.accounts.ports import (
    AccountsUnitOfWork,
    AccountsUnitOfWorkFactory,
    IssuedAccessToken,
    PasswordHasher,
    SessionCheck,
    TokenService,
)
from booking_domain.accounts.sessions import RefreshToken, SessionFamilyId, issue_refresh_token
from booking_domain.accounts.sign_in import LockoutPolicy
from booking_domain.accounts.users import DEFAULT_LOCALE, User, admin_created_audit
from booking_domain.shared.clock import Clock
from booking_domain.shared.identity import Role
from booking_domain.shared.ids import UserId, new_uuid7


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    refresh_token_ttl: timedelta = timedelta(days=30)
    lockout: LockoutPolicy = field(default_factory=LockoutPolicy)


@dataclass(frozen=True, slots=True)
class AccountsDeps:
    """The collaborators every account use case needs, wired once by the container."""

    uow: AccountsUnitOfWorkFactory
    hasher: PasswordHasher
    tokens: TokenService
    sessions: SessionCheck
    clock: Clock
    policy: SessionPolicy = field(default_factory=SessionPolicy)


@dataclass(frozen=True, slots=True)
class SessionTokens:
    """What a client receives when a session starts or is refreshed. ``refresh_token`` is
    the only copy of the secret: the server keeps just its hash."""

    access: IssuedAccessToken
    refresh_token: str
    refresh_expires_at: datetime
    family_id: SessionFamilyId


@dataclass(frozen=True, slots=True)
class SignedIn:
    user: User
    tokens: SessionTokens


async def open_session(
    deps: AccountsDeps,
    uow: AccountsUnitOfWork,
    user: User,
    now: datetime,
    family: SessionFamilyId | None = None,
) -> tuple[SessionTokens, RefreshToken]:
    """Store a new refresh token (in ``family``, or a new one) and issue an access token
    bound to that family. Returns what the client gets and the stored record."""
    secret = deps.tokens.new_refresh_secret()
    record = issue_refresh_token(
        user.id, deps.tokens.hash_refresh_secret(secret), now, deps.policy.refresh_token_ttl, family
    )
    await uow.refresh_tokens.add(record)
    access = deps.tokens.issue_access_token(user.id, user.role, record.family_id, now)
    return SessionTokens(access, secret, record.expires_at, record.family_id), record


async def create_account(
    deps: AccountsDeps,
    *,
    email: str,
    name: str,
    role: Role,
    password: str,
    sign_in: bool,
    locale: str = DEFAULT_LOCALE,
) -> tuple[User, SessionTokens | None]:
    """Store a new user (email, name and locale already checked), signed in when asked."""
    password_hash = await deps.hasher.hash(password)
    now = deps.clock.now()
    user = User(UserId(new_uuid7()), email, name, role, password_hash, now, now, locale=locale)
    async with deps.uow() as uow:
        await uow.users.add(user)
        if role is Role.ADMIN:  # an operator's act (sign-up never makes admins)
            await uow.audit.record(admin_created_audit(user))
        tokens = (await open_session(deps, uow, user, now))[0] if sign_in else None
        await uow.commit()
    return user, tokens
