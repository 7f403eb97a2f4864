"""Hypothesis strategies for scheduling inputs (needs the ``testing`` extra).

Everything shrinks towards simple cases: UTC, one Monday rule, no overrides, no buffers.
Times are drawn near the DST changes of the chosen zones often enough to matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from booking_domain.catalog import FixedDeposit, PercentageDeposit, SchedulingPolicy, Service
from booking_domain.scheduling import DateOverride, LocalWindow, Schedule, WeeklyRule
from booking_domain.shared import Interval, Money
from booking_domain.testing.builders import ARTIST_ID, SERVICE_ID

# DST and odd offsets: London (1 h), New York (1 h), Lord Howe (30 min shift), Kathmandu
# (+05:45), Ulaanbaatar (no DST today, had it until 2017), Kolkata (+05:30), UTC.
ZONES = (
    "UTC",
    "Europe/London",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kathmandu",
    "Asia/Ulaanbaatar",
    "Asia/Kolkata",
)

# Local dates on or next to a DST change in the zones above (2025-2026), to be drawn often.
DST_DATES = (
    date(2025, 3, 9), date(2025, 11, 2),  # New York
    date(2025, 3, 30), date(2025, 10, 26),  # London
    date(2025, 4, 6), date(2025, 10, 5),  # Lord Howe
    date(2026, 3, 8), date(2026, 3, 29),
)  # fmt: skip


def time_zones() -> st.SearchStrategy[str]:
    return st.sampled_from(ZONES)


def minutes_of_day(grid: int = 15) -> st.SearchStrategy[int]:
    return st.integers(0, 1440 // grid).map(lambda k: k * grid)


@st.composite
def local_windows(draw: st.DrawFn, grid: int = 15) -> LocalWindow:
    start = draw(st.integers(0, 1440 // grid - 1)) * grid
    end = draw(st.integers(start // grid + 1, 1440 // grid)) * grid
    return LocalWindow(start, end)


@st.composite
def weekly_rules(draw: st.DrawFn) -> WeeklyRule:
    window = draw(local_windows())
    return WeeklyRule(draw(st.integers(0, 6)), window.start_minute, window.end_minute)


def dates_near(anchor: date, days: int = 10) -> st.SearchStrategy[date]:
    return st.integers(-days, days).map(lambda offset: anchor + timedelta(days=offset))


@st.composite
def date_overrides(draw: st.DrawFn, near: date) -> DateOverride:
    windows = draw(st.lists(local_windows(), max_size=2))
    return DateOverride(draw(dates_near(near, 6)), tuple(windows))


@st.composite
def schedules(draw: st.DrawFn, near: date | None = None) -> Schedule:
    """Weekly rules (sometimes a plain Mon-Fri day) and, near ``near``, a few overrides."""
    rules = draw(st.lists(weekly_rules(), min_size=1, max_size=6))
    if draw(st.booleans()):
        rules += [WeeklyRule(day, 9 * 60, 17 * 60) for day in range(1, 6)]
    overrides: list[DateOverride] = []
    if near is not None:
        candidates = draw(st.lists(date_overrides(near), max_size=3))
        seen: set[date] = set()
        for item in candidates:  # at most one override per date
            if item.on not in seen:
                seen.add(item.on)
                overrides.append(item)
    return Schedule(tuple(rules), tuple(overrides))


@st.composite
def policies(draw: st.DrawFn, timezone: str | None = None) -> SchedulingPolicy:
    return SchedulingPolicy(
        timezone or draw(time_zones()),
        slot_step=timedelta(minutes=draw(st.sampled_from((30, 15, 10, 20, 45, 60, 90, 25)))),
        minimum_notice=timedelta(minutes=draw(st.sampled_from((0, 30, 120, 1440, 45)))),
        horizon=timedelta(hours=draw(st.integers(1, 24 * 10))),
        daily_cap=draw(st.none() | st.integers(1, 4)),
    )


def money(currency: str = "USD") -> st.SearchStrategy[Money]:
    return st.integers(0, 500_000).map(lambda amount: Money(amount, currency))


@st.composite
def services(draw: st.DrawFn) -> Service:
    price = draw(money())
    deposit = draw(
        st.none()
        | st.integers(0, price.amount).map(lambda a: FixedDeposit(Money(a, price.currency)))
        | st.integers(1, 10_000).map(PercentageDeposit)
    )
    return Service(
        SERVICE_ID,
        ARTIST_ID,
        "session",
        timedelta(minutes=draw(st.integers(1, 48)) * 5),
        price,
        deposit,
        timedelta(minutes=draw(st.sampled_from((0, 0, 5, 15, 30)))),
        timedelta(minutes=draw(st.sampled_from((0, 0, 10, 15)))),
        draw(st.booleans()),
    )


@st.composite
def clocks(draw: st.DrawFn, timezone: str = "UTC") -> datetime:
    """``now``: usually on a DST-change date of some zone, sometimes anywhere in 2025-26."""
    anchor = draw(st.sampled_from(DST_DATES) | st.dates(date(2025, 1, 1), date(2026, 12, 31)))
    local = datetime(anchor.year, anchor.month, anchor.day, tzinfo=ZoneInfo(timezone))
    offset = timedelta(minutes=draw(st.integers(-3 * 1440, 1440)))
    jitter = timedelta(seconds=draw(st.sampled_from((0, 0, 0, 1, 59))))
    return (local + offset + jitter).astimezone(UTC)


@st.composite
def busy_spans(draw: st.DrawFn, around: datetime, days: int = 4) -> list[Interval]:
    """Blocked spans of other bookings, 5-minute grid, overlapping each other at random."""
    spans = []
    for _ in range(draw(st.integers(0, 12))):
        start = around + timedelta(minutes=5 * draw(st.integers(-24, days * 288)))
        spans.append(Interval(start, start + timedelta(minutes=5 * draw(st.integers(1, 36)))))
    return spans


@dataclass(frozen=True, slots=True)
class Scenario:
    """Everything free_slots needs, drawn together so that the pieces meet in time."""

    service: Service
    policy: SchedulingPolicy
    schedule: Schedule
    busy: tuple[Interval, ...]
    now: datetime
    between: Interval


@st.composite
def scenarios(draw: st.DrawFn, days: int = 3) -> Scenario:
    policy = draw(policies())
    now = draw(clocks(policy.timezone))
    start = now + timedelta(minutes=draw(st.integers(-60, 1440)))
    local_date = start.astimezone(ZoneInfo(policy.timezone)).date()
    return Scenario(
        service=draw(services()),
        policy=policy,
        schedule=draw(schedules(near=local_date)),
        busy=tuple(draw(busy_spans(start, days))),
        now=now,
        between=Interval(start, start + timedelta(days=days)),
    )
