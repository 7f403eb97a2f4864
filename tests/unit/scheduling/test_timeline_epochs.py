"""A timeline built from epoch seconds equals one built from intervals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.scheduling import BusyTimeline, Interval

BASE = datetime(2026, 1, 1, tzinfo=UTC)
spans = st.lists(
    st.tuples(st.integers(0, 10_000_000), st.integers(1, 200_000), st.integers(0, 999_999)),
    max_size=40,
)


@given(spans)
def test_of_epochs_matches_of(raw: list[tuple[int, int, int]]) -> None:
    intervals = [
        Interval(BASE + timedelta(seconds=s, microseconds=us), BASE + timedelta(seconds=s + length))
        for s, length, us in raw
    ]
    starts = [i.start for i in intervals]
    expected = BusyTimeline.of(intervals, starts)
    actual = BusyTimeline.of_epochs(
        [i.start.timestamp() for i in intervals],
        [i.end.timestamp() for i in intervals],
        [s.timestamp() for s in starts],
    )
    assert actual == expected
