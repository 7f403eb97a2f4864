"""Failed sign-ins, counted per email address and client address.

Rules (docs/product.md, "2. Accounts and sessions"):
- failures are counted per pair of (normalised email, client address): after
  ``LockoutPolicy.max_failures`` in a row, none more than ``LockoutPolicy.lock_duration``
  after the one before, the pair is locked for ``lock_duration``; a success clears the
  pair's count (a typo a month ago does not bring a lock closer today);
- the same holds whether or not an account has that email, and a locked pair is answered the
  same way for both, so the answers reveal nothing about which emails are registered;
- a stranger guessing from one address locks only their own pair: the account's owner, from
  anywhere else, still signs in. (An operator can still lock an account as a whole:
  ``User.locked_until``.)
- a wrong current password when changing it is a failed sign-in too.

Only a digest of the pair is kept, never an email someone merely tried.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from booking_domain.accounts.errors import AccountLockedError


@dataclass(frozen=True, slots=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_duration: timedelta = timedelta(minutes=15)


def sign_in_key(email: str, address: str) -> str:
    """The pair's key: a SHA-256 digest of the normalised email and the client address."""
    return hashlib.sha256(f"{email}\n{address}".encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class SignInAttempts:
    """The failures in a row of one pair, and until when the pair is locked."""

    key: str
    updated_at: datetime
    failures: int = 0
    locked_until: datetime | None = None

    def ensure_not_locked(self, now: datetime) -> None:
        """Raise :class:`AccountLockedError` (with the seconds left) while the lock lasts."""
        if self.locked_until is not None and now < self.locked_until:
            seconds = (self.locked_until - now).total_seconds()
            raise AccountLockedError(retry_after_seconds=int(seconds) + 1)

    def with_failure(self, now: datetime, policy: LockoutPolicy) -> SignInAttempts:
        """One more failure; the one that reaches the limit locks the pair and restarts the
        count (after the lock, a fresh set of attempts). Failures older than the window
        (``lock_duration``) before this one are forgotten."""
        recent = now - self.updated_at < policy.lock_duration
        failures = (self.failures if recent else 0) + 1
        if failures >= policy.max_failures:
            locked = now + policy.lock_duration
            return dataclasses.replace(self, failures=0, locked_until=locked, updated_at=now)
        return dataclasses.replace(self, failures=failures, updated_at=now)
