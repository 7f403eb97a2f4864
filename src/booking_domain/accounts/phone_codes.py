"""One-time codes sent by text message: how a number is proven to be the caller's.

Rules (docs/product.md, "Phone codes"):
- a code is 6 digits, lives 5 minutes, and is spent by its first correct entry;
- only a keyed digest of the code is stored (``CodeDigest``); the code itself exists in the
  text message and, for as long as it takes to send it, in the sending process's memory;
- every send makes a new code and ends every earlier live code of the number, whatever it
  was for: a number has at most one live code;
- a code takes at most 5 wrong entries; the fifth ends it;
- a number is sent a code at most once a minute (the cooldown) and 5 times an hour; a client
  address asks for at most 20 codes an hour (any numbers); the platform sends at most
  ``daily_budget`` codes a UTC day (the SMS budget): beyond it codes are refused for all;
- the answer to a send does not depend on whether the number has an account: the limits are
  the number's and the address's, never the account's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.shared.errors import (
    NotAuthenticatedError,
    RetryLaterError,
    ServiceUnavailableError,
)
from booking_domain.shared.ids import UserId, new_uuid7

PhoneCodeId = NewType("PhoneCodeId", UUID)

CODE_DIGITS = 6


class CodePurpose(StrEnum):
    """What a code proves the number for."""

    SIGN_IN = "sign_in"  # sign in, or sign up when the number has no account
    UNLOCK = "unlock"  # sign in past failed-password locks of the account
    PHONE_CHANGE = "phone_change"  # a signed-in account's new number


@dataclass(frozen=True, slots=True)
class PhoneCodePolicy:
    """The limits of codes (docs/product.md, "Phone codes")."""

    ttl: timedelta = timedelta(minutes=5)
    max_attempts: int = 5
    resend_cooldown: timedelta = timedelta(seconds=60)
    per_number_hourly: int = 5
    per_address_hourly: int = 20
    daily_budget: int = 1_000


class InvalidCodeError(NotAuthenticatedError):
    """A wrong, spent, superseded or expired code: deliberately one error for all."""

    code = "invalid_code"
    default_message = "The code is wrong or has expired; ask for a new one."


class CodeCooldownError(RetryLaterError):
    code = "code_cooldown"
    default_message = "A code was just sent to this number; wait before asking again."


class TooManyCodesError(RetryLaterError):
    code = "too_many_codes"
    default_message = "Too many codes were asked for; try again later."


class SmsBudgetExhaustedError(ServiceUnavailableError):
    """The platform's daily budget of code messages is spent (``INKSLOT_SMS_DAILY_LIMIT``)."""

    code = "sms_budget_exhausted"
    default_message = "No more codes can be sent today; sign in another way or try tomorrow."

    def __init__(self, message: str | None = None, *, retry_after_seconds: int = 3600) -> None:
        super().__init__(message)
        self.retry_after_seconds = max(1, int(retry_after_seconds))


@dataclass(frozen=True, slots=True)
class PhoneCode:
    """The stored half of a code sent to ``phone`` (never the code itself)."""

    id: PhoneCodeId
    phone: str  # E.164
    purpose: CodePurpose
    code_hash: str
    address_key: str  # a digest of the client address that asked
    created_at: datetime
    expires_at: datetime
    user_id: UserId | None = None  # the account changing its number (PHONE_CHANGE)
    attempts: int = 0  # wrong entries so far
    spent_at: datetime | None = None  # used, superseded, or out of attempts

    def is_live(self, now: datetime) -> bool:
        return self.spent_at is None and now < self.expires_at

    def entered(self, matches: bool, now: datetime, policy: PhoneCodePolicy) -> PhoneCode:
        """The code after one entry: spent by a correct one, one attempt more by a wrong
        one, and spent by the last wrong one the policy allows."""
        if not self.is_live(now):
            return self
        if matches:
            return replace(self, spent_at=now)
        attempts = self.attempts + 1
        spent = now if attempts >= policy.max_attempts else None
        return replace(self, attempts=attempts, spent_at=spent)


def new_phone_code(
    phone: str,
    purpose: CodePurpose,
    code_hash: str,
    address_key: str,
    now: datetime,
    policy: PhoneCodePolicy,
    *,
    code_id: PhoneCodeId | None = None,
    user_id: UserId | None = None,
) -> PhoneCode:
    return PhoneCode(
        id=code_id or PhoneCodeId(new_uuid7()),
        phone=phone,
        purpose=purpose,
        code_hash=code_hash,
        address_key=address_key,
        created_at=now,
        expires_at=now + policy.ttl,
        user_id=user_id,
    )


@dataclass(frozen=True, slots=True)
class SendingHistory:
    """The codes sent in the hour before a send: the times of the number's, and of the
    asking address's (each oldest first)."""

    to_number: tuple[datetime, ...] = ()
    from_address: tuple[datetime, ...] = ()


def check_sending(history: SendingHistory, now: datetime, policy: PhoneCodePolicy) -> None:
    """Refuse a send the cooldown or the hourly limits forbid, saying when to retry."""
    hour = timedelta(hours=1)
    recent_to_number = [t for t in history.to_number if now - t < hour]
    recent_from_address = [t for t in history.from_address if now - t < hour]
    if recent_to_number and now - recent_to_number[-1] < policy.resend_cooldown:
        wait = recent_to_number[-1] + policy.resend_cooldown - now
        raise CodeCooldownError(retry_after_seconds=_seconds(wait))
    for sent, limit in (
        (recent_to_number, policy.per_number_hourly),
        (recent_from_address, policy.per_address_hourly),
    ):
        if len(sent) >= limit:
            # Retry when the oldest send that counts towards the limit leaves the hour.
            raise TooManyCodesError(retry_after_seconds=_seconds(sent[-limit] + hour - now))


def seconds_to_next_day(now: datetime) -> int:
    """Until the SMS budget's next UTC day."""
    tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return _seconds(tomorrow - now)


def _seconds(delta: timedelta) -> int:
    whole = int(delta.total_seconds())
    return whole + 1 if delta.total_seconds() > whole else max(whole, 1)
