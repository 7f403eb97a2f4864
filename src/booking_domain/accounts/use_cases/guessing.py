"""Password guessing, counted and refused per (email, client address) pair (the rules are
``booking_domain.accounts.sign_in``'s): what signing in and changing a password share."""

from __future__ import annotations

from booking_domain.accounts.sign_in import SignInAttempts
from booking_domain.accounts.use_cases.deps import AccountsDeps


async def refuse_a_locked_pair(deps: AccountsDeps, key: str) -> SignInAttempts | None:
    """The pair's failures so far; ``AccountLockedError`` while the pair is locked."""
    async with deps.uow(read_only=True) as uow:
        attempts = await uow.sign_in_attempts.get(key)
    if attempts is not None:
        attempts.ensure_not_locked(deps.clock.now())
    return attempts


async def count_a_failure(deps: AccountsDeps, key: str) -> None:
    """Record one more failure of the pair (locking it when it reaches the limit)."""
    async with deps.uow() as uow:
        now = deps.clock.now()
        attempts = await uow.sign_in_attempts.lock(key, now)
        await uow.sign_in_attempts.save(attempts.with_failure(now, deps.policy.lockout))
        await uow.commit()
