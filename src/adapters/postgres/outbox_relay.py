"""The relay: each API process follows the outbox itself and pushes new events to its own
listeners (the real-time stream), so a listener on any process hears a change committed
through any other, with no broker in between.

It LISTENs on ``inkslot_outbox`` (NOTIFY is sent by the outbox's trigger and delivered on
commit only) and reads the feed from its cursor on each wake-up; a wake-up that finds events
still held above the horizon (``outbox.py``) reads again ``RECHECK`` seconds later, since
the transaction holding them back may never NOTIFY. Without NOTIFY (a lost connection) it
reads every ``IDLE`` seconds anyway. After an outage it reconnects and goes on from its
cursor: nothing committed meanwhile is skipped.
"""

from __future__ import annotations

import asyncio
import logging

import psycopg

from adapters.postgres.database import psycopg_url
from adapters.postgres.outbox import PostgresEventFeed
from adapters.postgres.tables.events import OUTBOX_CHANNEL
from booking_domain.shared import DomainError, EventRelay
from booking_domain.shared.ports import Publish

_log = logging.getLogger("inkslot.events")
BATCH = 500
RECHECK = 0.02
IDLE = 1.0
RECONNECT = 1.0


class PostgresOutboxRelay(EventRelay):
    def __init__(self, database_url: str, feed: PostgresEventFeed) -> None:
        self._url = psycopg_url(database_url)
        self._feed = feed
        self._cursor: str | None = None
        self._started = False

    async def run(self, publish: Publish) -> None:
        while True:
            try:
                await self._follow(publish)
            except (psycopg.Error, DomainError, OSError) as exc:
                _log.warning("event relay lost the database (%s); reconnecting", type(exc).__name__)
                await asyncio.sleep(RECONNECT)

    async def _follow(self, publish: Publish) -> None:
        async with await psycopg.AsyncConnection.connect(
            self._url, autocommit=True, application_name="inkslot-relay"
        ) as listener:
            await listener.execute(f"LISTEN {OUTBOX_CHANNEL}")
            if not self._started:  # only what commits from now on
                self._cursor = await self._feed.tail()
                self._started = True
            while True:
                await self._drain(publish)
                held = await self._feed.held()
                async for _ in listener.notifies(timeout=RECHECK if held else IDLE, stop_after=1):
                    pass

    async def _drain(self, publish: Publish) -> None:
        while True:
            items = await self._feed.read(self._cursor, limit=BATCH)
            for item in items:
                await publish(item)
                self._cursor = item.cursor
            if len(items) < BATCH:
                return
