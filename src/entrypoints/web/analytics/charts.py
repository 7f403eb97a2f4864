"""The insights' charts as shapes: bars (one series or several side by side) and a line, in
a fixed ``viewBox`` the template draws as inline SVG (no chart library, no script).

Only geometry lives here: every shape lies inside the ``viewBox`` whatever the numbers (a
bar's height is its value over the chart's highest, so a huge value only makes the others
small), a value of nothing is no shape, and a chart with nothing to show says so
(``empty``) so the page writes a sentence instead. Words (titles, summaries, the axis'
labels) are the template's, in HTML around the SVG, where they never overflow it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

WIDTH: Final = 320  # the viewBox's units; the SVG is scaled to the width it is given
HEIGHT: Final = 160
PAD: Final = 4  # room at the top and the sides, so a marker or a stroke is never cut
BASELINE: Final = float(HEIGHT - PAD)  # zero: room below it too, for a point's marker
SLOT_FILL: Final = 0.8  # the share of a period's width its bars take (gaps between periods)


@dataclass(frozen=True, slots=True)
class Bar:
    """One value drawn: its rectangle (``y`` down from the top, as SVG reads it), the series
    it belongs to (0, 1, ...: each drawn its own way, never by colour alone) and its period."""

    x: float
    y: float
    width: float
    height: float
    series: int
    period: int


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float


@dataclass(frozen=True, slots=True)
class Chart:
    """What the template draws: bars, or a line's segments (a period without a value breaks
    the line) and its points; ``top`` is the value the top of the plot stands for."""

    bars: tuple[Bar, ...] = ()
    segments: tuple[tuple[Point, ...], ...] = ()
    points: tuple[Point, ...] = ()
    top: float = 0.0
    empty: bool = True
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self) -> float:
        return BASELINE

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"

    @staticmethod
    def polyline(segment: Sequence[Point]) -> str:
        """A segment as SVG's ``points`` attribute."""
        return " ".join(f"{p.x},{p.y}" for p in segment)


def _round(value: float) -> float:
    return round(value, 2)


def _plot_height() -> float:
    return BASELINE - PAD


def _slot(periods: int) -> float:
    return (WIDTH - 2 * PAD) / periods


def bar_chart(series: Sequence[Sequence[float]]) -> Chart:
    """Bars for each period, one per series side by side (every series as long as the
    first); a bar's height is its value over the highest of all, negative values drawn as
    none. Empty when every value is zero (or there is no period)."""
    periods = len(series[0]) if series else 0
    values = [[max(0.0, float(v)) for v in one] for one in series]
    top = max((v for one in values for v in one), default=0.0)
    if periods == 0 or top <= 0:
        return Chart(top=top)
    slot = _slot(periods)
    width = slot * SLOT_FILL / len(values)
    bars = []
    for s, one in enumerate(values):
        for p, value in enumerate(one):
            if value <= 0:
                continue
            height = _plot_height() * (value / top)
            x = PAD + p * slot + slot * (1 - SLOT_FILL) / 2 + s * width
            bars.append(
                Bar(_round(x), _round(BASELINE - height), _round(width), _round(height), s, p)
            )
    return Chart(bars=tuple(bars), top=top, empty=False)


def line_chart(values: Sequence[float | None], floor_top: float = 0.0) -> Chart:
    """A line through each period's value (at the middle of its slot), broken where a
    period has none; the top is the highest value, and at least ``floor_top`` (1.0 for a
    share: the top of the plot is then 100 % unless a period is above it). Empty when no
    period has a value."""
    known = [max(0.0, v) for v in values if v is not None]
    if not known:
        return Chart()
    top = max(max(known), floor_top)
    slot = _slot(len(values))
    segments: list[tuple[Point, ...]] = []
    points: list[Point] = []
    running: list[Point] = []
    for p, value in enumerate(values):
        if value is None:
            if running:
                segments.append(tuple(running))
            running = []
            continue
        height = _plot_height() * (max(0.0, value) / top) if top > 0 else 0.0
        point = Point(_round(PAD + p * slot + slot / 2), _round(BASELINE - height))
        points.append(point)
        running.append(point)
    if running:
        segments.append(tuple(running))
    return Chart(segments=tuple(segments), points=tuple(points), top=top, empty=False)


__all__ = ["BASELINE", "HEIGHT", "PAD", "WIDTH", "Bar", "Chart", "Point", "bar_chart", "line_chart"]
