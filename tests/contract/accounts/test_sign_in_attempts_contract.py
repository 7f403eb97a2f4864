"""The failed sign-ins repository, on every adapter: a pair's record is created on first
lock, saved, forgotten, and concurrent failures of one pair are all counted."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from booking_domain.accounts import LockoutPolicy, SignInAttempts
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
POLICY = LockoutPolicy(max_failures=1_000)


async def _fail_once(uow_factory: AnyUnitOfWorkFactory, key: str) -> None:
    async with uow_factory() as uow:
        attempts = await uow.sign_in_attempts.lock(key, START)
        await uow.sign_in_attempts.save(attempts.with_failure(START, POLICY))
        await uow.commit()


async def test_a_pair_unknown_so_far_has_no_record_until_it_fails(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    async with uow_factory(read_only=True) as uow:
        assert await uow.sign_in_attempts.get("k") is None
    await _fail_once(uow_factory, "k")
    async with uow_factory(read_only=True) as uow:
        assert await uow.sign_in_attempts.get("k") == SignInAttempts("k", START, failures=1)
        assert await uow.sign_in_attempts.get("other") is None


async def test_a_saved_lock_reads_back_and_clear_forgets_the_pair(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    locked = SignInAttempts("k", START, failures=0, locked_until=START + timedelta(minutes=15))
    async with uow_factory() as uow:
        await uow.sign_in_attempts.lock("k", START)
        await uow.sign_in_attempts.save(locked)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.sign_in_attempts.get("k") == locked
        await uow.sign_in_attempts.clear("k")
        await uow.sign_in_attempts.clear("never-seen")  # nothing to forget: no error
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.sign_in_attempts.get("k") is None


async def test_a_rolled_back_failure_is_not_counted(uow_factory: AnyUnitOfWorkFactory) -> None:
    async with uow_factory() as uow:
        attempts = await uow.sign_in_attempts.lock("k", START)
        await uow.sign_in_attempts.save(attempts.with_failure(START, POLICY))
    async with uow_factory(read_only=True) as uow:
        assert await uow.sign_in_attempts.get("k") is None


async def test_concurrent_failures_of_one_pair_are_each_counted(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    await asyncio.gather(*(_fail_once(uow_factory, "k") for _ in range(12)))
    async with uow_factory(read_only=True) as uow:
        stored = await uow.sign_in_attempts.get("k")
    assert stored is not None and stored.failures == 12
