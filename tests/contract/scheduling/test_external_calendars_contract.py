"""External calendars, their busy spans and the slot reader's view of them, on every
adapter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from booking_domain.scheduling import (
    ExternalCalendar,
    FetchOutcome,
    Interval,
)
from booking_domain.scheduling.external import REFRESH_EVERY
from booking_domain.shared import ArtistId
from tests.contract.catalog_rows import a_service, an_artist, stored_user
from tests.support.builders import START
from tests.support.storage import AnyUnitOfWorkFactory

pytestmark = pytest.mark.anyio

URL = "https://calendar.example.com/ical/private-secret/basic.ics"
DAY = datetime(2026, 3, 11, tzinfo=UTC)


def _span(hour: int, hours: int = 1) -> Interval:
    return Interval(DAY + timedelta(hours=hour), DAY + timedelta(hours=hour + hours))


async def _artist(uow_factory: AnyUnitOfWorkFactory, email: str = "a@example.com") -> ArtistId:
    async with uow_factory() as uow:
        artist = an_artist(await stored_user(uow, email))
        await uow.artists.add(artist)
        await uow.commit()
    return artist.id


async def test_add_list_and_remove(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist_id = await _artist(uow_factory)
    first = ExternalCalendar.add(artist_id, "Personal", URL, START)
    second = ExternalCalendar.add(artist_id, "", URL + "?2", START + timedelta(seconds=1))
    async with uow_factory() as uow:
        await uow.external_calendars.add(first)
        await uow.external_calendars.add(second)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.external_calendars.of_artist(artist_id) == (first, second)
        found = await uow.external_calendars.get(first.id)
        assert found == first and found is not None and found.url == URL
    async with uow_factory() as uow:
        await uow.external_calendars.remove(first.id)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.external_calendars.get(first.id) is None
        assert await uow.external_calendars.of_artist(artist_id) == (second,)


async def test_a_fetch_replaces_the_spans_and_a_failure_keeps_them(
    uow_factory: AnyUnitOfWorkFactory,
) -> None:
    artist_id = await _artist(uow_factory)
    calendar = ExternalCalendar.add(artist_id, "", URL, START)
    async with uow_factory() as uow:
        await uow.external_calendars.add(calendar)
        await uow.commit()
    day = Interval(DAY, DAY + timedelta(days=1))
    good = FetchOutcome(START, 2)
    async with uow_factory() as uow:
        await uow.external_calendars.record_fetch(calendar.id, good, [_span(9), _span(14, 2)])
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.external_calendars.busy(artist_id, day) == (_span(9), _span(14, 2))
        assert await uow.external_calendars.busy(artist_id, _span(10, 5)) == (_span(14, 2),)
        stored = await uow.external_calendars.get(calendar.id)
        assert stored is not None and stored.last_fetch == good
    failed = FetchOutcome.failed(START + timedelta(minutes=10), "The feed answered HTTP 500.", 2)
    async with uow_factory() as uow:
        await uow.external_calendars.record_fetch(calendar.id, failed, None)
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.external_calendars.busy(artist_id, day) == (_span(9), _span(14, 2))
        stored = await uow.external_calendars.get(calendar.id)
        assert stored is not None and stored.last_fetch == failed
    async with uow_factory() as uow:  # a rolled-back replacement changes nothing
        await uow.external_calendars.record_fetch(calendar.id, FetchOutcome(START, 0), [])
    async with uow_factory() as uow:
        assert len(await uow.external_calendars.busy(artist_id, day)) == 2
        await uow.external_calendars.record_fetch(calendar.id, FetchOutcome(START, 1), [_span(20)])
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        assert await uow.external_calendars.busy(artist_id, day) == (_span(20),)


async def test_removing_a_calendar_removes_its_spans(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist_id = await _artist(uow_factory)
    other_artist = await _artist(uow_factory, "b@example.com")
    mine = ExternalCalendar.add(artist_id, "", URL, START)
    theirs = ExternalCalendar.add(other_artist, "", URL, START)
    async with uow_factory() as uow:
        for calendar in (mine, theirs):
            await uow.external_calendars.add(calendar)
            await uow.external_calendars.record_fetch(
                calendar.id, FetchOutcome(START, 1), [_span(9)]
            )
        await uow.commit()
    async with uow_factory() as uow:
        await uow.external_calendars.remove(mine.id)
        await uow.commit()
    day = Interval(DAY, DAY + timedelta(days=1))
    async with uow_factory(read_only=True) as uow:
        assert await uow.external_calendars.busy(artist_id, day) == ()
        assert await uow.external_calendars.busy(other_artist, day) == (_span(9),)


async def test_due_calendars_longest_waiting_first(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist_id = await _artist(uow_factory)
    never = ExternalCalendar.add(artist_id, "", URL, START)
    old = ExternalCalendar.add(artist_id, "", URL, START)
    older = ExternalCalendar.add(artist_id, "", URL, START)
    fresh = ExternalCalendar.add(artist_id, "", URL, START)
    now = START + timedelta(hours=1)
    async with uow_factory() as uow:
        for calendar in (never, old, older, fresh):
            await uow.external_calendars.add(calendar)
        fetches = {old: now - REFRESH_EVERY, older: now - 2 * REFRESH_EVERY, fresh: now}
        for calendar, at in fetches.items():
            await uow.external_calendars.record_fetch(calendar.id, FetchOutcome(at), [])
        await uow.commit()
    async with uow_factory(read_only=True) as uow:
        due = await uow.external_calendars.due(now, 10)
        assert [c.id for c in due] == [never.id, older.id, old.id]
        assert [c.id for c in await uow.external_calendars.due(now, 1)] == [never.id]


async def test_the_slot_reader_counts_external_busy_time(uow_factory: AnyUnitOfWorkFactory) -> None:
    artist_id = await _artist(uow_factory)
    async with uow_factory() as uow:
        artist = await uow.artists.get(artist_id)
        assert artist is not None
        service = a_service(artist_id)
        await uow.services.add(service)
        calendar = ExternalCalendar.add(artist_id, "", URL, START)
        await uow.external_calendars.add(calendar)
        await uow.external_calendars.record_fetch(
            calendar.id, FetchOutcome(START, 2), [_span(9), _span(10, 2)]
        )
        await uow.commit()
    window = Interval(DAY, DAY + timedelta(days=2))
    for _ in range(2):  # the catalogue read in full, then remembered
        async with uow_factory(read_only=True) as uow:
            context = await uow.scheduling.context(artist_id, service.id, window, START)
        assert context is not None
        assert context.busy.spans() == (_span(9, 3),)
        assert context.busy.appointment_starts == ()  # no appointment: the daily cap ignores it
