"""Interval algebra: laws checked on random sets, examples for the refusals."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.scheduling import (
    Interval,
    contains,
    intersect,
    normalise,
    overlaps,
    subtract,
    union,
)
from booking_domain.shared import InvalidIntervalError, NaiveDatetimeError

BASE = datetime(2026, 1, 5, 9, tzinfo=UTC)
ZONES = [UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=45))]


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    start = draw(st.integers(0, 60))
    length = draw(st.integers(1, 20))
    tz = draw(st.sampled_from(ZONES))  # same instants, different offsets: must not matter
    return Interval(
        (BASE + timedelta(minutes=start)).astimezone(tz),
        (BASE + timedelta(minutes=start + length)).astimezone(tz),
    )


sets = st.lists(intervals(), max_size=8)


def points(items: tuple[Interval, ...]) -> set[int]:
    """The set as whole minutes after BASE (all test intervals lie on the minute grid)."""
    out: set[int] = set()
    for item in items:
        first = int((item.start - BASE).total_seconds() // 60)
        out.update(range(first, first + int(item.duration.total_seconds() // 60)))
    return out


def is_normal(items: tuple[Interval, ...]) -> bool:
    return all(a.end < b.start for a, b in itertools.pairwise(items))


@given(sets)
def test_normalise_is_canonical_and_idempotent(a: list[Interval]) -> None:
    n = normalise(a)
    assert is_normal(n)
    assert normalise(n) == n
    assert points(n) == points(tuple(a))
    assert all(i.start.tzinfo is UTC for i in n)


@given(sets, sets)
def test_operations_match_point_sets(a: list[Interval], b: list[Interval]) -> None:
    pa, pb = points(tuple(a)), points(tuple(b))
    assert points(union(a, b)) == pa | pb
    assert points(intersect(a, b)) == pa & pb
    assert points(subtract(a, b)) == pa - pb
    for result in (union(a, b), intersect(a, b), subtract(a, b)):
        assert is_normal(result)


@given(sets, sets, sets)
def test_algebra_laws(a: list[Interval], b: list[Interval], c: list[Interval]) -> None:
    assert union(a, b) == union(b, a)
    assert intersect(a, b) == intersect(b, a)
    assert union(union(a, b), c) == union(a, union(b, c))
    assert intersect(a, union(b, c)) == union(intersect(a, b), intersect(a, c))
    assert union(subtract(a, b), intersect(a, b)) == normalise(a)
    assert intersect(subtract(a, b), b) == ()
    assert subtract(a, a) == ()


@given(sets, intervals())
def test_contains_and_overlaps(a: list[Interval], x: Interval) -> None:
    pa, px = points(tuple(a)), points((x,))
    assert contains(a, x) == (px <= pa)
    assert any(overlaps(x, item) for item in a) == bool(px & pa)


def test_half_open_intervals_touch_without_overlapping() -> None:
    first = Interval(BASE, BASE + timedelta(hours=1))
    second = Interval(BASE + timedelta(hours=1), BASE + timedelta(hours=2))
    assert not overlaps(first, second)
    assert normalise([second, first]) == (Interval(BASE, BASE + timedelta(hours=2)),)


@pytest.mark.parametrize("length", [timedelta(0), timedelta(minutes=-5)])
def test_empty_or_inverted_intervals_are_refused(length: timedelta) -> None:
    with pytest.raises(InvalidIntervalError):
        Interval(BASE, BASE + length)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(NaiveDatetimeError):
        Interval(datetime(2026, 1, 5, 9), datetime(2026, 1, 5, 10))
