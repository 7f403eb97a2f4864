"""What every account use case is given.

Every use case has the same shape (docs/architecture.md, rule 2): open the unit of work,
load, ask the domain, save, commit. Password hashing happens outside the transaction where
it can, so a slow hash never holds a database connection while it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from booking_domain.accounts.ports import (
    AccountsUnitOfWorkFactory,
    PasswordHasher,
    SessionCheck,
    TokenService,
)
from booking_domain.accounts.sign_in import LockoutPolicy
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
    policy: SessionPolicy = field(default_factory=SessionPolicy)
