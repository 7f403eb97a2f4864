"""Users and the account rules.

Rules (docs/product.md, "2. Accounts and sessions"):
- an email is compared in its canonical form (``emails.normalize_email``), and look-alikes of
  another address are refused at sign-up (``emails.email_problem``);
- a password has at least 10 characters, at most 256, is not one character repeated, is not a
  well-known password, holds no control characters, and does not contain the user's email
  local part or name;
- failed sign-ins lock an (email, client address) pair, not the account (``sign_in``); an
  admin may lock an account as a whole until a moment (``locked_until``) or suspend it
  until reinstated (``disabled``), either of which ends its sessions (``moderated``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from booking_domain.accounts.emails import email_problem, normalize_email
from booking_domain.accounts.errors import AccountLockedError, EmailNotVerifiedError
from booking_domain.shared.audit import AuditEntry, audit_entry
from booking_domain.shared.errors import (
    FieldError,
    InvalidInputError,
    InvalidTransitionError,
    PermissionDeniedError,
)
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import UserId
from booking_domain.shared.outbox import JsonValue, subject_of
from booking_domain.shared.text import text_problem
from booking_domain.shared.time import utc_text

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 256
MAX_NAME_LENGTH = 120

# Deliberately small: the length rule already excludes most leaked passwords; these are the
# 10+ character ones that top every breach list.
_COMMON_PASSWORDS = frozenset(
    {
        "1234567890",
        "12345678910",
        "123456789012",
        "0123456789",
        "qwertyuiop",
        "1q2w3e4r5t",
        "password12",
        "password123",
        "password1234",
        "iloveyou12",
        "qwerty1234",
        "qwerty12345",
        "1qaz2wsx3edc",
        "abcdefghij",
        "letmein123",
        "welcome123",
        "passw0rd123",
        "administrator",
    }
)

# E.164: "+", a country code and the number, 8 to 15 digits in all, no leading zero.
_E164_RE = re.compile(r"^\+[1-9][0-9]{7,14}$")
_PHONE_PUNCTUATION = str.maketrans("", "", " -.()\u00a0")
MONGOLIA = "+976"  # a national number of 8 digits is taken as Mongolian
LOCALES = ("en", "mn")
DEFAULT_LOCALE = "en"


SELF_SERVICE_ROLES = frozenset({Role.CUSTOMER, Role.ARTIST})
"""Roles a person may choose at sign-up; admins are made by an operator."""


@dataclass(frozen=True, slots=True)
class User:
    """A person with an account. Immutable: every change returns a new value."""

    id: UserId
    email: str | None  # None for an account made by phone code or Telegram
    name: str
    role: Role
    password_hash: str | None  # None until an account made without one sets a password
    created_at: datetime
    updated_at: datetime
    phone: str | None = None  # E.164, "+97688112233"
    locale: str = DEFAULT_LOCALE  # the language of messages: "en" or "mn"
    locked_until: datetime | None = None  # an operator's lock of the whole account
    disabled: bool = False
    # Proven by a code to the number (``phone_codes``); at most one account holds a
    # verified number, and only a verified number signs in.
    phone_verified: bool = False
    email_verified: bool = False
    # When the owner deleted the account (``accounts.leaving``): anonymised, never again
    # signed into; the row stays for the bookings, payments and audit entries naming it.
    deleted_at: datetime | None = None

    @property
    def actor(self) -> Actor:
        return Actor(self.id, self.role)

    def ensure_not_locked(self, now: datetime) -> None:
        """Raise :class:`AccountLockedError` while an operator's lock lasts."""
        if self.locked_until is not None and now < self.locked_until:
            seconds = (self.locked_until - now).total_seconds()
            raise AccountLockedError(retry_after_seconds=int(seconds) + 1)

    def with_profile(
        self, now: datetime, *, name: str | None, phone: str | None, locale: str | None = None
    ) -> User:
        """Apply a profile edit; ``None`` leaves a field as it is, ``""`` clears the phone.
        A verified number is changed only by a code to the new one (``phone_codes``): it may
        be how the account signs in."""
        errors: list[FieldError] = []
        new_name = self.name if name is None else checked_name(name, errors)
        new_phone = self.phone if phone is None else _checked_phone(phone, errors)
        if self.phone_verified and new_phone != self.phone and not errors:
            detail = "Change a verified number with a code sent to the new one."
            errors.append(FieldError("phone", detail, "verified_phone"))
        new_locale = self.locale if locale is None else _checked_locale(locale, errors)
        if errors:
            raise InvalidInputError(errors=tuple(errors))
        return replace(self, name=new_name, phone=new_phone, locale=new_locale, updated_at=now)

    def with_password_hash(self, password_hash: str, now: datetime) -> User:
        return replace(self, password_hash=password_hash, updated_at=now)

    def with_verified_email(self, email: str, now: datetime) -> User:
        """The address (normalised) proven by a link sent to it is the account's, verified."""
        return replace(self, email=email, email_verified=True, updated_at=now)

    def with_verified_phone(self, phone: str, now: datetime) -> User:
        """The number (E.164) proven by a code to it is the account's, verified."""
        return replace(self, phone=phone, phone_verified=True, updated_at=now)

    @property
    def sign_in_name(self) -> str:
        """What failed sign-ins of this account are counted under (``sign_in.sign_in_key``):
        its email, else its verified number, else its id."""
        if self.email is not None:
            return self.email
        return self.phone if self.phone_verified and self.phone else str(self.id)


