"""Making accounts: sign-up, the operator's admins, and the admins' list of accounts."""

from __future__ import annotations

from booking_domain.accounts.use_cases.deps import AccountsDeps, SignedIn, create_account
from booking_domain.accounts.users import (
    DEFAULT_LOCALE,
    User,
    checked_locale,
    validate_registration,
)
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase


class RegisterUser(UseCase[AccountsDeps]):
    """Sign up a customer or an artist, and sign them in."""

    async def __call__(
        self, *, email: str, password: str, name: str, role: Role, locale: str = DEFAULT_LOCALE
    ) -> SignedIn:
        email, name = validate_registration(email, password, name, role)
        locale = checked_locale(locale)
        user, tokens = await create_account(
            self._deps, email=email, name=name, role=role, password=password, sign_in=True,
            locale=locale,
        )  # fmt: skip
        assert tokens is not None  # sign_in=True always opens a session
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
    """Admins list accounts, optionally by role."""

    async def __call__(
        self, actor: Actor, request: PageRequest, *, role: Role | None = None
    ) -> Page[User]:
        if not actor.is_admin:
            raise PermissionDeniedError()
        async with self._deps.uow(read_only=True) as uow:
            return await uow.users.list(request, role=role)
