"""What operators watch, on every adapter: the store's figures move with what is stored,
and only a PostgreSQL store has a pool to report."""

from __future__ import annotations

import pytest

from adapters.memory.operations import InMemoryOperationsReadout
from adapters.postgres.operations import PostgresOperationsReadout
from booking_domain.shared.ports import OperationsReadout
from tests.contract.bookings.test_bookings_contract import a_booking, store
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import (
    AnyUnitOfWorkFactory,
    InMemoryUnitOfWorkFactory,
    PostgresUnitOfWorkFactory,
)

pytestmark = pytest.mark.anyio


def readout_of(uow_factory: AnyUnitOfWorkFactory) -> OperationsReadout:
    if isinstance(uow_factory, InMemoryUnitOfWorkFactory):
        return InMemoryOperationsReadout(uow_factory.store)
    assert isinstance(uow_factory, PostgresUnitOfWorkFactory)
    return PostgresOperationsReadout(uow_factory.database)


async def test_the_figures_count_what_is_stored(uow_factory: AnyUnitOfWorkFactory) -> None:
    readout = readout_of(uow_factory)
    before = await readout.figures()
    artist = await add_bookable_artist(uow_factory)
    customer = await add_user(uow_factory)
    booking, event = a_booking(artist, customer)
    await store(uow_factory, booking, event)
    after = await readout.figures()
    status = booking.status.value
    assert after.bookings.get(status, 0) == before.bookings.get(status, 0) + 1
    assert sum(after.bookings.values()) == sum(before.bookings.values()) + 1
    assert after.payments == before.payments and after.refunds == before.refunds
    pool = readout.pool()
    if isinstance(uow_factory, InMemoryUnitOfWorkFactory):
        assert pool is None
    else:
        assert pool is not None and pool.limit >= pool.size >= pool.idle >= 0
