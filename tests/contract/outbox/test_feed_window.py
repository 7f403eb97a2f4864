"""The window the followers share answers every read and scan as the database does: the
same events, in the same order, whatever the readers' positions, limits and types, across
the window's ends and while events keep coming."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Sequence
from datetime import timedelta

import pytest

from adapters.postgres.database import Database
from adapters.postgres.feed_window import FeedWindow
from adapters.postgres.outbox import PostgresOutboxFeed
from booking_domain.shared import FeedItem, UserId
from tests.contract.bookings.test_bookings_contract import DEPOSIT, a_booking, store
from tests.contract.outbox.test_outbox_contract import cancel_as_customer
from tests.support.builders import START
from tests.support.catalog import add_bookable_artist, add_user
from tests.support.storage import PostgresUnits

pytestmark = pytest.mark.anyio

TYPES = [
    frozenset({"booking.cancelled"}),
    frozenset({"booking.requested", "booking.expired"}),
    frozenset({"review.created"}),
]


async def _events(postgres: PostgresUnits, count: int, day: int) -> None:
    """``count`` bookings, every other one cancelled: two types, interleaved."""
    artist = await add_bookable_artist(postgres, deposit=DEPOSIT)
    customer = await add_user(postgres)
    for n in range(count):
        start = START.replace(hour=10) + timedelta(days=day + n)
        booking, event = a_booking(artist, customer, start=start)
        await store(postgres, booking, event)
        if n % 2:
            await cancel_as_customer(postgres, booking, customer, artist)


@pytest.mark.parametrize(("kept", "fill"), [(7, 3), (40, 11), (5_000, 500)])
async def test_every_read_and_scan_is_the_databases_answer(
    postgres: PostgresUnits, kept: int, fill: int
) -> None:
    database = PostgresOutboxFeed(postgres.database)
    window = FeedWindow(database, kept=kept, fill=fill)
    await _events(postgres, 12, day=20)
    everything = await database.read(None, limit=10_000)
    chances = random.Random(f"{kept}-{fill}")  # the same walk every run
    for turn in range(150):
        if turn in (60, 110):  # more events while readers are at work
            await _events(postgres, 6, day=20)
            everything = await database.read(None, limit=10_000)
        cursors: list[str | None] = [None, *(i.cursor for i in everything)]
        after = chances.choice(cursors)
        limit = chances.choice([0, 1, 2, 3, 5, 8, 40])
        types = chances.choice([None, *TYPES])
        if chances.random() < 0.5:
            got: list[FeedItem] | tuple[list[FeedItem], str | None, int] = list(
                await window.read(after, limit=limit, types=types)
            )
            expected: object = list(await database.read(after, limit=limit, types=types))
        else:
            wanted = types or TYPES[0]
            scan = await window.scan(after, types=wanted, limit=limit)
            truth = await database.scan(after, types=wanted, limit=limit)
            got = (list(scan.items), scan.reached, scan.looked)
            expected = (list(truth.items), truth.reached, truth.looked)
        assert got == expected, (turn, after, limit, types)


async def test_a_reader_behind_the_window_and_one_for_a_user_go_to_the_database(
    postgres: PostgresUnits,
) -> None:
    database = PostgresOutboxFeed(postgres.database)
    window = FeedWindow(database, kept=4, fill=2)
    await _events(postgres, 6, day=20)
    everything = await database.read(None, limit=10_000)
    tail = everything[-1].cursor
    assert await window.read(everything[-6].cursor, limit=10) == everything[-5:]  # kept: 4
    assert await window.read(None, limit=3) == everything[:3]  # far behind: read afresh
    assert await window.read(everything[-6].cursor, limit=10) == everything[-5:]
    assert await window.tail() == tail
    customer = everything[0].event.audience[0]
    assert await window.read(None, limit=100, for_user=customer) == await database.read(
        None, limit=100, for_user=customer
    )


async def test_readers_spread_along_the_feed_each_read_it_once(
    postgres: PostgresUnits,
) -> None:
    """Two readers at different places, each reading on in turn: every event is read from
    the database once, whoever asks first, but where the stretch behind reaches the one
    ahead (its last read runs into it: at most one read's worth again)."""
    database = PostgresOutboxFeed(postgres.database)
    counted = CountingFeed(postgres.database)
    window = FeedWindow(counted, kept=100, fill=2)
    await _events(postgres, 6, day=20)
    everything = await database.read(None, limit=10_000)
    behind, ahead = None, everything[4].cursor
    seen: dict[str | None, list[FeedItem]] = {"behind": [], "ahead": []}
    for _ in range(12):
        for name in ("ahead", "behind"):
            after = ahead if name == "ahead" else behind
            page = await window.read(after, limit=1)
            seen[name] += page
            if page and name == "ahead":
                ahead = page[-1].cursor
            elif page:
                behind = page[-1].cursor
    assert seen["behind"] == everything
    assert seen["ahead"] == everything[5:]
    assert set(counted.cursors_read) == {i.cursor for i in everything}
    assert len(counted.cursors_read) <= len(everything) + 2  # fill: 2
    assert await window.read(None, limit=100) == everything  # one stretch now
    assert len(counted.cursors_read) <= len(everything) + 2


class CountingFeed(PostgresOutboxFeed):
    """The database's feed, noting the cursor of every event it hands out."""

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self.cursors_read: list[str] = []

    async def read(
        self,
        after: str | None,
        *,
        limit: int,
        for_user: UserId | None = None,
        types: frozenset[str] | None = None,
    ) -> Sequence[FeedItem]:
        items = await super().read(after, limit=limit, for_user=for_user, types=types)
        self.cursors_read += [i.cursor for i in items]
        return items


async def test_readers_missing_at_once_share_one_read_and_agree_with_the_database(
    postgres: PostgresUnits,
) -> None:
    """Followers run concurrently in one worker: those that miss at the same place share
    one read; those at overlapping places are each answered as the database would."""
    database = PostgresOutboxFeed(postgres.database)
    counted = CountingFeed(postgres.database)
    window = FeedWindow(counted, kept=100, fill=4)
    await _events(postgres, 6, day=20)
    everything = await database.read(None, limit=10_000)
    answers = await asyncio.gather(*(window.read(None, limit=3) for _ in range(5)))
    assert all(list(a) == everything[:3] for a in answers)
    assert counted.cursors_read == [i.cursor for i in everything[:4]]  # one read of 4
    starts = [None, *(i.cursor for i in everything[:6])]
    answers = await asyncio.gather(*(window.read(s, limit=5) for s in starts))
    for start, answer in zip(starts, answers, strict=True):
        assert list(answer) == list(await database.read(start, limit=5))
    assert await window.read(None, limit=100) == everything