def require_verified_email(user: User) -> None:
    """An account with an email proves a number or links Telegram only once its address is
    verified: otherwise whoever signed up with someone else's address could add a way in
    that outlives the owner's password reset."""
    if user.email is not None and not user.email_verified:
        raise EmailNotVerifiedError()


class Moderation(StrEnum):
    """What an admin does to an account (``User.moderated``)."""

    LOCK = "lock"  # until a moment: sign-in refused, sessions ended
    UNLOCK = "unlock"
    SUSPEND = "suspend"  # until reinstated: sign-in refused, sessions ended
    REINSTATE = "reinstate"

    @property
    def ends_sessions(self) -> bool:
        return self in (Moderation.LOCK, Moderation.SUSPEND)


# An operator's lock lasts at most this long (a longer one is a suspension).
MAX_LOCK = timedelta(days=365)


def moderated(
    user: User, actor: Actor, now: datetime, action: Moderation, until: datetime | None = None
) -> User:
    """An admin locks (until a moment in the next ``MAX_LOCK``), unlocks, suspends or
    reinstates another account; never their own (an admin cannot shut themselves out). A
    lock or a suspension ends the account's sessions (the use case revokes them); unlocking
    or reinstating an account that is not locked or suspended is a conflict."""
    _require_another_admin(user, actor)
    if user.deleted_at is not None:
        raise InvalidTransitionError("The account has been deleted.")
    if action is Moderation.LOCK:
        return _locked(user, now, until)
    if until is not None:
        raise InvalidInputError(errors=(FieldError("until", "Only a lock takes it."),))
    if action is Moderation.UNLOCK:
        return _unlocked(user, now)
    if action is Moderation.SUSPEND:
        return _suspended(user, now)
    return _reinstated(user, now)


def _require_another_admin(user: User, actor: Actor) -> None:
    """Only an admin moderates, and never their own account."""
    if not actor.is_admin:
        raise PermissionDeniedError("Only admins moderate accounts.")
    if actor.user_id == user.id:
        raise InvalidTransitionError("An admin cannot lock or suspend their own account.")


def _locked(user: User, now: datetime, until: datetime | None) -> User:
    """A lock ends at a moment after now and within ``MAX_LOCK``."""
    if until is None or not now < until <= now + MAX_LOCK:
        detail = "A moment in the next 365 days, with a UTC offset."
        raise InvalidInputError(errors=(FieldError("until", detail, "out_of_range"),))
    return replace(user, locked_until=until, updated_at=now)


def _unlocked(user: User, now: datetime) -> User:
    """Only a lock still running is lifted."""
    if user.locked_until is None or user.locked_until <= now:
        raise InvalidTransitionError("The account is not locked.")
    return replace(user, locked_until=None, updated_at=now)


def _suspended(user: User, now: datetime) -> User:
    """An account is suspended once."""
    if user.disabled:
        raise InvalidTransitionError("The account is already suspended.")
    return replace(user, disabled=True, updated_at=now)


def _reinstated(user: User, now: datetime) -> User:
    """Only a suspended account is reinstated."""
    if not user.disabled:
        raise InvalidTransitionError("The account is not suspended.")
    return replace(user, disabled=False, updated_at=now)


_MODERATION_ACTIONS = {
    Moderation.LOCK: "account.locked",
    Moderation.UNLOCK: "account.unlocked",
    Moderation.SUSPEND: "account.suspended",
    Moderation.REINSTATE: "account.reinstated",
}


