"""External calendars' busy time: which events block what (booking_domain/scheduling/
external_busy.py), as properties over any set of events and as examples of each rule."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.scheduling import FeedEvent, Interval, busy_spans, fetch_window
from booking_domain.testing.strategies import time_zones

NOW = datetime(2026, 3, 10, 12, tzinfo=UTC)
WINDOW = fetch_window(NOW, timedelta(days=30))
BERLIN = ZoneInfo("Europe/Berlin")

instants = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2026, 6, 1), timezones=st.none()
)
aware_instants = st.datetimes(
    min_value=datetime(2026, 1, 1),
    max_value=datetime(2026, 6, 1),
    timezones=st.sampled_from([UTC, BERLIN, ZoneInfo("Asia/Ulaanbaatar")]),
)
days = st.dates(min_value=date(2025, 12, 1), max_value=date(2026, 6, 1))


@st.composite
def feed_events(draw: st.DrawFn) -> FeedEvent:
    kind = draw(st.sampled_from(["floating", "aware", "all_day", "odd"]))
    start: date | datetime
    end: date | datetime | None
    if kind == "floating":
        start = draw(instants)
        end = start + draw(st.timedeltas(timedelta(0), timedelta(days=3)))
    elif kind == "aware":
        start = draw(aware_instants)
        end = start + draw(st.timedeltas(timedelta(minutes=-60), timedelta(days=3)))
    elif kind == "all_day":
        start = draw(days)
        end = draw(st.none() | st.builds(lambda n: start + timedelta(days=n), st.integers(-1, 5)))
    else:  # mixed kinds, no end, extreme dates
        start = draw(st.one_of(instants, aware_instants, days, st.just(date(9999, 12, 31))))
        end = draw(st.none() | instants | aware_instants | days)
    return FeedEvent(start, end, draw(st.booleans()), draw(st.booleans()))


event_lists = st.lists(feed_events(), max_size=40)


@given(event_lists, time_zones(), st.integers(1, 50))
def test_spans_are_merged_inside_the_window_and_at_most_the_limit(
    events: list[FeedEvent], zone_name: str, limit: int
) -> None:
    spans = busy_spans(events, WINDOW, ZoneInfo(zone_name), limit)
    assert len(spans) <= limit
    for span in spans:
        assert WINDOW.start <= span.start < span.end <= WINDOW.end
    for first, second in itertools.pairwise(spans):
        assert first.end < second.start  # sorted, disjoint, not touching


@given(event_lists, time_zones())
def test_transparent_and_cancelled_events_block_nothing(
    events: list[FeedEvent], zone_name: str
) -> None:
    zone = ZoneInfo(zone_name)
    blocking = [e for e in events if not (e.transparent or e.cancelled)]
    assert busy_spans(events, WINDOW, zone) == busy_spans(blocking, WINDOW, zone)
    free = [FeedEvent(e.start, e.end, transparent=True) for e in events]
    assert busy_spans(free, WINDOW, zone) == ()


@given(event_lists, event_lists, time_zones())
def test_more_events_never_free_time(
    events: list[FeedEvent], more: list[FeedEvent], zone_name: str
) -> None:
    zone = ZoneInfo(zone_name)
    fewer = busy_spans(events, WINDOW, zone)
    all_of_them = busy_spans(events + more, WINDOW, zone)
    for span in fewer:
        assert any(s.start <= span.start and span.end <= s.end for s in all_of_them)


def test_an_all_day_event_blocks_its_day_in_the_artists_zone() -> None:
    spans = busy_spans([FeedEvent(date(2026, 3, 12))], WINDOW, BERLIN)
    assert spans == (
        Interval(datetime(2026, 3, 11, 23, tzinfo=UTC), datetime(2026, 3, 12, 23, tzinfo=UTC)),
    )
    two_days = busy_spans([FeedEvent(date(2026, 3, 12), date(2026, 3, 14))], WINDOW, BERLIN)
    assert two_days[0].duration == timedelta(days=2)


def test_a_floating_time_is_read_in_the_artists_zone() -> None:
    event = FeedEvent(datetime(2026, 3, 12, 10), datetime(2026, 3, 12, 11))
    assert busy_spans([event], WINDOW, BERLIN) == (
        Interval(datetime(2026, 3, 12, 9, tzinfo=UTC), datetime(2026, 3, 12, 10, tzinfo=UTC)),
    )


def test_an_aware_time_keeps_its_own_zone() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    event = FeedEvent(
        datetime(2026, 3, 12, 10, tzinfo=tokyo), datetime(2026, 3, 12, 11, tzinfo=tokyo)
    )
    assert busy_spans([event], WINDOW, BERLIN) == (
        Interval(datetime(2026, 3, 12, 1, tzinfo=UTC), datetime(2026, 3, 12, 2, tzinfo=UTC)),
    )


def test_events_without_length_or_outside_the_window_block_nothing() -> None:
    events = [
        FeedEvent(datetime(2026, 3, 12, 10, tzinfo=UTC)),  # no end
        FeedEvent(datetime(2026, 3, 12, 10, tzinfo=UTC), datetime(2026, 3, 12, 9, tzinfo=UTC)),
        FeedEvent(datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 1, 2, tzinfo=UTC)),
        FeedEvent(date(9999, 12, 31)),
    ]
    assert busy_spans(events, WINDOW, BERLIN) == ()


def test_an_event_running_into_the_window_is_cut_to_it() -> None:
    event = FeedEvent(NOW - timedelta(days=3), NOW + timedelta(hours=1))
    assert busy_spans([event], WINDOW, BERLIN) == (
        Interval(WINDOW.start, NOW + timedelta(hours=1)),
    )


def test_only_the_earliest_events_up_to_the_limit_count() -> None:
    events = [
        FeedEvent(NOW + timedelta(hours=2 * n), NOW + timedelta(hours=2 * n + 1))
        for n in reversed(range(10))
    ]
    spans = busy_spans(events, WINDOW, BERLIN, limit=3)
    assert [s.start for s in spans] == [NOW + timedelta(hours=h) for h in (0, 2, 4)]
