"""Date overrides as an artist sends them: windows apart, dates within reach."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.scheduling import (
    OVERRIDE_REACH,
    LocalWindow,
    OverlappingAvailabilityError,
    ensure_override_date_in_reach,
    ensure_windows_apart,
)
from booking_domain.shared import InvalidInputError


@st.composite
def windows(draw: st.DrawFn) -> LocalWindow:
    start = draw(st.integers(0, 1439))
    return LocalWindow(start, draw(st.integers(start + 1, 1440)))


@given(st.lists(windows(), max_size=6))
def test_windows_are_refused_exactly_when_two_of_them_overlap(given_: list[LocalWindow]) -> None:
    overlapping = any(
        a.start_minute < b.end_minute and b.start_minute < a.end_minute
        for i, a in enumerate(given_)
        for b in given_[i + 1 :]
    )
    if overlapping:
        with pytest.raises(OverlappingAvailabilityError):
            ensure_windows_apart(given_)
    else:
        ensure_windows_apart(given_)


def test_touching_windows_are_fine() -> None:
    ensure_windows_apart([LocalWindow(720, 1020), LocalWindow(540, 720)])


TODAY = date(2026, 11, 22)


@given(st.integers(-800, 1600), st.integers(1, 730))
def test_override_dates_reach_a_year_back_and_a_year_past_the_horizon(
    offset: int, horizon_days: int
) -> None:
    on, horizon = TODAY + timedelta(days=offset), timedelta(days=horizon_days)
    inside = -OVERRIDE_REACH.days <= offset <= horizon_days + OVERRIDE_REACH.days
    if inside:
        ensure_override_date_in_reach(on, TODAY, horizon)
    else:
        with pytest.raises(InvalidInputError) as caught:
            ensure_override_date_in_reach(on, TODAY, horizon)
        assert [(e.field, e.code) for e in caught.value.errors] == [("date", "out_of_range")]
