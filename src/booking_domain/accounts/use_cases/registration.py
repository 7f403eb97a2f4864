"""Making accounts: sign-up, the operator's admins; and admins' list and moderation of
accounts."""

from __future__ import annotations

from datetime import datetime

from booking_domain.accounts.devices import SessionDevice
from booking_domain.accounts.errors import UserNotFoundError
from booking_domain.accounts.ports import UserFilter
from booking_domain.accounts.use_cases.deps import AccountsDeps
from booking_domain.accounts.use_cases.email_links import send_verification
from booking_domain.accounts.use_cases.session_tokens import SessionTokens, SignedIn, open_session
from booking_domain.accounts.users import (
    DEFAULT_LOCALE,
    Moderation,
    User,
    admin_created_audit,
    checked_locale,
    moderated,
    moderation_audit,
    validate_registration,
)
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.text import require_clean_text
from booking_domain.shared.time import require_aware
from booking_domain.shared.use_case import UseCase


async def create_account(
    deps: AccountsDeps,
    *,
    email: str,
    name: str,
    role: Role,
    password: str,
    sign_in: bool,
    locale: str = DEFAULT_LOCALE,
    device: SessionDevice | None = None,
) -> tuple[User, SessionTokens | None]:
    """Store a new user (email, name and locale already checked), signed in (from
    ``device``) when asked."""
    password_hash = await deps.hasher.hash(password)
    now = deps.clock.now()
    user = User(UserId(new_uuid7()), email, name, role, password_hash, now, now, locale=locale)
    async with deps.uow() as uow:
        await uow.users.add(user)
        if role is Role.ADMIN:  # an operator's act (sign-up never makes admins)
            await uow.audit.record(admin_created_audit(user))
        tokens = (await open_session(deps, uow, user, now, device=device))[0] if sign_in else None
        await uow.commit()
    return user, tokens


class RegisterUser(UseCase[AccountsDeps]):
    """Sign up a customer or an artist, and sign them in (a session from ``user_agent`` at
    ``address``, when given)."""

    async def __call__(
        self,
        *,
        email: str,
        password: str,
        name: str,
        role: Role,
        locale: str = DEFAULT_LOCALE,
        user_agent: str | None = None,
        address: str | None = None,
    ) -> SignedIn:
        email, name = validate_registration(email, password, name, role)
        locale = checked_locale(locale)
        user, tokens = await create_account(
            self._deps,
            email=email,
            name=name,
            role=role,
            password=password,
            sign_in=True,
            locale=locale,
            device=SessionDevice(user_agent, address),
        )
        assert tokens is not None  # sign_in=True always opens a session
        await send_verification(self._deps, user, email, soon=True)
        return SignedIn(user, tokens)


class CreateAdmin(UseCase[AccountsDeps]):
    """Operator command: make an admin account (admins never sign themselves up)."""

    async def __call__(self, *, email: str, password: str, name: str = "Administrator") -> User:
        # The admin passes the same checks as anyone (customer is only the role being checked).
        email, name = validate_registration(email, password, name, Role.CUSTOMER)
        user, _ = await create_account(
            self._deps, email=email, name=name, role=Role.ADMIN, password=password, sign_in=False
        )
        return user


class ListUsers(UseCase[AccountsDeps]):
    """Admins list accounts: by role, restricted (locked or suspended now) or not, and text
    in the name or email."""

    async def __call__(
        self,
        actor: Actor,
        request: PageRequest,
        *,
        role: Role | None = None,
        restricted: bool | None = None,
        text: str | None = None,
    ) -> Page[User]:
        if not actor.is_admin:
            raise PermissionDeniedError()
        require_clean_text(single_line=[("q", text)])
        where = UserFilter(role, restricted, text or None, self._deps.clock.now())
        async with self._deps.uow(read_only=True) as uow:
            return await uow.users.list(request, where)


class ModerateAccount(UseCase[AccountsDeps]):
    """An admin locks (until a moment), unlocks, suspends or reinstates an account
    (``users.moderated``). A lock or a suspension revokes every session of the account in
    the same transaction; its access tokens stop working at once in this process and within
    a second in the others (``SessionCheck``)."""

    async def __call__(
        self,
        actor: Actor,
        user_id: UserId,
        action: Moderation,
        *,
        until: datetime | None = None,
    ) -> User:
        now = self._deps.clock.now()
        if until is not None:
            until = require_aware(until, "until")
        async with self._deps.uow() as uow:
            user = await uow.users.get(user_id)
            if user is None:
                raise UserNotFoundError()
            changed = moderated(user, actor, now, action, until)
            await uow.users.update(changed)
            await uow.audit.record(moderation_audit(user, changed, actor, action, now))
            if action.ends_sessions:
                await uow.refresh_tokens.revoke_user_sessions(user_id, now)
            await uow.commit()
        self._deps.sessions.forget(user_id)
        return changed
