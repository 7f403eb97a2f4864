"""One-time codes sent by text message: how a number is proven to be the caller's.

Rules (docs/product.md, "Phone codes"):
- a code is 6 digits, lives 5 minutes, and is spent by its first correct entry;
- only a keyed digest of the code is stored (``CodeDigest``); the code itself exists in the
  text message and, for as long as it takes to send it, in the sending process's memory;
- every send makes a new code and ends every earlier live code of the number, whatever it
  was for: a number has at most one live code;
- a code takes at most 5 wrong entries; the fifth ends it;
- a code goes only where texts go (``text_reach``: the served regions, never a satellite or
  premium range);
- a number is sent a code at most once a minute (the cooldown), 5 times an hour and 10 times
  in 24 hours; a client address (an IPv6 one by its /64 network, which one subscriber holds
  whole) asks for at most 20 codes an hour and 50 in 24 hours (any numbers); a range of
  numbers (``number_range``: all but the last 4 digits, 10,000 numbers) is sent at most
  ``per_range_daily`` codes in 24 hours, of which one address asks at most a fifth
  (``per_address_range_daily``: one address cannot spend a block's allowance and so stop
  codes to the 10,000 numbers in it; that takes five addresses); the platform sends at
  most ``daily_budget`` codes a UTC day (the SMS budget): beyond it codes are refused for
  all. The limits of the number,
  the address and the range are there so that no one caller, and no one block of numbers,
  can spend the budget that everyone's sign-in depends on;
- the answer to a send does not depend on whether the number has an account: the limits are
  the number's and the address's, never the account's.
"""

from __future__ import annotations

import ipaddress
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
    per_number_daily: int = 10
    per_address_daily: int = 50
    per_range_daily: int = 50  # INKSLOT_SMS_RANGE_DAILY_LIMIT
    daily_budget: int = 1_000  # INKSLOT_SMS_DAILY_LIMIT

    @property
    def per_address_range_daily(self) -> int:
        """What one address may ask of a range's daily allowance: a fifth of it."""
        return max(1, self.per_range_daily // RANGE_SHARES)


RANGE_SHARES = 5
"""How many addresses it takes to spend a range's daily allowance of codes."""


RANGE_TAIL = 4
"""The digits a number's range leaves out: a range is a block of 10,000 numbers, the unit
carriers hand out and pumping schemes rent whole."""


def number_range(number: str) -> str:
    """The block of numbers ``number`` (E.164) belongs to: all but its last 4 digits."""
    return number[:-RANGE_TAIL]


def address_network(address: str) -> str:
    """What the per-address limits count by: an IPv4 address itself, an IPv6 one by its /64
    network (one subscriber's whole allocation: counting single IPv6 addresses would give an
    abuser 2**64 fresh ones). Anything else (a test's name, a proxy's odd header) as it is."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:  # an IPv4 client seen through an IPv6 socket
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


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


HISTORY_WINDOW = timedelta(hours=24)
"""How far back the limits look (the longest of their windows)."""


@dataclass(frozen=True, slots=True)
class SendingHistory:
    """The codes sent in the 24 hours before a send: the times of the number's, of the
    asking address's, of the number's range's, and of those the asking address asked for
    the range (each oldest first)."""

    to_number: tuple[datetime, ...] = ()
    from_address: tuple[datetime, ...] = ()
    to_range: tuple[datetime, ...] = ()
    from_address_to_range: tuple[datetime, ...] = ()


def check_sending(history: SendingHistory, now: datetime, policy: PhoneCodePolicy) -> None:
    """Refuse a send the cooldown or a limit of the number, the address or the range forbids,
    saying when to retry."""
    hour, day = timedelta(hours=1), HISTORY_WINDOW
    to_number = [t for t in history.to_number if now - t < day]
    if to_number and now - to_number[-1] < policy.resend_cooldown:
        wait = to_number[-1] + policy.resend_cooldown - now
        raise CodeCooldownError(retry_after_seconds=_seconds(wait))
    waits = [
        _wait(history.to_number, now, hour, policy.per_number_hourly),
        _wait(history.from_address, now, hour, policy.per_address_hourly),
        _wait(history.to_number, now, day, policy.per_number_daily),
        _wait(history.from_address, now, day, policy.per_address_daily),
        _wait(history.to_range, now, day, policy.per_range_daily),
        _wait(history.from_address_to_range, now, day, policy.per_address_range_daily),
    ]
    refused = [w for w in waits if w is not None]
    if refused:
        # Every limit that refuses must have let go before a retry can pass.
        raise TooManyCodesError(retry_after_seconds=_seconds(max(refused)))


def _wait(
    sent: tuple[datetime, ...], now: datetime, window: timedelta, limit: int
) -> timedelta | None:
    """How long until fewer than ``limit`` of ``sent`` lie in the ``window`` before the
    moment (None: already fewer): until the oldest that counts leaves the window."""
    recent = [t for t in sent if now - t < window]
    return recent[-limit] + window - now if len(recent) >= limit else None


def seconds_to_next_day(now: datetime) -> int:
    """Until the SMS budget's next UTC day."""
    tomorrow = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return _seconds(tomorrow - now)


def _seconds(delta: timedelta) -> int:
    whole = int(delta.total_seconds())
    return whole + 1 if delta.total_seconds() > whole else max(whole, 1)
