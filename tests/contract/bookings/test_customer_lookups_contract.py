"""The ``CustomerLookupRepository`` contract (``bookings.lookups``), in memory and on
PostgreSQL: one more lookup a call, counted per account and window; a later window starts
again, an earlier one (a clock a little behind) counts in the stored window; each count is
durable at once in an ``autocommit`` unit of work, whatever the block does after it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.shared import Role
from tests.support.catalog import add_user
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio
HOUR = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


async def _count(uow_factory: AnyUnitOfWorkFactory, user_id: object, window: datetime) -> int:
    async with uow_factory(autocommit=True) as uow:
        return await uow.customer_lookups.count(user_id, window)  # type: ignore[arg-type]


async def test_lookups_count_per_account_and_window(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist = await add_user(uow_factory, Role.ARTIST)
    other = await add_user(uow_factory, Role.ARTIST)
    assert [await _count(uow_factory, artist.user_id, HOUR) for _ in range(3)] == [1, 2, 3]
    assert await _count(uow_factory, other.user_id, HOUR) == 1
    assert await _count(uow_factory, artist.user_id, HOUR - timedelta(hours=1)) == 4
    assert await _count(uow_factory, artist.user_id, HOUR + timedelta(hours=1)) == 1
    assert await _count(uow_factory, artist.user_id, HOUR + timedelta(hours=1)) == 2


async def test_a_count_stays_when_the_block_fails_after_it(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist = await add_user(uow_factory, Role.ARTIST)
    with pytest.raises(RuntimeError):
        async with uow_factory(autocommit=True) as uow:
            await uow.customer_lookups.count(artist.user_id, HOUR)
            raise RuntimeError("the booking was refused")
    assert await _count(uow_factory, artist.user_id, HOUR) == 2
