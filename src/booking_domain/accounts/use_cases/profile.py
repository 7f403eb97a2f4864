"""One's own account: read it, change name and phone, change the password."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.accounts.errors import UserNotFoundError
from booking_domain.accounts.guessing import count_a_failure, refuse_a_locked_pair
from booking_domain.accounts.phone_codes import CodePurpose
from booking_domain.accounts.ports import AccountsUnitOfWork
from booking_domain.accounts.sessions import SessionFamilyId
from booking_domain.accounts.sign_in import sign_in_key
from booking_domain.accounts.use_cases.deps import AccountsDeps
from booking_domain.accounts.use_cases.email_links import checked_new_email, start_email_change
from booking_domain.accounts.use_cases.phone_codes import read_number, send_code
from booking_domain.accounts.users import User, password_problems, require_verified_email
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.identity import Actor
from booking_domain.shared.use_case import UseCase


class GetProfile(UseCase[AccountsDeps]):
    async def __call__(self, actor: Actor) -> User:
        async with self._deps.uow(read_only=True) as uow:
            user = await uow.users.get(actor.user_id)
        if user is None or user.disabled:
            raise UserNotFoundError()
        return user


@dataclass(frozen=True, slots=True)
class ProfileUpdate:
    """The account after an edit, and the changes that wait for the new address's link or
    the new number's code."""

    user: User
    pending_email: str | None = None
    pending_phone: str | None = None


class UpdateProfile(UseCase[AccountsDeps]):
    """Change one's own name, language, phone and email, from a client ``address``.

    A phone is read as the platform reads numbers (``PhoneNumbers``: a mobile number,
    national ones in its region) and stored in E.164. An unverified phone is a contact
    number and changes at once. A verified one stays until the new number's code is entered
    (``ChangePhone``): the code is sent here, within the usual limits. An email stays until
    the link sent to the new address is opened, and the old address is told. Everything is
    checked before anything changes."""

    async def __call__(
        self,
        actor: Actor,
        *,
        name: str | None,
        phone: str | None,
        locale: str | None = None,
        email: str | None = None,
        address: str = "",
    ) -> ProfileUpdate:
        s = self._deps
        number = read_number(s, phone) if phone is not None and phone.strip() else phone
        async with s.uow(read_only=True) as uow:  # everything checked before any change
            user = await _editable(uow, actor)
            new_email = None if email is None else await checked_new_email(uow, user, email)
            moving = user.phone_verified and bool(number) and number != user.phone
            kept = None if moving else number
            user.with_profile(s.clock.now(), name=name, phone=kept, locale=locale)
        if moving and number:
            # The code leaves first: a refused send (cooldown, budget) changes nothing.
            require_verified_email(user)
            await send_code(
                s,
                number,
                CodePurpose.PHONE_CHANGE,
                address,
                owner=user.id,
                locale=locale or user.locale,
            )
        async with s.uow() as uow:
            current = await _editable(uow, actor)
            updated = current.with_profile(s.clock.now(), name=name, phone=kept, locale=locale)
            await uow.users.update(updated)
            await uow.commit()
        if new_email is not None:
            await start_email_change(s, updated, new_email)
        return ProfileUpdate(updated, new_email, number if moving else None)


async def _editable(uow: AccountsUnitOfWork, actor: Actor) -> User:
    user = await uow.users.get(actor.user_id)
    if user is None or user.disabled:
        raise UserNotFoundError()
    return user


class ChangePassword(UseCase[AccountsDeps]):
    """Change one's own password, proving the current one from a client ``address``. A
    wrong current password is a failed sign-in of that pair (and a locked pair is refused).
    Every other session is revoked; the caller's own session family (``keep_family``), if
    given, survives. An account made without a password (by phone code or Telegram) sets
    its first one from its session alone: it has no current password to prove."""

    async def __call__(
        self,
        actor: Actor,
        *,
        current_password: str,
        new_password: str,
        address: str,
        keep_family: SessionFamilyId | None = None,
    ) -> None:
        s = self._deps
        async with s.uow(read_only=True) as uow:
            user = await uow.users.get(actor.user_id)
        if user is None or user.disabled:
            raise UserNotFoundError()
        key = sign_in_key(user.sign_in_name, address)
        attempts = await refuse_a_locked_pair(s, key)
        stored = user.password_hash
        if stored is not None and not await s.hasher.verify(stored, current_password):
            await count_a_failure(s, key)
            raise InvalidInputError(
                errors=(
                    FieldError(
                        "currentPassword", "The current password is wrong.", "wrong_password"
                    ),
                )
            )
        _check_new_password(user, current_password, new_password)
        new_hash = await s.hasher.hash(new_password)
        async with s.uow() as uow:
            now = s.clock.now()
            current = await uow.users.get(actor.user_id)
            if current is None or current.disabled:  # suspended or deleted meanwhile
                raise UserNotFoundError()
            await uow.users.update(current.with_password_hash(new_hash, now))
            await uow.refresh_tokens.revoke_user_sessions(user.id, now, keep=keep_family)
            await uow.email_links.spend_all(user.id, now)  # no reset link outlives it
            if attempts is not None:
                await uow.sign_in_attempts.clear(key)
            await uow.commit()
        s.sessions.forget(user.id)


def _check_new_password(user: User, current_password: str, new_password: str) -> None:
    problems = password_problems(new_password, email=user.email or "", name=user.name)
    if new_password == current_password:
        problems.append(FieldError("newPassword", "Choose a different password.", "unchanged"))
    if problems:
        raise InvalidInputError(
            errors=tuple(
                FieldError("newPassword", p.message, p.code) if p.field == "password" else p
                for p in problems
            )
        )
