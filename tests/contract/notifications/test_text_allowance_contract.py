"""The texts charged to accounts a day, on every adapter: charges add up per account and
day, a read answers for the accounts asked (one read), and old days are purged."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.support.builders import START
from tests.support.catalog import add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
DAY = START.date()


async def test_charges_add_up_per_account_and_day_and_old_days_are_purged(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    a, b, c = [(await add_user(uow_factory)).user_id for _ in range(3)]
    async with uow_factory() as uow:
        assert await uow.text_allowance.used([a, b], DAY) == {}
        await uow.text_allowance.charge(DAY, {a: 2, b: 1})
        await uow.text_allowance.charge(DAY, {a: 3})
        await uow.text_allowance.charge(DAY - timedelta(days=2), {c: 4})
        await uow.text_allowance.charge(DAY, {})
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.text_allowance.used([a, b, c], DAY) == {a: 5, b: 1}
        assert await uow.text_allowance.used([c], DAY - timedelta(days=2)) == {c: 4}
    async with uow_factory() as uow:
        assert await uow.text_allowance.purge(DAY - timedelta(days=1)) == 1
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.text_allowance.used([c], DAY - timedelta(days=2)) == {}
        assert await uow.text_allowance.used([a], DAY) == {a: 5}
