"""Calendar feed use cases on the in-memory adapters: a person's URL made once and shown
again, replaced on demand (the old token finds nothing), the token never stored, and the
feed bounded to its window, read back by a strict RFC 5545 parser."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from ical.calendar_stream import IcsCalendarStream

from booking_domain.accounts import Role
from booking_domain.bookings.use_cases import BookingRequest
from booking_domain.calendars import FEED_DAYS_BACK, CalendarFeedNotFoundError
from booking_domain.calendars.use_cases import CalendarUseCases
from tests.support.bootstrap import App, build_app
from tests.support.catalog import add_bookable_artist, add_user

pytestmark = pytest.mark.anyio
SLOT = datetime(2026, 3, 5, 2, 0, tzinfo=UTC)  # Thursday 10:00 in Ulaanbaatar


def name_of(url: str) -> str:
    return urlsplit(url).path.removeprefix("/cal/")


@pytest.fixture
def app() -> App:
    return build_app()


def calendars(app: App) -> CalendarUseCases:
    return app.bundles.calendars


async def test_the_url_is_made_once_and_its_token_is_never_stored(app: App) -> None:
    me = await add_user(app.uow)
    first = await calendars(app).show_my_feed(me)
    again = await calendars(app).show_my_feed(me)
    assert first == again and first.url.startswith(app.settings.base_url + "/cal/")
    token = name_of(first.url).removesuffix(".ics")
    assert len(token) == 64 and int(token, 16) >= 0
    async with app.uow(read_only=True) as uow:
        stored = await uow.calendar_feeds.of_owner(me.user_id)
    assert stored is not None
    assert token not in (stored.nonce, stored.lookup) and len(stored.nonce) == 64


async def test_regenerating_makes_the_old_token_find_nothing(app: App) -> None:
    me = await add_user(app.uow)
    old = await calendars(app).show_my_feed(me)
    new = await calendars(app).regenerate_my_feed(me)
    assert new.url != old.url and await calendars(app).show_my_feed(me) == new
    assert (await calendars(app).read_feed(name_of(new.url))).events == 0
    with pytest.raises(CalendarFeedNotFoundError):
        await calendars(app).read_feed(name_of(old.url))


@pytest.mark.parametrize("name", ["", ".ics", "x" * 64 + ".ics", "0" * 64, "0" * 64 + ".ics"])
async def test_a_name_that_is_no_feed_is_not_found(app: App, name: str) -> None:
    with pytest.raises(CalendarFeedNotFoundError):
        await calendars(app).read_feed(name)


async def test_the_feed_lists_the_window_for_each_party(app: App) -> None:
    artist = await add_bookable_artist(app.uow, time_zone="Asia/Ulaanbaatar")
    customer = await add_user(app.uow)
    made = await app.bookings.create_booking(
        customer, BookingRequest(artist.id, artist.service.id, SLOT)
    )
    mine = await calendars(app).show_my_feed(customer)
    theirs = await calendars(app).show_my_feed(artist.actor)
    for link, other in ((mine, "Ink Artist"), (theirs, "Customer")):
        document = await calendars(app).read_feed(name_of(link.url))
        (event,) = IcsCalendarStream.calendar_from_ics(document.text).events
        assert event.uid == f"{made.booking.id}@inkslot"
        assert event.summary == f"{artist.service.name} · {other}"
        assert isinstance(event.dtstart, datetime)
        assert str(event.dtstart.tzinfo) == "Asia/Ulaanbaatar" and event.dtstart == SLOT
    app.clock.advance(timedelta(days=FEED_DAYS_BACK + 4))  # the start is now out of the window
    assert (await calendars(app).read_feed(name_of(mine.url))).events == 0


async def test_an_admin_feed_lists_nothing(app: App) -> None:
    admin = await add_user(app.uow, Role.ADMIN)
    link = await calendars(app).show_my_feed(admin)
    assert (await calendars(app).read_feed(name_of(link.url))).events == 0
