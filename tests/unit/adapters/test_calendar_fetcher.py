"""The feed fetcher over real HTTP (a local calendar host): it reads feeds, follows a
redirect, and fails cleanly (no URL in the text) on errors, large or slow feeds; outside
local use the webhooks' SSRF guard refuses local addresses."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from ipaddress import ip_address

import httpx
import pytest

from adapters.calendars.fetch import HttpCalendarFetcher
from adapters.webhooks.http import IpAddress
from booking_domain.scheduling import Interval, fetch_window
from booking_domain.scheduling.ports import FetchFailedError
from tests.support.ics_server import Answer, IcsServer, calendar, ics_server

pytestmark = pytest.mark.anyio

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
WINDOW = fetch_window(NOW, timedelta(days=30))
LOCAL = HttpCalendarFetcher(allow_private_targets=True)
WEEKLY = """
DTSTART:20260302T100000Z
DTEND:20260302T120000Z
RRULE:FREQ=WEEKLY;COUNT=10
EXDATE:20260316T100000Z
"""


@pytest.fixture
def host() -> Iterator[IcsServer]:
    with ics_server() as server:
        yield server


async def test_reads_a_feed_with_recurrences_expanded(host: IcsServer) -> None:
    url = host.put("/secret/basic.ics", Answer(calendar(WEEKLY, "DTSTART;VALUE=DATE:20260320")))
    events = await LOCAL.events(url, WINDOW, 100)
    starts = [e.start for e in events]
    assert date(2026, 3, 20) in starts
    timed = [s for s in starts if isinstance(s, datetime)]
    assert [s.day for s in timed] == [9, 23, 30, 6]  # weekly, 16 March excluded, in the window
    assert all(isinstance(s, datetime) and s.tzinfo for s in timed)


async def test_at_most_the_limit_earliest_first(host: IcsServer) -> None:
    url = host.put("/f.ics", Answer(calendar(WEEKLY.replace("COUNT=10", "COUNT=500"))))
    events = await LOCAL.events(url, Interval(NOW, NOW + timedelta(days=3650)), 3)
    assert len(events) == 3
    assert [e.start for e in events] == sorted(e.start for e in events)


async def test_a_series_every_minute_is_read_as_one_event(host: IcsServer) -> None:
    every_minute = "DTSTART:20200101T000000Z\nDTEND:20200101T000100Z\nRRULE:FREQ=MINUTELY"
    url = host.put("/m.ics", Answer(calendar(every_minute, WEEKLY)))
    events = await LOCAL.events(url, WINDOW, 2000)
    assert len(events) == 4  # only the weekly ones fall in the window


async def test_follows_a_redirect(host: IcsServer) -> None:
    target = host.put("/new.ics", Answer(calendar(WEEKLY)))
    url = host.put("/old.ics", Answer(status=301, location=target))
    assert len(await LOCAL.events(url, WINDOW, 100)) == 4
    assert host.requested == ["/old.ics", "/new.ics"]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (Answer(b"nope", 500), "HTTP 500"),
        (Answer(b"<html>not a calendar</html>"), "not an iCalendar"),
        (Answer(b"BEGIN:VCALENDAR\r\n" + b"X" * 3_000_000), "larger than 2 MB"),
        (Answer(b"BEGIN:VCALENDAR\r\n" + b"X" * 3_000_000, declare_length=False), "larger"),
    ],
)
async def test_failures_say_what_without_the_url(
    host: IcsServer, answer: Answer, expected: str
) -> None:
    url = host.put("/private-token-123/basic.ics", answer)
    with pytest.raises(FetchFailedError) as failure:
        await LOCAL.events(url, WINDOW, 100)
    assert expected in str(failure.value)
    assert "private-token-123" not in str(failure.value)


async def test_a_slow_feed_times_out(host: IcsServer) -> None:
    url = host.put("/slow.ics", Answer(calendar(WEEKLY), delay=2))
    quick = HttpCalendarFetcher(allow_private_targets=True, timeout=httpx.Timeout(0.5))
    with pytest.raises(FetchFailedError, match="too long"):
        await quick.events(url, WINDOW, 100)


async def test_redirect_loops_stop(host: IcsServer) -> None:
    url = host.put("/loop.ics", Answer(status=302, location="/loop.ics"))
    with pytest.raises(FetchFailedError, match="redirects too many times"):
        await LOCAL.events(url, WINDOW, 100)


async def test_outside_local_use_local_addresses_are_refused(host: IcsServer) -> None:
    guarded = HttpCalendarFetcher(allow_private_targets=False)
    url = host.put("/f.ics", Answer(calendar(WEEKLY)))
    assert await guarded.refusal(url) is not None  # http, and a loopback address
    assert await guarded.refusal("https://127.0.0.1/f.ics") is not None
    assert await guarded.refusal("https://localhost/f.ics") is not None
    assert await guarded.refusal("https://user:pw@calendar.example.com/f.ics") is not None
    with pytest.raises(FetchFailedError, match="Refused"):
        await guarded.events(url, WINDOW, 100)
    assert host.requested == []


async def test_the_guard_judges_the_addresses_a_name_resolves_to() -> None:
    async def resolve(host_name: str, port: int) -> list[IpAddress]:
        return [ip_address("10.0.0.7" if host_name.startswith("intranet") else "93.184.216.34")]

    guarded = HttpCalendarFetcher(allow_private_targets=False, resolve=resolve)
    assert await guarded.refusal("https://calendar.example.com/f.ics") is None
    assert await guarded.refusal("https://intranet.example.com/f.ics") is not None
    with pytest.raises(FetchFailedError, match="private"):
        await guarded.events("https://intranet.example.com/f.ics", WINDOW, 100)


async def test_an_event_under_way_when_the_window_opens_is_read(host: IcsServer) -> None:
    vacation = "DTSTART;VALUE=DATE:20260301\nDTEND;VALUE=DATE:20260320"
    url = host.put("/away.ics", Answer(calendar(vacation)))
    (event,) = await LOCAL.events(url, WINDOW, 100)
    assert (event.start, event.end) == (date(2026, 3, 1), date(2026, 3, 20))
