"""The PostgreSQL relay while nobody in its process listens: it moves past the outbox
without reading it, and a listener who comes hears every event committed after it came,
once."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

import pytest

from adapters.postgres.database import Database
from adapters.postgres.outbox import PostgresOutboxFeed
from adapters.postgres.outbox_relay import PostgresOutboxRelay
from booking_domain.shared import FeedItem
from tests.contract.bookings.test_bookings_contract import SLOT, a_booking, store
from tests.support.builders import TEST_SECRETS
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import PostgresUnits, postgres_units

pytestmark = pytest.mark.anyio


@pytest.fixture
async def uow(database_url: str) -> AsyncIterator[PostgresUnits]:
    database = Database(database_url, min_size=1, max_size=4)
    await database.open()
    try:
        yield postgres_units(database, secrets=TEST_SECRETS)
    finally:
        await database.close()


async def _until(check: object, within: float = 10) -> None:
    deadline = time.monotonic() + within
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "not in time"
        await asyncio.sleep(0.01)


async def test_nobody_listening_reads_nothing_and_a_newcomer_misses_nothing(
    uow: PostgresUnits,
) -> None:
    relay = PostgresOutboxRelay(PostgresOutboxFeed(uow.database), poll=0.01)
    published: list[FeedItem] = []
    asked = 0
    open_streams = 0

    def listening() -> bool:
        nonlocal asked
        asked += 1
        return open_streams > 0

    async def publish(item: FeedItem) -> None:
        published.append(item)

    artist = await add_bookable_artist(uow)
    customer = await add_user(uow)
    task = asyncio.create_task(relay.run(publish, listening=listening))
    try:
        await _until(lambda: asked > 0)
        unheard, first = a_booking(artist, customer)
        await store(uow, unheard, first)
        seen = asked
        await _until(lambda: asked > seen + 4)  # several turns past it, nobody listening
        assert published == []
        open_streams = 1  # a stream opens
        heard, event = a_booking(artist, customer, start=SLOT.replace(hour=14))
        await store(uow, heard, event)
        await _until(lambda: len(published) >= 1)
        seen = asked
        await _until(lambda: asked > seen + 4)
        assert [item.event.subject for item in published] == [f"booking/{heard.id}"]
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
