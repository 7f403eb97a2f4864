"""The waitlist's lock order on PostgreSQL: answering an offer and leaving an entry take
the artist's calendar before the entry and its booking, as the reader and an account's
deletion do. The deletion of an artist locks their bookings, then deletes the entries of
their waitlist: an answer that held the entry while it waited for the booking would
deadlock with it. So an answer waits for the calendar holding nothing of the offer."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Coroutine
from datetime import timedelta
from typing import Any

import anyio
import pytest

from booking_domain.shared.errors import ServiceUnavailableError
from booking_domain.shared.identity import Actor
from booking_domain.shared.pages import PageRequest
from booking_domain.waitlist import EntryState
from tests.contract.waitlist.test_waitlist_contract import Shop, a_shop, book_and_cancel
from tests.support.storage import (
    PostgresUnits,
    postgres_units_at,
    until_a_lock_is_awaited,
)

pytestmark = pytest.mark.anyio
TERMINATE_THE_WAITING = (
    "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
)


@pytest.fixture
async def uow_factory(database_url: str) -> AsyncIterator[PostgresUnits]:
    async with postgres_units_at(database_url, max_size=8) as units:
        yield units


async def someone_waits_for_a_calendar(uow_factory: PostgresUnits) -> None:
    """Until a transaction queues on an advisory lock (a calendar)."""
    assert await until_a_lock_is_awaited(uow_factory, advisory=True), "nobody waited"


async def an_offer(uow_factory: PostgresUnits) -> tuple[Shop, Actor]:
    shop = await a_shop(uow_factory)
    await shop.join(shop.first)
    await book_and_cancel(shop)
    assert await shop.app.bundles.waitlist.offer_freed_times() == 1
    return shop, shop.first


@pytest.mark.parametrize("step", ["accept", "decline", "leave"])
async def test_an_answer_waits_for_the_calendar_before_it_takes_the_entry_or_the_booking(
    uow_factory: PostgresUnits, step: str
) -> None:
    shop, customer = await an_offer(uow_factory)
    w = shop.app.bundles.waitlist
    view = (await w.my_waitlist(customer, PageRequest())).items[0]
    assert view.entry.offer is not None
    booking_id, entry_id = view.entry.offer.booking_id, view.entry.id
    answers: dict[str, Callable[[], Coroutine[Any, Any, object]]] = {
        "accept": lambda: w.accept_offer(customer, booking_id),
        "decline": lambda: w.decline_offer(customer, booking_id),
        "leave": lambda: w.leave(customer, entry_id),
    }
    async with anyio.create_task_group() as group, uow_factory() as holder:
        await holder.bookings.hold_calendar(shop.artist.id)
        group.start_soon(answers[step])
        await someone_waits_for_a_calendar(uow_factory)
        async with uow_factory() as other:  # neither is locked by the waiting answer
            with anyio.fail_after(5):
                assert await other.waitlist.get(entry_id, for_update=True) is not None
                assert await other.bookings.get(booking_id, for_update=True) is not None
    shop.app.clock.advance(timedelta(seconds=1))
    after = await w.get_entry(customer, entry_id)
    assert after.state is (EntryState.ACCEPTED if step == "accept" else EntryState.DECLINED)


async def test_a_reader_whose_connection_is_lost_fails_its_batch_and_passes_nothing_over(
    uow_factory: PostgresUnits, caplog: pytest.LogCaptureFixture
) -> None:
    """The storage gone away mid-batch is no freed time to pass over: the batch fails
    whole (nothing of it is kept) and the next look reads it again."""
    shop = await a_shop(uow_factory)
    await shop.join(shop.first)
    await book_and_cancel(shop)
    reader = shop.app.bundles.waitlist.offer_freed_times
    with caplog.at_level(logging.WARNING, logger="inkslot.waitlist"):
        async with uow_factory() as holder:
            await holder.bookings.hold_calendar(shop.artist.id)
            async with anyio.create_task_group() as group:
                failed = anyio.Event()

                async def read() -> None:
                    with pytest.raises(ServiceUnavailableError):
                        await reader()
                    failed.set()

                group.start_soon(read)
                await someone_waits_for_a_calendar(uow_factory)
                await holder.connection.execute(TERMINATE_THE_WAITING)
                with anyio.fail_after(10):
                    await failed.wait()
    assert [r.getMessage() for r in caplog.records if r.name == "inkslot.waitlist"] == []
    assert await reader() == 1  # read again: the time is offered
