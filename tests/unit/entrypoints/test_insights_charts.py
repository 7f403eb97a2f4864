"""The insights' charts (``entrypoints.web.analytics.charts``): a bar's height is its value
over the highest, nothing to show is an empty chart, and no number, however large, draws
outside the viewBox; the ranges the page offers end today and are ones the use case takes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from booking_domain.analytics import DateRange, Granularity
from entrypoints.web.analytics.charts import (
    BASELINE,
    HEIGHT,
    PAD,
    WIDTH,
    Chart,
    bar_chart,
    line_chart,
)
from entrypoints.web.analytics.views import PRESETS, choice_of, preset_range


def _inside(chart: Chart) -> None:
    for bar in chart.bars:
        assert bar.x >= 0 and bar.x + bar.width <= WIDTH + 0.01
        assert bar.y >= 0 and bar.y + bar.height <= HEIGHT + 0.01
        assert bar.width > 0 and bar.height >= 0
    for point in chart.points:
        assert PAD - 0.01 <= point.x <= WIDTH - PAD + 0.01
        assert PAD - 0.01 <= point.y <= BASELINE + 0.01


def test_bar_heights_are_proportional_to_the_values() -> None:
    chart = bar_chart([[1, 0, 4, 2]])
    heights = {bar.period: bar.height for bar in chart.bars}
    assert set(heights) == {0, 2, 3}  # a zero is no bar
    assert heights[2] == BASELINE - PAD  # the highest reaches the top
    assert heights[0] == pytest.approx(heights[2] / 4, abs=0.01)
    assert heights[3] == pytest.approx(heights[2] / 2, abs=0.01)
    assert all(bar.y + bar.height == pytest.approx(BASELINE) for bar in chart.bars)
    assert chart.top == 4 and not chart.empty
    xs = [bar.x for bar in sorted(chart.bars, key=lambda b: b.period)]
    assert xs == sorted(xs)  # in the periods' order


def test_two_series_stand_side_by_side_on_one_scale() -> None:
    chart = bar_chart([[2, 0], [1, 4]])
    (a,) = [b for b in chart.bars if (b.series, b.period) == (0, 0)]
    (b,) = [b for b in chart.bars if (b.series, b.period) == (1, 0)]
    assert b.x == pytest.approx(a.x + a.width, abs=0.01) and a.height == pytest.approx(2 * b.height)
    assert max(bar.height for bar in chart.bars) == BASELINE - PAD  # the 4


@pytest.mark.parametrize("series", [[], [[]], [[0, 0, 0]], [[0], [0]], [[-5, 0]]])
def test_nothing_to_show_is_an_empty_chart(series: list[list[int]]) -> None:
    chart = bar_chart(series)
    assert chart.empty and chart.bars == ()


def test_a_line_breaks_where_a_period_has_no_value() -> None:
    chart = line_chart([0.5, None, 0.25, 1.0], floor_top=1.0)
    assert [len(s) for s in chart.segments] == [1, 2] and len(chart.points) == 3
    assert chart.points[0].y == pytest.approx(BASELINE - (BASELINE - PAD) / 2, abs=0.01)
    assert chart.points[2].y == PAD  # 100 %: the top
    assert line_chart([None, None]).empty and line_chart([]).empty
    flat = line_chart([0.0, 0.0], floor_top=1.0)  # hours offered, none booked: a line at 0
    assert not flat.empty and all(p.y == BASELINE for p in flat.points)


@given(
    st.lists(
        st.lists(st.integers(-(10**15), 10**18), min_size=1, max_size=40), min_size=1, max_size=2
    ).map(lambda s: [one[: len(s[0])] + [0] * (len(s[0]) - len(one[: len(s[0])])) for one in s])
)
def test_huge_numbers_never_draw_outside_the_view_box(series: list[list[int]]) -> None:
    chart = bar_chart(series)
    _inside(chart)
    assert chart.empty == (max(max(one) for one in series) <= 0)


@given(st.lists(st.none() | st.floats(0, 10**9, allow_nan=False), min_size=1, max_size=800))
def test_a_line_stays_inside_the_view_box(values: list[float | None]) -> None:
    _inside(line_chart(values, floor_top=1.0))


def test_many_periods_still_fit() -> None:
    chart = bar_chart([[n % 7 for n in range(732)], [n % 3 for n in range(732)]])
    _inside(chart)
    assert len({(b.series, b.period) for b in chart.bars}) == len(chart.bars)


@given(st.dates(date(2001, 1, 1), date(2199, 12, 31)))
def test_every_preset_ends_today_and_is_a_range_the_use_case_takes(today: date) -> None:
    for key, (_, grouping) in PRESETS.items():
        first, last = preset_range(key, today)
        assert last == today and first <= today
        DateRange(first, last, grouping)  # not refused
        chosen = choice_of(key, None, None, None, today)
        assert chosen is not None and (chosen.first, chosen.by) == (first, grouping)
    assert preset_range("12m", today).__getitem__(0).day == 1
    assert preset_range("3m", today)[0].weekday() == 0


def test_the_choice_reads_dates_and_groupings_and_refuses_what_is_no_date() -> None:
    today = date(2026, 3, 5)
    chosen = choice_of(None, "2026-01-01", "2026-01-31", "week", today)
    assert chosen is not None and chosen.preset is None and chosen.by is Granularity.WEEK
    assert choice_of("nope", None, None, "year", today) == choice_of("4w", None, None, None, today)
    for first, last in (("2026-02-30", "2026-03-01"), ("2026-03-01", None), ("\x00", "x")):
        assert choice_of(None, first, last, None, today) is None
