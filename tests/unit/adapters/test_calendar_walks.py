"""A feed's series are bounded before they are expanded: the expander walks every instant
from a series' DTSTART to the window, so a rule repeating every minute through its BY*
lists (not only through FREQ) from 1970 would walk millions of instants. Such a series is
read as its first occurrence; ordinary series, years old, are expanded in full."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from adapters.calendars.ics import MAX_FEED_WALK, MAX_SERIES_WALK, read_events
from booking_domain.scheduling import Interval, fetch_window
from tests.support.ics_server import calendar

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
WINDOW = fetch_window(NOW, timedelta(days=30))
MINUTES = ",".join(str(m) for m in range(60))
HOURS = ",".join(str(h) for h in range(24))


def _series(rule: str, start: str = "19700101T000000Z") -> str:
    return f"DTSTART:{start}\nDURATION:PT1M\nRRULE:{rule}"


def _read(*events: str, window: Interval = WINDOW) -> list[datetime]:
    starts = [e.start for e in read_events(calendar(*events), window, 2_000)]
    assert all(isinstance(s, datetime) for s in starts)
    return [s for s in starts if isinstance(s, datetime)]


def test_every_minute_by_its_by_lists_is_read_as_its_first_occurrence() -> None:
    for rule in (
        f"FREQ=HOURLY;BYMINUTE={MINUTES}",
        f"FREQ=DAILY;BYHOUR={HOURS};BYMINUTE={MINUTES}",
        "FREQ=MINUTELY",
        "FREQ=SECONDLY",
    ):
        # Walked, these would take minutes and gigabytes; bounded, they take no time, and
        # their first occurrence (1970) lies outside the window.
        weekly = _series("FREQ=WEEKLY", start="20260302T100000Z")
        starts = _read(_series(rule), weekly)
        assert starts and all(s.weekday() == 0 and s.hour == 10 for s in starts), rule


def test_an_ordinary_series_years_old_is_expanded() -> None:
    weekdays = _series("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", start="20000103T090000Z")
    starts = _read(weekdays)
    first, last = WINDOW.start - timedelta(days=1), WINDOW.end + timedelta(days=1)
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    expected = [
        d.replace(hour=9, minute=0, second=0, microsecond=0)
        for d in days
        if d.weekday() < 5 and first <= d.replace(hour=9, minute=0, second=0) < last
    ]
    assert starts[: len(expected)] == expected[: len(starts)] and len(starts) >= 20


def test_the_feed_has_one_budget_for_all_its_series() -> None:
    """Each daily series since 1990 is within the series' bound; the feed expands as many
    as its budget holds, and reads the rest as their first occurrence (1990: no event)."""
    daily = _series("FREQ=DAILY", start="19900101T100000Z")
    in_window = len(_read(daily))
    per_series = 37 * 366  # an upper bound on the days from 1990 to the window's end
    assert in_window > 20 and per_series < MAX_SERIES_WALK
    count = MAX_FEED_WALK // per_series + 3
    expanded = len(_read(*[daily] * count)) // in_window
    assert MAX_FEED_WALK // per_series <= expanded < count


@settings(max_examples=25, deadline=None)
@given(
    freq=st.sampled_from(["HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY"]),
    interval=st.integers(1, 5),
    minutes=st.integers(1, 60),
    years_back=st.integers(0, 56),
)
def test_any_rule_is_read_within_the_bound(
    freq: str, interval: int, minutes: int, years_back: int
) -> None:
    """Whatever the rule, reading it stays cheap: at most the window's occurrences, and a
    series over the bound falls back to its first occurrence instead of being walked."""
    start = (NOW - timedelta(days=365 * years_back)).strftime("%Y%m%dT%H%M%SZ")
    by = ",".join(str(m) for m in range(minutes))
    starts = _read(_series(f"FREQ={freq};INTERVAL={interval};BYMINUTE={by}", start=start))
    assert len(starts) <= 2_000
    assert all(s <= WINDOW.end + timedelta(days=1) for s in starts)


class _TooMuchWork(BaseException):  # not caught as an error of the reading
    pass


def _calls_to_read(*events: str, cap: int = 10_000_000) -> tuple[int, list[datetime]]:
    """The Python calls made reading ``events``: the work done, counted, not timed (a
    reading past ``cap`` is stopped, so that a failing test fails quickly)."""
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        if event == "call":
            calls += 1
            if calls > cap:
                raise _TooMuchWork

    sys.setprofile(count)
    try:
        starts = _read(*events)
    finally:
        sys.setprofile(None)
    return calls, starts


def test_a_rule_that_never_occurs_again_costs_less_than_an_ordinary_series() -> None:
    """dateutil looks for a next occurrence up to the year 9999 and checks UNTIL and COUNT
    only against occurrences it finds: a rule with none to find walked millions of periods
    (seconds of CPU each; a few in a 528-byte feed, twenty). Each walk now ends with the
    window's year, and the estimate counts its periods."""
    monday = "20260302T100000Z"
    never = [
        _series("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", start=monday),
        _series("FREQ=DAILY;COUNT=5;BYMONTH=2;BYMONTHDAY=30", start=monday),
        _series("FREQ=DAILY;UNTIL=20270101T000000Z;BYMONTH=4;BYMONTHDAY=31", start=monday),
        _series("FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30", start=monday),
        _series("FREQ=DAILY;INTERVAL=7;BYDAY=TU", start=monday),  # Mondays only: never
        _series("FREQ=HOURLY;BYSETPOS=2", start=monday),  # one instant an hour: never
        _series("FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30", start=monday),
        # dateutil checks each day of a yearly period: since the year 1, 740,000 checks
        _series("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", start="00010101T100000Z"),
    ]
    weekly = _series("FREQ=WEEKLY", start="20260302T100000Z")
    ordinary, _ = _calls_to_read(_series("FREQ=DAILY", start="19900101T100000Z"))
    calls, starts = _calls_to_read(*never, weekly)
    assert calls < ordinary
    assert starts and all(s.weekday() == 0 and s.hour == 10 for s in starts)


def test_a_dense_series_is_read_in_one_pass() -> None:
    """The window is expanded at once: paging forward page by page walked the series again
    for every page, down to a page per quarter-hour where it is dense (an hourly series
    over the window: millions of calls)."""
    hourly = _series("FREQ=HOURLY", start=WINDOW.start.strftime("%Y%m%dT%H%M%SZ"))
    calls, starts = _calls_to_read(hourly)
    assert len(starts) == len(set(starts)) >= 30 * 24
    assert calls < 300 * len(starts)
