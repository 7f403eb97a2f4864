"""Account and session use cases.

Every use case has the same shape (DESIGN.md, rule 2): open the unit of work, load, ask the
domain, save, commit. Password hashing happens outside the transaction where it can, so a
slow hash never holds a database connection while it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from booking_domain.accounts import (
    Actor,
    LockoutPolicy,
    Role,
    User,
    password_problems,
    validate_registration,
)
from booking_domain.errors import (
    FieldError,
    InvalidInputError,
    PermissionDeniedError,
    UserNotFoundError,
)
from booking_domain.ids import UserId, new_uuid7
from booking_domain.pages import Page, PageRequest
from booking_domain.ports import (
    Clock,
    IssuedAccessToken,
    PasswordHasher,
    TokenService,
    UnitOfWork,
    UnitOfWorkFactory,
)
from booking_domain.sessions import RefreshToken, SessionFamilyId, issue_refresh_token


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    refresh_token_ttl: timedelta = timedelta(days=30)
    lockout: LockoutPolicy = field(default_factory=LockoutPolicy)


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


@dataclass(frozen=True, slots=True)
class AccountServices:
    """The collaborators every account use case needs, wired once by the container."""

    uow: UnitOfWorkFactory
    hasher: PasswordHasher
    tokens: TokenService
    clock: Clock
    policy: SessionPolicy = field(default_factory=SessionPolicy)

    async def open_session(
        self, uow: UnitOfWork, user: User, now: datetime, family: SessionFamilyId | None = None
    ) -> tuple[SessionTokens, RefreshToken]:
        """Store a new refresh token (in ``family``, or a new one) and issue an access token
        bound to that family. Returns what the client gets and the stored record."""
        secret = self.tokens.new_refresh_secret()
        record = issue_refresh_token(
            user.id,
            self.tokens.hash_refresh_secret(secret),
            now,
            self.policy.refresh_token_ttl,
            family,
        )
        await uow.refresh_tokens.add(record)
        access = self.tokens.issue_access_token(user.id, user.role, record.family_id, now)
        return SessionTokens(access, secret, record.expires_at, record.family_id), record


async def _create_account(
    s: AccountServices, *, email: str, name: str, role: Role, password: str, sign_in: bool
) -> tuple[User, SessionTokens | None]:
    password_hash = await s.hasher.hash(password)
    now = s.clock.now()
    user = User(
        id=UserId(new_uuid7()),
        email=email,
        name=name,
        role=role,
        password_hash=password_hash,
        created_at=now,
        updated_at=now,
    )
    async with s.uow() as uow:
        await uow.users.add(user)
        tokens = (await s.open_session(uow, user, now))[0] if sign_in else None
        await uow.commit()
    return user, tokens


class RegisterUser:
    """Sign up a customer or an artist, and sign them in."""

    def __init__(self, services: AccountServices) -> None:
        self._s = services

    async def __call__(self, *, email: str, password: str, name: str, role: Role) -> SignedIn:
        email, name = validate_registration(email, password, name, role)
        user, tokens = await _create_account(
            self._s, email=email, name=name, role=role, password=password, sign_in=True
        )
        assert tokens is not None  # sign_in=True always opens a session
        return SignedIn(user, tokens)


class CreateAdmin:
    """Operator command: make an admin account (admins never sign themselves up)."""

    def __init__(self, services: AccountServices) -> None:
        self._s = services

    async def __call__(self, *, email: str, password: str, name: str = "Administrator") -> User:
        # The admin passes the same checks as anyone (customer is only the role being checked).
        email, name = validate_registration(email, password, name, Role.CUSTOMER)
        user, _ = await _create_account(
            self._s, email=email, name=name, role=Role.ADMIN, password=password, sign_in=False
        )
        return user


class GetProfile:
    def __init__(self, services: AccountServices) -> None:
        self._s = services

    async def __call__(self, actor: Actor) -> User:
        async with self._s.uow(read_only=True) as uow:
            user = await uow.users.get(actor.user_id)
        if user is None or user.disabled:
            raise UserNotFoundError()
        return user


class UpdateProfile:
    """Change one's own name and phone."""

    def __init__(self, services: AccountServices) -> None:
        self._s = services

    async def __call__(self, actor: Actor, *, name: str | None, phone: str | None) -> User:
        async with self._s.uow() as uow:
            user = await uow.users.get(actor.user_id)
            if user is None or user.disabled:
                raise UserNotFoundError()
            updated = user.with_profile(self._s.clock.now(), name=name, phone=phone)
            await uow.users.update(updated)
            await uow.commit()
        return updated


class ChangePassword:
    """Change one's own password, proving the current one. Every other session is revoked;
    the caller's own session family (``keep_family``), if given, survives."""

    def __init__(self, services: AccountServices) -> None:
        self._s = services

    async def __call__(
        self,
        actor: Actor,
        *,
        current_password: str,
        new_password: str,
        keep_family: SessionFamilyId | None = None,
    ) -> None:
        s = self._s
        async with s.uow(read_only=True) as uow:
            user = await uow.users.get(actor.user_id)
        if user is None or user.disabled:
            raise UserNotFoundError()
        if not await s.hasher.verify(user.password_hash, current_password):
            raise InvalidInputError(
                errors=(
                    FieldError(
                        "currentPassword", "The current password is wrong.", "wrong_password"
                    ),
                )
            )
        problems = password_problems(new_password, email=user.email, name=user.name)
        if new_password == current_password:
            problems.append(FieldError("newPassword", "Choose a different password.", "unchanged"))
        if problems:
            raise InvalidInputError(
                errors=tuple(
                    FieldError("newPassword", p.message, p.code) if p.field == "password" else p
                    for p in problems
                )
            )
        new_hash = await s.hasher.hash(new_password)
        async with s.uow() as uow:
            now = s.clock.now()
            current = await uow.users.get(actor.user_id)
            if current is None:
                raise UserNotFoundError()
            await uow.users.update(current.with_password_hash(new_hash, now))
            await uow.refresh_tokens.revoke_user_sessions(user.id, now, keep=keep_family)
            await uow.commit()


class ListUsers:
    """Admins list accounts, optionally by role."""

    def __init__(self, services: AccountServices) -> None:
        self._s = services

    async def __call__(
        self, actor: Actor, request: PageRequest, *, role: Role | None = None
    ) -> Page[User]:
        if not actor.is_admin:
            raise PermissionDeniedError()
        async with self._s.uow(read_only=True) as uow:
            return await uow.users.list(request, role=role)
