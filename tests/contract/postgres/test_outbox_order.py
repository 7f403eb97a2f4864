"""The feed's order on PostgreSQL is numeric in transaction ids: transaction 1000 comes after
transaction 999 (as text, "1000" sorts first; a feed ordered that way hands out a batch
whose last cursor is not its greatest, and its readers skip or repeat events)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import psycopg
import pytest
from psycopg.types.json import Jsonb

from adapters.postgres.database import Database
from adapters.postgres.outbox import PostgresOutboxFeed, parse_cursor
from booking_domain.shared import FeedItem, new_uuid7

pytestmark = pytest.mark.anyio

# Transaction ids on both sides of a change in their number of digits, all long ended (a
# fresh cluster has used a few hundred).
XIDS = (8, 9, 10, 99, 100)


@pytest.fixture
async def feed(database_url: str) -> AsyncIterator[PostgresOutboxFeed]:
    database = Database(database_url, min_size=1, max_size=2)
    await database.open()
    try:
        yield PostgresOutboxFeed(database)
    finally:
        await database.close()


async def _events_written_by(database_url: str, xids: tuple[int, ...]) -> None:
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        for xid in reversed(xids):  # inserted against the order the feed must give
            await conn.execute(
                "INSERT INTO outbox_events (id, type, occurred_at, subject, sequence, data,"
                " audience, xid) VALUES (%s, 'artist.approved', now(), %s, 1, %s, '{}',"
                " %s::text::xid8)",
                (new_uuid7(), f"artist/{xid}", Jsonb({}), str(xid)),
            )


async def _all(feed: PostgresOutboxFeed, limit: int) -> list[FeedItem]:
    items: list[FeedItem] = []
    while batch := await feed.read(items[-1].cursor if items else None, limit=limit):
        items.extend(batch)
    return items


@pytest.mark.parametrize("limit", [1, 4, 1000])
async def test_the_feed_goes_in_numeric_transaction_order_across_digit_counts(
    feed: PostgresOutboxFeed, database_url: str, limit: int
) -> None:
    await _events_written_by(database_url, XIDS)
    items = await _all(feed, limit)
    cursors = [item.cursor for item in items]
    assert cursors == sorted(cursors) and len(set(cursors)) == len(cursors)
    written = [parse_cursor(c)[0] for c in cursors if parse_cursor(c)[0] in XIDS]
    assert written == list(XIDS)
    assert await feed.tail() == cursors[-1]