def _restriction(user: User) -> dict[str, JsonValue]:
    until = None if user.locked_until is None else utc_text(user.locked_until)
    return {"lockedUntil": until, "suspended": user.disabled}


def moderation_audit(
    before: User, after: User, actor: Actor, action: Moderation, now: datetime
) -> AuditEntry:
    """The audit entry of a moderation: the account's lock and suspension around it."""
    return audit_entry(
        _MODERATION_ACTIONS[action],
        subject_of("user", after.id),
        now,
        actor=actor,
        before=_restriction(before),
        after=_restriction(after),
    )


def admin_created_audit(user: User) -> AuditEntry:
    """An operator made an admin account (at the console: no actor)."""
    after: dict[str, JsonValue] = {"email": user.email, "role": user.role.value}
    return audit_entry(
        "account.admin_created", subject_of("user", user.id), user.created_at, after=after
    )


def validate_registration(email: str, password: str, name: str, role: Role) -> tuple[str, str]:
    """Check sign-up input; return the normalised ``(email, name)`` or raise with field errors."""
    errors: list[FieldError] = []
    email = normalize_email(email)
    if (problem := email_problem(email)) is not None:
        errors.append(problem)
    name = checked_name(name, errors)
    if role not in SELF_SERVICE_ROLES:
        errors.append(FieldError("role", "Choose customer or artist.", "invalid_role"))
    errors.extend(password_problems(password, email=email, name=name))
    if errors:
        raise InvalidInputError(errors=tuple(errors))
    return email, name


def password_problems(password: str, *, email: str, name: str) -> list[FieldError]:
    """Everything wrong with a new password (an empty list when it is acceptable)."""

    def weak(message: str) -> list[FieldError]:
        return [FieldError("password", message, "weak_password")]

    if len(password) < MIN_PASSWORD_LENGTH:
        return weak(f"Use at least {MIN_PASSWORD_LENGTH} characters.")
    if len(password) > MAX_PASSWORD_LENGTH:
        return weak(f"Use at most {MAX_PASSWORD_LENGTH} characters.")
    if (problem := text_problem("password", password)) is not None:
        return [problem]
    lowered = password.lower()
    if len(set(lowered)) == 1 or lowered in _COMMON_PASSWORDS:
        return weak("This password is too easy to guess.")
    personal = [email.partition("@")[0], *name.lower().split()]
    if any(len(part) >= 3 and part in lowered for part in personal):
        return weak("Do not use your name or email in your password.")
    return []


def checked_name(name: str, errors: list[FieldError], *, missing: str = "Enter your name.") -> str:
    """A person's name with its runs of white space made one space; its problem (control
    characters, empty, over ``MAX_NAME_LENGTH``) added to ``errors``, ``missing`` saying
    what to enter when it is empty."""
    cleaned = " ".join(name.split())
    if (problem := text_problem("name", cleaned)) is not None:
        errors.append(problem)
    elif not cleaned:
        errors.append(FieldError("name", missing, "required"))
    elif len(cleaned) > MAX_NAME_LENGTH:
        errors.append(FieldError("name", f"Use at most {MAX_NAME_LENGTH} characters.", "too_long"))
    return cleaned


def e164(phone: str) -> str | None:
    """The number in E.164 (None when it is not a phone number): spaces, dashes, dots and
    brackets are dropped, a leading "00" is "+", and 8 digits alone are a Mongolian
    number."""
    compact = phone.strip().translate(_PHONE_PUNCTUATION)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if len(compact) == 8 and compact.isascii() and compact.isdigit():
        compact = MONGOLIA + compact
    return compact if _E164_RE.match(compact) else None


def _checked_phone(phone: str, errors: list[FieldError]) -> str | None:
    if not phone.strip():
        return None
    number = e164(phone)
    if number is None:
        errors.append(
            FieldError("phone", "Enter a phone number such as +976 8811 2233.", "invalid_phone")
        )
    return number


def checked_locale(locale: str) -> str:
    """The locale as stored, or ``InvalidInputError``."""
    errors: list[FieldError] = []
    checked = _checked_locale(locale, errors)
    if errors:
        raise InvalidInputError(errors=tuple(errors))
    return checked


def _checked_locale(locale: str, errors: list[FieldError]) -> str:
    if locale not in LOCALES:
        errors.append(FieldError("locale", "Choose en or mn.", "invalid_locale"))
        return DEFAULT_LOCALE
    return locale
