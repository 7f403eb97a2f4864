"""Ranges, periods and how days add up into periods (``booking_domain.analytics``)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.analytics import (
    MAX_DAYS,
    DateRange,
    Granularity,
    InvalidAnalyticsRangeError,
    Revenue,
    Tally,
    period_start,
    periods_of,
    ratio,
    total_of,
)

DATES = st.dates(date(2000, 1, 1), date(2199, 12, 31))
GRANULARITIES = st.sampled_from(list(Granularity))


@st.composite
def ranges(draw: st.DrawFn) -> DateRange:
    granularity = draw(GRANULARITIES)
    first = draw(st.dates(date(2000, 1, 1), date(2190, 1, 1)))
    days = draw(st.integers(1, min(MAX_DAYS[granularity], 800)))
    return DateRange(first, first + timedelta(days=days - 1), granularity)


TALLIES = st.builds(
    Tally,
    st.integers(0, 50),
    st.integers(0, 10**6),
    st.integers(0, 50),
    st.integers(0, 50),
    st.integers(-(10**6), 10**8),
    st.lists(
        st.builds(Revenue, st.sampled_from(["MNT", "USD"]), st.integers(0, 10**6)), max_size=2
    ).map(tuple),
)


@given(ranges())
def test_periods_cover_the_range_in_order_and_start_where_their_granularity_says(
    span: DateRange,
) -> None:
    starts = span.periods()
    assert starts[0] == span.first and starts == sorted(set(starts))
    for day in span.dates():
        assert span.period_of(day) in starts and span.period_of(day) <= day
    for start in starts[1:]:
        if span.granularity is Granularity.WEEK:
            assert start.weekday() == 0  # Monday
        elif span.granularity is Granularity.MONTH:
            assert start.day == 1
    assert len(starts) == len({period_start(d, span.granularity) for d in span.dates()})


@given(DATES, DATES, GRANULARITIES)
def test_a_range_is_refused_exactly_when_reversed_or_too_long(
    first: date, last: date, granularity: Granularity
) -> None:
    too_long = (last - first).days + 1 > MAX_DAYS[granularity]
    if last < first or too_long:
        with pytest.raises(InvalidAnalyticsRangeError):
            DateRange(first, last, granularity)
    else:
        assert DateRange(first, last, granularity).days == (last - first).days + 1


@pytest.mark.parametrize("edge", [date.min, date(1999, 12, 31), date(2200, 1, 1), date.max])
def test_dates_off_the_kept_calendar_are_refused(edge: date) -> None:
    with pytest.raises(InvalidAnalyticsRangeError):
        DateRange(edge, edge)


@given(ranges(), st.lists(st.tuples(st.integers(-40, 900), TALLIES), max_size=30))
def test_the_periods_add_up_to_the_days_of_the_range(
    span: DateRange, offsets: list[tuple[int, Tally]]
) -> None:
    days = [(span.first + timedelta(days=n), t) for n, t in offsets]
    periods = periods_of(span, days, dict.fromkeys(span.dates(), 60))
    inside = Tally()
    for day, tally in days:
        if span.first <= day <= span.last:
            inside = inside + tally
    assert [p.start for p in periods] == span.periods()
    total = total_of(periods)
    assert total.tally == inside
    assert total.available_seconds == 60 * span.days


@given(TALLIES, TALLIES, TALLIES)
def test_tallies_add_up_in_any_order(a: Tally, b: Tally, c: Tally) -> None:
    assert (a + b) + c == a + (b + c) == (c + b) + a
    assert all(not r.is_zero for r in (a + b).revenue)


def test_rates_are_none_without_a_whole() -> None:
    assert ratio(3, 0) is None and ratio(3, None) is None and ratio(1, 3) == 0.3333
