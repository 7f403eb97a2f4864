"""The PostgreSQL relay while nobody in its process listens: it moves past the outbox
without reading it, and a listener who comes hears every event committed after it came,
once."""

from __future__ import annotations

import asyncio
import contextlib
import time

import pytest

from adapters.postgres.outbox import PostgresOutboxFeed
from adapters.postgres.outbox_relay import PostgresOutboxRelay
from booking_domain.shared import FeedItem
from tests.contract.bookings.test_bookings_contract import SLOT, a_booking, store
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import PostgresUnits

pytestmark = pytest.mark.anyio


async def _until(check: object, within: float = 10) -> None:
    deadline = time.monotonic() + within
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "not in time"
        await asyncio.sleep(0.01)


async def test_nobody_listening_reads_nothing_and_a_newcomer_misses_nothing(
    postgres: PostgresUnits,
) -> None:
    relay = PostgresOutboxRelay(PostgresOutboxFeed(postgres.database), poll=0.01)
    published: list[FeedItem] = []
    asked = 0
    open_streams = 0

    def listening() -> bool:
        nonlocal asked
        asked += 1
        return open_streams > 0

    async def publish(item: FeedItem) -> None:
        published.append(item)

    artist = await add_bookable_artist(postgres)
    customer = await add_user(postgres)
    task = asyncio.create_task(relay.run(publish, listening=listening))
    try:
        await _until(lambda: asked > 0)
        unheard, first = a_booking(artist, customer)
        await store(postgres, unheard, first)
        seen = asked
        await _until(lambda: asked > seen + 4)  # several turns past it, nobody listening
        assert published == []
        open_streams = 1  # a stream opens
        heard, event = a_booking(artist, customer, start=SLOT.replace(hour=14))
        await store(postgres, heard, event)
        await _until(lambda: len(published) >= 1)
        seen = asked
        await _until(lambda: asked > seen + 4)
        assert [item.event.subject for item in published] == [f"booking/{heard.id}"]
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
