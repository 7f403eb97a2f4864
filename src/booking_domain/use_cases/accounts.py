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
    normalize_email,
    password_problems,
    validate_registration,
)
from booking_domain.errors import (
    AccountDisabledError,
    FieldError,
    InvalidCredentialsError,
    InvalidInputError,
    InvalidTokenError,
    PermissionDeniedError,
    RefreshTokenReusedError,
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


class Login:
    """Sign in with email and password.

    Wrong email and wrong password fail the same way, in about the same time (an unknown email
    still costs one hash verification). Failures count towards the lockout; a success resets
    the count and upgrades the stored hash when the hashing parameters have changed.
    """

    def __init__(self, services: AccountServices) -> None:
        self._s = services
        self._dummy_hash: str | None = None

    async def _spend_a_verification(self, password: str) -> None:
        """Cost an unknown email the same hash work as a known one (no user enumeration by
        timing). The dummy hash is made once, with the current parameters."""
        if self._dummy_hash is None:
            self._dummy_hash = await self._s.hasher.hash("inkslot-dummy-password")
        await self._s.hasher.verify(self._dummy_hash, password)

    async def __call__(self, *, email: str, password: str) -> SignedIn:
        s = self._s
        email = normalize_email(email)
        async with s.uow(read_only=True) as uow:
            user = await uow.users.get_by_email(email)
        if user is None:
            await self._spend_a_verification(password)
            raise InvalidCredentialsError()
        user.ensure_not_locked(s.clock.now())
        matches = await s.hasher.verify(user.password_hash, password)
        new_hash = (
            await s.hasher.hash(password)
            if matches and s.hasher.needs_rehash(user.password_hash)
            else None
        )

        async with s.uow() as uow:
            # Reload: the lock state may have moved while the hash was being checked.
            current = await uow.users.get(user.id)
            if current is None:
                raise InvalidCredentialsError()
            now = s.clock.now()
            current.ensure_not_locked(now)
            if not matches:
                await uow.users.update(current.with_failed_login(now, s.policy.lockout))
                await uow.commit()
                raise InvalidCredentialsError()
            if current.disabled:
                raise AccountDisabledError()
            updated = current.with_successful_login(now)
            if new_hash is not None:
                updated = updated.with_password_hash(new_hash, now)
            if updated is not current:
                await uow.users.update(updated)
            tokens, _ = await s.open_session(uow, updated, now)
            await uow.commit()
        return SignedIn(updated, tokens)


class RefreshSession:
    """Trade a refresh token for a new pair. The old one is spent; a spent one presented again
    revokes its whole family (someone copied it)."""

    def __init__(self, services: AccountServices) -> None:
        self._s = services

    async def __call__(self, *, refresh_token: str) -> SignedIn:
        s = self._s
        token_hash = s.tokens.hash_refresh_secret(refresh_token)
        async with s.uow() as uow:
            now = s.clock.now()
            record = await uow.refresh_tokens.get_by_hash_for_update(token_hash)
            if record is None:
                raise InvalidTokenError()
            if record.is_spent and record.revoked_at is None:
                await uow.refresh_tokens.revoke_family(record.family_id, now)
                await uow.commit()
                raise RefreshTokenReusedError()
            if not record.is_usable(now):
                raise InvalidTokenError()
            user = await uow.users.get(record.user_id)
            if user is None or user.disabled:
                raise InvalidTokenError()
            tokens, successor = await s.open_session(uow, user, now, record.family_id)
            await uow.refresh_tokens.update(record.spent(now, successor.id))
            await uow.commit()
        return SignedIn(user, tokens)


class Logout:
    """End the session the refresh token belongs to. Unknown tokens are ignored: logging out
    twice, or with a stale token, is not an error."""

    def __init__(self, services: AccountServices) -> None:
        self._s = services

    async def __call__(self, *, refresh_token: str) -> None:
        s = self._s
        async with s.uow() as uow:
            record = await uow.refresh_tokens.get_by_hash_for_update(
                s.tokens.hash_refresh_secret(refresh_token)
            )
            if record is not None:
                await uow.refresh_tokens.revoke_family(record.family_id, s.clock.now())
                await uow.commit()


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
