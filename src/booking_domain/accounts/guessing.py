"""Password guessing, counted and refused per (email, client address) pair (the rules are
``booking_domain.accounts.sign_in``'s): what signing in, changing a password and deleting
an account (``booking_domain.privacy``) share."""

from __future__ import annotations

from typing import Protocol

from booking_domain.accounts.ports import AccountsUnitOfWork
from booking_domain.accounts.sign_in import LockoutPolicy, SignInAttempts
from booking_domain.shared.clock import Clock
from booking_domain.shared.ports import UnitOfWorkFactory


class Guessing(Protocol):
    """What counting guesses needs: units of work over failed sign-ins, a clock, a policy."""

    @property
    def uow(self) -> UnitOfWorkFactory[AccountsUnitOfWork]: ...

    @property
    def clock(self) -> Clock: ...

    @property
    def lockout(self) -> LockoutPolicy: ...


async def refuse_a_locked_pair(deps: Guessing, key: str) -> SignInAttempts | None:
    """The pair's failures so far; ``AccountLockedError`` while the pair is locked."""
    async with deps.uow(read_only=True) as uow:
        attempts = await uow.sign_in_attempts.get(key)
    if attempts is not None:
        attempts.ensure_not_locked(deps.clock.now())
    return attempts


async def count_a_failure(deps: Guessing, key: str) -> None:
    """Record one more failure of the pair (locking it when it reaches the limit)."""
    async with deps.uow() as uow:
        now = deps.clock.now()
        attempts = await uow.sign_in_attempts.lock(key, now)
        await uow.sign_in_attempts.save(attempts.with_failure(now, deps.lockout))
        await uow.commit()
