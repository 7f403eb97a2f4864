"""External calendars' use cases on the in-memory adapters, fetching from a local calendar
host over real HTTP: adding queues a first fetch, the periodic refresh takes what is due, a
failing feed keeps the last good spans, and the spans reach the slots."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from adapters.calendars.fetch import HttpCalendarFetcher
from adapters.system.clock import ManualClock
from booking_domain.scheduling import Interval
from booking_domain.scheduling.external import REFRESH_EVERY
from booking_domain.scheduling.use_cases import SchedulingDeps, SchedulingUseCases
from booking_domain.shared import Actor, PermissionDeniedError, Role
from tests.support.builders import START
from tests.support.catalog import BookableArtist, add_bookable_artist, add_user
from tests.support.ics_server import Answer, IcsServer, calendar, ics_server
from tests.support.storage import MemoryUnits, memory_units

pytestmark = pytest.mark.anyio

DAY = START.replace(hour=0, minute=0) + timedelta(days=3)
BUSY = f"DTSTART:{DAY:%Y%m%d}T100000Z\nDTEND:{DAY:%Y%m%d}T120000Z"


@pytest.fixture
def host() -> Iterator[IcsServer]:
    with ics_server() as server:
        yield server


def _scheduling(uow: MemoryUnits, clock: ManualClock) -> SchedulingUseCases:
    fetcher = HttpCalendarFetcher(allow_private_targets=True)
    return SchedulingUseCases.build(SchedulingDeps(uow=uow, clock=clock, calendar_fetcher=fetcher))


async def _busy(uow: MemoryUnits, artist: BookableArtist) -> tuple[Interval, ...]:
    window = Interval(DAY, DAY + timedelta(days=1))
    async with uow(read_only=True) as unit:
        context = await unit.scheduling.context(artist.id, artist.service.id, window, START)
    assert context is not None
    return context.busy.spans()


async def test_add_queue_refresh_fail_and_keep(host: IcsServer) -> None:
    uow, clock = memory_units(), ManualClock(START)
    scheduling = _scheduling(uow, clock)
    artist = await add_bookable_artist(uow)
    me = Actor(artist.user_id, Role.ARTIST)
    url = host.put("/cal.ics", Answer(calendar(BUSY)))

    added = await scheduling.add_external_calendar(me, url, "Personal")
    async with uow(read_only=True) as unit:
        assert unit.calendar_refresh_queue.queued() == [added.id]
    assert await _busy(uow, artist) == ()

    outcome = await scheduling.refresh_external_calendar(added.id)
    assert outcome is not None and outcome.ok and outcome.busy_count == 1
    spans = await _busy(uow, artist)
    assert spans == (Interval(DAY + timedelta(hours=10), DAY + timedelta(hours=12)),)

    # Not due again before ten minutes; then the feed fails and the spans stay.
    assert await scheduling.refresh_due_external_calendars() == 0
    host.put("/cal.ics", Answer(b"gone", 404))
    clock.advance(REFRESH_EVERY)
    assert await scheduling.refresh_due_external_calendars() == 1
    (listed,) = await scheduling.list_external_calendars(me)
    assert listed.last_fetch is not None and not listed.last_fetch.ok
    assert listed.last_fetch.error == "The feed answered HTTP 404."
    assert listed.last_fetch.busy_count == 1
    assert await _busy(uow, artist) == spans

    await scheduling.remove_external_calendar(me, added.id)
    assert await _busy(uow, artist) == ()
    assert await scheduling.refresh_external_calendar(added.id) is None  # gone: nothing to do


async def test_only_artists_connect_calendars(host: IcsServer) -> None:
    uow = memory_units()
    scheduling = _scheduling(uow, ManualClock(START))
    customer = await add_user(uow, Role.CUSTOMER)
    with pytest.raises(PermissionDeniedError):
        await scheduling.add_external_calendar(customer, host.put("/c.ics", Answer()))
