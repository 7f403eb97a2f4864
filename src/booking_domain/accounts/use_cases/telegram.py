"""Telegram sign-in (the Login Widget, a Mini App), and linking Telegram to an account.

Every payload is verified (``telegram``) and spent in the transaction that uses it, so it
signs in or links once; a refused use (a suspended account, an id linked elsewhere) rolls
the spending back with the rest. With no bot configured every use case here raises
``TelegramOffError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from booking_domain.accounts.devices import SessionDevice
from booking_domain.accounts.errors import AccountDisabledError, UserNotFoundError
from booking_domain.accounts.ports import AccountsUnitOfWork
from booking_domain.accounts.telegram import (
    TelegramAlreadyLinkedError,
    TelegramBot,
    TelegramLink,
    TelegramLogin,
    TelegramLoginReusedError,
    TelegramNotLinkedError,
    TelegramOffError,
    TelegramOnlyWayInError,
    has_another_way_in,
    telegram_name,
    verified_login,
    verified_web_app,
)
from booking_domain.accounts.use_cases.deps import AccountsDeps
from booking_domain.accounts.use_cases.session_tokens import SignedIn, open_session
from booking_domain.accounts.users import User, require_verified_email
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.use_case import UseCase


def _bot(deps: AccountsDeps) -> TelegramBot:
    if deps.telegram is None:
        raise TelegramOffError()
    return deps.telegram


async def _spend(uow: AccountsUnitOfWork, login: TelegramLogin) -> None:
    if not await uow.telegram.spend(login.payload_hash, login.expires_at):
        raise TelegramLoginReusedError()


def _new_telegram_account(login: TelegramLogin, now: datetime) -> User:
    """A customer whose only way in is Telegram: no email, no password, no phone."""
    name = telegram_name(login)
    user_id = UserId(new_uuid7())
    return User(user_id, None, name, Role.CUSTOMER, None, now, now, locale=login.locale)


async def _signed_in(
    deps: AccountsDeps, login: TelegramLogin, now: datetime, device: SessionDevice
) -> SignedIn:
    """Spend the payload and sign into the account linked to its Telegram id, or into a new
    one linked to it. An operator's lock or suspension refuses it, as it refuses passwords."""
    async with deps.uow() as uow:
        await _spend(uow, login)
        link = await uow.telegram.get(login.telegram_id)
        user = None if link is None else await uow.users.get(link.user_id)
        if user is None:
            user = _new_telegram_account(login, now)
            await uow.users.add(user)
            await uow.telegram.add(TelegramLink(login.telegram_id, user.id, login.username, now))
        user.ensure_not_locked(now)
        if user.disabled:
            raise AccountDisabledError()
        tokens, _ = await open_session(deps, uow, user, now, device=device)
        await uow.commit()
    return SignedIn(user, tokens)


class SignInWithTelegram(UseCase[AccountsDeps]):
    """Sign in (or sign up) with the Telegram Login Widget's data: ``fields`` are every field
    received, as the strings Telegram signed, ``hash`` among them."""

    async def __call__(
        self,
        *,
        fields: Mapping[str, str],
        address: str | None = None,
        user_agent: str | None = None,
    ) -> SignedIn:
        now = self._deps.clock.now()
        login = verified_login(_bot(self._deps), fields, now)
        return await _signed_in(self._deps, login, now, SessionDevice(user_agent, address))


class SignInWithTelegramWebApp(UseCase[AccountsDeps]):
    """Sign in (or sign up) from a Telegram Mini App with its raw ``initData``."""

    async def __call__(
        self, *, init_data: str, address: str | None = None, user_agent: str | None = None
    ) -> SignedIn:
        now = self._deps.clock.now()
        login = verified_web_app(_bot(self._deps), init_data, now)
        return await _signed_in(self._deps, login, now, SessionDevice(user_agent, address))


class LinkTelegram(UseCase[AccountsDeps]):
    """Link the caller's account to the Telegram account the Login Widget's ``fields`` prove.
    A Telegram account linked to another account is refused (``TelegramAlreadyLinkedError``);
    one linked already to the caller's stays so; another Telegram account linked to the
    caller's is replaced."""

    async def __call__(self, actor: Actor, *, fields: Mapping[str, str]) -> TelegramLink:
        now = self._deps.clock.now()
        login = verified_login(_bot(self._deps), fields, now)
        async with self._deps.uow() as uow:
            user = await uow.users.get(actor.user_id)
            if user is None or user.disabled:
                raise UserNotFoundError()
            require_verified_email(user)
            await _spend(uow, login)
            linked = await uow.telegram.get(login.telegram_id)
            if linked is not None and linked.user_id == actor.user_id:
                await uow.commit()
                return linked
            if linked is not None:
                raise TelegramAlreadyLinkedError()
            await uow.telegram.remove(actor.user_id)
            link = TelegramLink(login.telegram_id, actor.user_id, login.username, now)
            await uow.telegram.add(link)
            await uow.commit()
        return link


class UnlinkTelegram(UseCase[AccountsDeps]):
    """Unlink the caller's Telegram account; refused while Telegram is the account's only
    way in (``telegram.has_another_way_in``)."""

    async def __call__(self, actor: Actor) -> None:
        _bot(self._deps)
        async with self._deps.uow() as uow:
            user = await uow.users.get(actor.user_id)
            if user is None:
                raise UserNotFoundError()
            if await uow.telegram.of_user(user.id) is None:
                raise TelegramNotLinkedError()
            if not has_another_way_in(user):
                raise TelegramOnlyWayInError()
            await uow.telegram.remove(user.id)
            await uow.commit()


class PurgeSpentTelegramLogins(UseCase[AccountsDeps]):
    """Forget spent login payloads too old to be accepted anyway; how many."""

    async def __call__(self) -> int:
        async with self._deps.uow() as uow:
            purged = await uow.telegram.purge_spent(self._deps.clock.now())
            await uow.commit()
        return purged
