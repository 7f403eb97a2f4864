"""Codes by text message: send one, sign in (or up) with it, unlock with it, prove a new
number with it (rules: ``accounts.phone_codes``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.accounts.devices import SessionDevice
from booking_domain.accounts.errors import AccountDisabledError, UserNotFoundError
from booking_domain.accounts.phone_codes import (
    HISTORY_WINDOW,
    CodePurpose,
    InvalidCodeError,
    PhoneCode,
    PhoneCodeId,
    SmsBudgetExhaustedError,
    address_network,
    check_sending,
    new_phone_code,
    seconds_to_next_day,
)
from booking_domain.accounts.ports import AccountsUnitOfWork
from booking_domain.accounts.proving import code_hash, enter_code
from booking_domain.accounts.sign_in import sign_in_key
from booking_domain.accounts.texts import code_text, number_changed_text
from booking_domain.accounts.use_cases.deps import AccountsDeps
from booking_domain.accounts.use_cases.session_tokens import SignedIn, open_session
from booking_domain.accounts.users import (
    DEFAULT_LOCALE,
    SELF_SERVICE_ROLES,
    User,
    checked_locale,
    checked_name,
    require_verified_email,
)
from booking_domain.shared.errors import (
    FieldError,
    InvalidInputError,
    NotAuthenticatedError,
    ServiceUnavailableError,
)
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId, new_uuid7
from booking_domain.shared.use_case import UseCase


class CodeNotSentError(ServiceUnavailableError):
    code = "code_not_sent"
    default_message = "The code could not be sent; try again in a minute."


@dataclass(frozen=True, slots=True)
class CodeSent:
    """What the caller learns of a send: when the code expires and when another may be
    asked for. The same for every number, with an account or without."""

    expires_at: datetime
    resend_after: datetime


def read_number(deps: AccountsDeps, phone: str) -> str:
    """The number as stored (E.164), or ``InvalidInputError`` for what is not a mobile
    number."""
    number = deps.phones.mobile(phone)
    if number is None:
        detail = "Enter a mobile number such as +976 8811 2233."
        raise InvalidInputError(errors=(FieldError("phone", detail, "invalid_phone"),))
    return number


def textable(deps: AccountsDeps, number: str) -> bool:
    """Whether texts go to ``number`` (``text_reach``: a served region, no blocked range)."""
    return deps.reach.refusal(number, deps.phones.region_of(number)) is None


def require_textable(deps: AccountsDeps, number: str) -> None:
    """Refuse (422 ``unserved_phone``) a code to a number texts do not go to; the same
    answer for a blocked range and an unserved region, and before any limit counts it."""
    if not textable(deps, number):
        raise InvalidInputError(
            errors=(
                FieldError(
                    "phone",
                    "Codes are sent only to mobile numbers of the regions this service serves.",
                    "unserved_phone",
                ),
            )
        )


class SendPhoneCode(UseCase[AccountsDeps]):
    """Send a new code to a number, from a client ``address``, for a purpose: signing in or
    up, or unlocking, by anyone; proving a new number, by the signed-in ``actor`` only.

    The limits (cooldown, hourly per number and per address, the daily budget) are decided
    under a lock of the number, in the transaction that stores the code's digest; the text
    leaves after the commit, so a code that is sent always exists."""

    async def __call__(
        self,
        *,
        phone: str,
        purpose: CodePurpose,
        address: str,
        actor: Actor | None = None,
        locale: str = DEFAULT_LOCALE,
    ) -> CodeSent:
        s = self._deps
        number = read_number(s, phone)
        if purpose is CodePurpose.PHONE_CHANGE and actor is None:
            raise NotAuthenticatedError("Sign in to change your phone number.")
        owner = actor.user_id if purpose is CodePurpose.PHONE_CHANGE and actor else None
        return await send_code(s, number, purpose, address, owner=owner, locale=locale)


async def send_code(
    deps: AccountsDeps,
    number: str,
    purpose: CodePurpose,
    address: str,
    *,
    owner: UserId | None = None,
    locale: str = DEFAULT_LOCALE,
) -> CodeSent:
    """Send a new code to ``number`` (E.164) for ``purpose`` (``owner``: the account a
    phone-change code is for), where texts go and within the limits (``SendPhoneCode``)."""
    require_textable(deps, number)
    now = deps.clock.now()
    code = deps.new_code()
    code_id = PhoneCodeId(new_uuid7())
    address_key = deps.digest.digest("client-address", address_network(address))
    record = new_phone_code(
        number,
        purpose,
        code_hash(deps.digest, code_id, code),
        address_key,
        now,
        deps.codes,
        code_id=code_id,
        user_id=owner,
    )
    async with deps.uow() as uow:
        await uow.phone_codes.lock_sending(number, address_key)
        history = await uow.phone_codes.history(number, address_key, now - HISTORY_WINDOW)
        check_sending(history, now, deps.codes)
        if not await uow.phone_codes.take_from_budget(now.date(), deps.codes.daily_budget):
            raise SmsBudgetExhaustedError(retry_after_seconds=seconds_to_next_day(now))
        await uow.phone_codes.add(record)
        await uow.commit()
    if not await deps.texts.send(str(code_id), number, code_text(code, locale), secret=True):
        raise CodeNotSentError()
    return CodeSent(record.expires_at, now + deps.codes.resend_cooldown)


async def _entered(
    deps: AccountsDeps,
    uow: AccountsUnitOfWork,
    number: str,
    code: str,
    now: datetime,
    purposes: frozenset[CodePurpose],
) -> PhoneCode:
    """The number's live code for one of ``purposes``, entered (``proving.enter_code``)."""
    return await enter_code(uow, deps.digest, deps.codes, number, code, now, purposes)


