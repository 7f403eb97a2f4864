"""What reading a calendar feed costs PostgreSQL, counted, not timed: two statements (the
owner by the token's digest, then the entries with every name they show, in one query with
joins), whatever the number of bookings, services and people the feed names. Before the
read port it was a statement per distinct artist, service and person, and two per page of
bookings (docs/performance.md)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import urlsplit

import pytest

from adapters.postgres.database import Database
from booking_domain.bookings import BookedFor, new_client, request_booking
from booking_domain.scheduling import BusyTimeline
from booking_domain.shared import Actor
from booking_domain.testing.builders import open_all_week
from tests.contract.bookings.test_bookings_contract import HOUR, SLOT, a_booking, store
from tests.support.bootstrap import App, build_app
from tests.support.builders import START, TEST_SECRETS
from tests.support.catalog import BookableArtist, add_bookable_artist, add_service, add_user
from tests.support.statements import counting
from tests.support.storage import postgres_units

pytestmark = pytest.mark.anyio
# The owner (calendar_feeds joined to users), then the entries: a read-only unit of work
# runs in autocommit, so there is no BEGIN or COMMIT.
FEED_READ = 2


@pytest.fixture
async def app(database_url: str) -> AsyncIterator[App]:
    database = Database(database_url, min_size=1, max_size=4)
    await database.open()
    try:
        yield build_app(postgres_units(database, secrets=TEST_SECRETS))
    finally:
        await database.close()


async def book(app: App, artist: BookableArtist, first: int, count: int) -> Actor:
    """``count`` bookings of ``artist`` two hours apart from the ``first``-th slot, each for
    a customer of their own (every third for a client record), over three services; the
    last customer is returned."""
    services = [artist.service, *[await add_service(app.uow, artist) for _ in range(2)]]
    customer = await add_user(app.uow)
    for i in range(first, first + count):
        start, service = SLOT + 2 * i * HOUR, services[i % 3]
        if i % 3 == 2:
            client = new_client(
                artist_id=artist.id, name=f"Walk-in {i}", phone=f"8811{i:04d}", email=None,
                now=START,
            )  # fmt: skip
            async with app.uow() as uow:
                await uow.clients.add(client)
                await uow.commit()
            booking, event = request_booking(
                by=artist.actor, service=service, artist_user_id=artist.user_id,
                policy=artist.profile.policy, schedule=open_all_week(), busy=BusyTimeline(),
                start=start, now=START, party=BookedFor(client_id=client.id), deposit=False,
            )  # fmt: skip
        else:
            customer = await add_user(app.uow)
            booking, event = a_booking(artist, customer, start)
        await store(app.uow, booking, event)
    return customer


async def statements_of_a_read(app: App, who: Actor) -> tuple[int, int]:
    """The statements one read of ``who``'s feed sends, and the events it lists."""
    link = await app.bundles.calendars.show_my_feed(who)
    name = urlsplit(link.url).path.removeprefix("/cal/")
    await app.bundles.calendars.read_feed(name)  # warm: the statements' text compiled
    with counting() as tally:
        document = await app.bundles.calendars.read_feed(name)
    return len(tally.statements), document.events


async def test_a_feed_costs_two_statements_whatever_its_size(app: App) -> None:
    artist = await add_bookable_artist(app.uow, time_zone="Asia/Ulaanbaatar")
    customer = await book(app, artist, 0, 3)
    small = await statements_of_a_read(app, artist.actor)
    await book(app, artist, 3, 57)
    large = await statements_of_a_read(app, artist.actor)
    assert small == (FEED_READ, 3) and large == (FEED_READ, 60)
    assert await statements_of_a_read(app, customer) == (FEED_READ, 1)
