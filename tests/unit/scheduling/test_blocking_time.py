# ruff: noqa: RUF001 (other scripts' digits, on purpose)
"""Blocking part of a date (``blocked_date``): the override keeps exactly what the date
offered outside the blocked span, whether the date followed its weekday or had an override
already; nothing left open closes the date; blocking time that is not open is refused."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.catalog import InvalidScheduleError
from booking_domain.scheduling import (
    DateOverride,
    LocalWindow,
    Schedule,
    WeeklyRule,
    blocked_date,
    parse_clock,
)

THURSDAY = date(2026, 3, 5)  # isoweekday 4: rule day 4


def _minutes(windows: tuple[tuple[int, int], ...]) -> set[int]:
    return {m for first, last in windows for m in range(first, last)}


@st.composite
def apart_windows(draw: st.DrawFn) -> tuple[LocalWindow, ...]:
    """Up to four windows of one day, apart from each other (as the rules keep them)."""
    cuts = sorted(draw(st.sets(st.integers(0, 1440), min_size=0, max_size=8)))
    pairs = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return tuple(LocalWindow(a, b) for a, b in pairs if a < b)


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    """A schedule whose Thursday is its weekday's windows or an override's."""
    windows = draw(apart_windows())
    if draw(st.booleans()):
        return Schedule(overrides=(DateOverride(THURSDAY, windows),))
    return Schedule(weekly=tuple(WeeklyRule(4, w.start_minute, w.end_minute) for w in windows))


@st.composite
def spans(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(st.integers(0, 1439))
    return start, draw(st.integers(start + 1, 1440))


@given(schedules(), spans())
def test_the_override_keeps_exactly_what_was_open_outside_the_span(
    schedule: Schedule, span: tuple[int, int]
) -> None:
    before = _minutes(schedule.local_windows(THURSDAY.toordinal()))
    blocked = set(range(*span))
    if not before & blocked:
        with pytest.raises(InvalidScheduleError):
            blocked_date(schedule, THURSDAY, *span)
        return
    override = blocked_date(schedule, THURSDAY, *span)
    after = Schedule(overrides=(override,)).local_windows(THURSDAY.toordinal())
    assert override.on == THURSDAY
    assert _minutes(after) == before - blocked
    assert override.closed == (not before - blocked)


@given(schedules(), spans(), spans())
def test_a_second_block_cuts_from_what_the_first_left(
    schedule: Schedule, first: tuple[int, int], second: tuple[int, int]
) -> None:
    before = _minutes(schedule.local_windows(THURSDAY.toordinal()))
    if not before & set(range(*first)):
        return
    once = Schedule(overrides=(blocked_date(schedule, THURSDAY, *first),))
    left = _minutes(once.local_windows(THURSDAY.toordinal()))
    if not left & set(range(*second)):
        with pytest.raises(InvalidScheduleError):
            blocked_date(once, THURSDAY, *second)
        return
    twice = Schedule(overrides=(blocked_date(once, THURSDAY, *second),))
    expected = before - set(range(*first)) - set(range(*second))
    assert _minutes(twice.local_windows(THURSDAY.toordinal())) == expected


def test_an_afternoon_blocked_of_a_working_day() -> None:
    nine_to_five = Schedule(weekly=(WeeklyRule(4, 9 * 60, 17 * 60),))
    override = blocked_date(nine_to_five, THURSDAY, 13 * 60, 24 * 60)
    assert override == DateOverride(THURSDAY, (LocalWindow(9 * 60, 13 * 60),))
    middle = blocked_date(nine_to_five, THURSDAY, 12 * 60, 13 * 60)
    assert middle.windows == (LocalWindow(9 * 60, 12 * 60), LocalWindow(13 * 60, 17 * 60))
    assert blocked_date(nine_to_five, THURSDAY, 0, 24 * 60).closed
    # Other dates keep their weekday: the override names one date only.
    assert nine_to_five.local_windows((THURSDAY + timedelta(days=7)).toordinal()) == ((540, 1020),)


@pytest.mark.parametrize("span", [(600, 600), (700, 600), (-1, 60), (60, 1441)])
def test_a_span_that_is_not_one_is_refused(span: tuple[int, int]) -> None:
    nine_to_five = Schedule(weekly=(WeeklyRule(4, 9 * 60, 17 * 60),))
    with pytest.raises(InvalidScheduleError):
        blocked_date(nine_to_five, THURSDAY, *span)


def test_blocking_a_closed_evening_is_refused() -> None:
    nine_to_five = Schedule(weekly=(WeeklyRule(4, 9 * 60, 17 * 60),))
    with pytest.raises(InvalidScheduleError, match="nothing to block"):
        blocked_date(nine_to_five, THURSDAY, 18 * 60, 20 * 60)


@pytest.mark.parametrize("text", ["1٣:00", "١٣:٠٠", "13:٠٠", "１３:００", "13:00\x00", " 13:00"])
def test_a_local_time_is_written_in_ascii_digits(text: str) -> None:
    """``int`` reads other scripts' digits: without the check "1٣:00" passed for 13:00."""
    with pytest.raises(InvalidScheduleError):
        parse_clock(text)
