"""What every account use case is given.

Every use case has the same shape (docs/architecture.md, rule 2): open the unit of work,
load, ask the domain, save, commit. Password hashing happens outside the transaction where
it can, so a slow hash never holds a database connection while it runs.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from booking_domain.accounts.phone_codes import CODE_DIGITS, PhoneCodePolicy
from booking_domain.accounts.ports import (
    AccountMail,
    AccountsUnitOfWorkFactory,
    CodeTexts,
    KeyedDigest,
    PasswordHasher,
    PhoneNumbers,
    SessionCheck,
    TokenService,
)
from booking_domain.accounts.sign_in import LockoutPolicy
from booking_domain.accounts.telegram import TelegramBot
from booking_domain.accounts.text_reach import TextReach
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class SessionPolicy:
    refresh_token_ttl: timedelta = timedelta(days=30)
    lockout: LockoutPolicy = field(default_factory=LockoutPolicy)


@dataclass(frozen=True, slots=True)
class AccountsDeps:
    """The collaborators every account use case needs, wired once by the container."""

    uow: AccountsUnitOfWorkFactory
    hasher: PasswordHasher
    tokens: TokenService
    sessions: SessionCheck
    clock: Clock
    phones: PhoneNumbers
    digest: KeyedDigest
    texts: CodeTexts
    mail: AccountMail
    policy: SessionPolicy = field(default_factory=SessionPolicy)
    codes: PhoneCodePolicy = field(default_factory=PhoneCodePolicy)
    # Where texts go (INKSLOT_SMS_REGIONS): codes and the old number's note alike.
    reach: TextReach = field(default_factory=TextReach)
    new_code: Callable[[], str] = field(default=lambda: random_code())

    @property
    def lockout(self) -> LockoutPolicy:
        """The lockout of failed password sign-ins (``guessing``)."""
        return self.policy.lockout

    # The bot Telegram signs logins for (INKSLOT_TELEGRAM_BOT_TOKEN); None: Telegram off.
    telegram: TelegramBot | None = None


def random_code() -> str:
    """Six digits from the operating system's random source, leading zeros kept."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
