"""The phone codes repository, on every adapter: a number has one live code, entries are
saved, the history of a number, of an address and of a range, the daily budget counted
atomically, and a verified number is one account's."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import timedelta

import pytest

from booking_domain.accounts import PhoneAlreadyVerifiedError, Role, User
from booking_domain.accounts.phone_codes import (
    CodePurpose,
    PhoneCode,
    PhoneCodePolicy,
    new_phone_code,
)
from booking_domain.shared import UserId, new_uuid7
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
POLICY = PhoneCodePolicy()
NUMBER = "+97688112233"


def a_code(at_seconds: int = 0, phone: str = NUMBER, address: str = "a1") -> PhoneCode:
    at = START + timedelta(seconds=at_seconds)
    return new_phone_code(phone, CodePurpose.SIGN_IN, f"hash-{at_seconds}", address, at, POLICY)


async def _add(uow_factory: AnyUnitOfWorkFactory, *codes: PhoneCode) -> None:
    async with uow_factory() as uow:
        for code in codes:
            await uow.phone_codes.lock_sending(code.phone, code.address_key)
            await uow.phone_codes.add(code)
        await uow.commit()


async def test_a_new_code_ends_the_numbers_live_one(uow_factory: AnyUnitOfWorkFactory) -> None:
    first, second, other = a_code(0), a_code(60), a_code(30, phone="+97699112233")
    await _add(uow_factory, first, other, second)
    async with uow_factory() as uow:
        live = await uow.phone_codes.live_for_update(NUMBER, START + timedelta(seconds=61))
        assert live == second
        elsewhere = await uow.phone_codes.live_for_update(other.phone, START + timedelta(61))
        assert elsewhere is None  # expired by then (61 days)
        assert await uow.phone_codes.live_for_update(other.phone, START) == other


async def test_an_entry_is_saved_and_a_spent_or_expired_code_is_not_live(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    code = a_code()
    await _add(uow_factory, code)
    wrong = code.entered(False, START, POLICY)
    async with uow_factory() as uow:
        await uow.phone_codes.save(wrong)
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.phone_codes.live_for_update(NUMBER, START) == wrong
        assert await uow.phone_codes.live_for_update(NUMBER, code.expires_at) is None
        await uow.phone_codes.save(wrong.entered(True, START, POLICY))
        await uow.commit()
    async with uow_factory() as uow:
        assert await uow.phone_codes.live_for_update(NUMBER, START) is None


async def test_the_history_of_a_number_and_of_an_address(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    await _add(
        uow_factory,
        a_code(0),
        a_code(100, phone="+97699000001", address="a1"),
        a_code(200, address="a2"),
        a_code(300, phone="+97699000002", address="a3"),
    )
    async with uow_factory() as uow:
        seen = await uow.phone_codes.history(NUMBER, "a1", START + timedelta(seconds=50))
    assert seen.to_number == (START + timedelta(seconds=200),)
    assert seen.from_address == (START + timedelta(seconds=100),)


async def test_the_history_of_a_range_is_every_number_of_its_block(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    """A range is the number less its last 4 digits: +976 8811 xxxx, not +976 8812 xxxx."""
    await _add(
        uow_factory,
        a_code(0, phone="+97688110000", address="a1"),
        a_code(100, phone="+97688119999", address="a2"),
        a_code(200, phone="+97688120000", address="a3"),
        a_code(300, phone="+97688112233", address="a4"),
    )
    async with uow_factory() as uow:
        await uow.phone_codes.lock_sending(NUMBER, "a9")
        seen = await uow.phone_codes.history(NUMBER, "a9", START + timedelta(seconds=50))
    assert seen.to_range == (START + timedelta(seconds=100), START + timedelta(seconds=300))
    assert seen.to_number == (START + timedelta(seconds=300),)
    assert seen.from_address == ()
    assert seen.from_address_to_range == ()
    async with uow_factory() as uow:
        await uow.phone_codes.lock_sending(NUMBER, "a4")
        asked = await uow.phone_codes.history(NUMBER, "a4", START)
    assert asked.from_address_to_range == (START + timedelta(seconds=300),)


async def test_the_budget_is_counted_to_its_limit_per_day(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    day = START.date()
    async with uow_factory() as uow:
        taken = [await uow.phone_codes.take_from_budget(day, 3) for _ in range(5)]
        assert await uow.phone_codes.take_from_budget(day + timedelta(days=1), 3)
        await uow.commit()
    assert taken == [True, True, True, False, False]


async def test_concurrent_takes_never_pass_the_budget(uow_factory: AnyUnitOfWorkFactory) -> None:
    async def take() -> bool:
        async with uow_factory() as uow:
            ok = await uow.phone_codes.take_from_budget(START.date(), 5)
            await uow.commit()
            return ok

    results = await asyncio.gather(*(take() for _ in range(12)))
    assert sum(results) == 5


async def test_purge_forgets_old_codes(uow_factory: AnyUnitOfWorkFactory) -> None:
    await _add(uow_factory, a_code(0), a_code(3_600))
    async with uow_factory() as uow:
        assert await uow.phone_codes.purge(START + timedelta(seconds=1)) == 1
        await uow.commit()
    async with uow_factory() as uow:
        history = await uow.phone_codes.history(NUMBER, "a1", START)
    assert history.to_number == (START + timedelta(seconds=3_600),)


def _phone_user(phone: str | None, verified: bool) -> User:
    return User(
        UserId(new_uuid7()), None, "Bat", Role.CUSTOMER, None, START, START,
        phone=phone, phone_verified=verified,
    )  # fmt: skip


async def test_a_verified_number_is_one_accounts(uow_factory: AnyUnitOfWorkFactory) -> None:
    holder, unverified = _phone_user(NUMBER, True), _phone_user(NUMBER, False)
    async with uow_factory() as uow:
        await uow.users.add(holder)
        await uow.users.add(unverified)  # an unverified copy of the number is no claim
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.users.with_verified_phone(NUMBER) == holder
        assert await uow.users.with_verified_phone("+97699112233") is None
    with pytest.raises(PhoneAlreadyVerifiedError):
        async with uow_factory() as uow:
            await uow.users.update(replace(unverified, phone_verified=True))
            await uow.commit()
    with pytest.raises(PhoneAlreadyVerifiedError):
        async with uow_factory() as uow:
            await uow.users.add(_phone_user(NUMBER, True))
            await uow.commit()