def _admitted(user: User, now: datetime) -> None:
    """An operator's lock or suspension stands whatever proves the caller."""
    user.ensure_not_locked(now)
    if user.disabled:
        raise AccountDisabledError()


def _new_phone_account(
    number: str, name: str | None, role: Role, locale: str, now: datetime
) -> User:
    """An account whose only way in is its verified number: no email, no password yet."""
    errors: list[FieldError] = []
    cleaned = checked_name(name or "", errors, missing="Enter your name to create an account.")
    if role not in SELF_SERVICE_ROLES:
        errors.append(FieldError("role", "Choose customer or artist.", "invalid_role"))
    if errors:
        raise InvalidInputError(errors=tuple(errors))
    return User(
        UserId(new_uuid7()),
        None,
        cleaned,
        role,
        None,
        now,
        now,
        phone=number,
        phone_verified=True,
        locale=checked_locale(locale),
    )


class SignInWithPhoneCode(UseCase[AccountsDeps]):
    """Sign in with a code sent to a number, from a client ``address``.

    A sign-in code signs into the account that has verified the number, or makes one (a
    customer unless ``role`` says artist; ``name`` is then required, and the code stays
    live until the account is made). An unlock code signs into that account only and clears
    the failed password sign-ins of this address. Either way an operator's lock or
    suspension still refuses the account."""

    async def __call__(
        self,
        *,
        phone: str,
        code: str,
        address: str,
        name: str | None = None,
        role: Role = Role.CUSTOMER,
        locale: str = DEFAULT_LOCALE,
        user_agent: str | None = None,
    ) -> SignedIn:
        s = self._deps
        number = read_number(s, phone)
        now = s.clock.now()
        purposes = frozenset({CodePurpose.SIGN_IN, CodePurpose.UNLOCK})
        async with s.uow() as uow:
            spent = await _entered(s, uow, number, code, now, purposes)
            user = await uow.users.with_verified_phone(number)
            if spent.purpose is CodePurpose.UNLOCK:
                if user is None:  # nothing to unlock: spend the code as a wrong one would
                    await uow.phone_codes.save(spent)
                    await uow.commit()
                    raise InvalidCodeError()
                await uow.sign_in_attempts.clear(sign_in_key(user.sign_in_name, address))
            elif user is None:
                user = _new_phone_account(number, name, role, locale, now)
                await uow.users.add(user)
            _admitted(user, now)
            await uow.phone_codes.save(spent)
            device = SessionDevice(user_agent, address)
            tokens, _ = await open_session(s, uow, user, now, device=device)
            await uow.commit()
        return SignedIn(user, tokens)


class ChangePhone(UseCase[AccountsDeps]):
    """A signed-in account proves a new number with the code sent to it: the number becomes
    the account's, verified. The old number, when it was verified, is told by text. A
    number another account has verified is refused (only after its code proved the caller
    holds it, so no one learns whose a number is by asking)."""

    async def __call__(self, actor: Actor, *, phone: str, code: str) -> User:
        s = self._deps
        number = read_number(s, phone)
        now = s.clock.now()
        async with s.uow() as uow:
            spent = await _entered(s, uow, number, code, now, frozenset({CodePurpose.PHONE_CHANGE}))
            if spent.user_id != actor.user_id:
                raise InvalidCodeError()
            user = await uow.users.get(actor.user_id)
            if user is None or user.disabled:
                raise UserNotFoundError()
            require_verified_email(user)
            old = user.phone if user.phone_verified and user.phone != number else None
            changed = user.with_verified_phone(number, now)
            await uow.users.update(changed)
            await uow.phone_codes.save(spent)
            await uow.commit()
        if old is not None and textable(s, old):  # an old number outside the regions: no note
            text = number_changed_text(number, user.locale)
            await s.texts.send(f"{spent.id}:old-number", old, text, secret=False)
        return changed


CODE_RETENTION = timedelta(days=1)
"""How long a sent code's record is kept: the hourly limits read the last hour of sends;
a day leaves room to look into abuse, then the number's trace is gone."""


class PurgePhoneCodes(UseCase[AccountsDeps]):
    """Forget codes sent more than ``CODE_RETENTION`` ago; how many."""

    async def __call__(self) -> int:
        async with self._deps.uow() as uow:
            purged = await uow.phone_codes.purge(self._deps.clock.now() - CODE_RETENTION)
            await uow.commit()
        return purged
