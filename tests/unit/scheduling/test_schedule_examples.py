"""Worked examples: DST days in three zones, 24:00 ends, overrides, and each refusal reason."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from booking_domain.catalog import InvalidScheduleError, Service
from booking_domain.scheduling import (
    BusyTimeline,
    DateOverride,
    Interval,
    LocalWindow,
    NotBookableError,
    NotBookableReason,
    Schedule,
    SchedulingPolicy,
    WeeklyRule,
    availability_windows,
    check_bookable,
    free_slots,
    parse_clock,
    why_not_bookable,
)
from booking_domain.shared import NaiveDatetimeError, UnknownTimeZoneError
from booking_domain.testing import make_policy, make_service

H = timedelta(hours=1)


def local(
    zone: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0, *, fold: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone), fold=fold)


def slots_on(
    day: date, schedule: Schedule, policy: SchedulingPolicy, service: Service | None = None
) -> list[datetime]:
    """Free slots of one local date, shown as local wall-clock times."""
    tz = ZoneInfo(policy.timezone)
    start = datetime(day.year, day.month, day.day, tzinfo=tz)
    found = free_slots(
        service=service or make_service(60), policy=policy, schedule=schedule,
        busy=BusyTimeline(), between=Interval(start, start + timedelta(days=1)),
        now=start - timedelta(days=1),
    )  # fmt: skip
    return [s.astimezone(tz) for s in found]


# (zone, Sunday of the change, real hours in local 00:00-06:00)
DST_DAYS = [
    ("America/New_York", date(2025, 3, 9), 5.0),  # 02:00 -> 03:00
    ("America/New_York", date(2025, 11, 2), 7.0),  # 02:00 -> 01:00
    ("Europe/London", date(2025, 3, 30), 5.0),  # 01:00 -> 02:00
    ("Europe/London", date(2025, 10, 26), 7.0),  # 02:00 -> 01:00
    ("Australia/Lord_Howe", date(2025, 10, 5), 5.5),  # 02:00 -> 02:30
    ("Australia/Lord_Howe", date(2025, 4, 6), 6.5),  # 02:00 -> 01:30
]


@pytest.mark.parametrize(("zone", "day", "hours"), DST_DAYS)
def test_dst_days_use_that_days_offsets(zone: str, day: date, hours: float) -> None:
    schedule = Schedule((WeeklyRule.parse(0, "00:00", "06:00"),))
    (window,) = availability_windows(schedule, zone, day, day)
    assert window.duration == timedelta(hours=hours)
    assert window.start == local(zone, day.year, day.month, day.day)
    policy = make_policy(zone, slot_step=timedelta(minutes=30))
    slots = slots_on(day, schedule, policy)
    # Every 30 real minutes from the window's start while a 60-minute session still fits.
    assert len(slots) == int((hours - 1) * 2) + 1
    in_utc = [s.astimezone(UTC) for s in slots]  # same-zone subtraction would be wall-clock
    assert all(b - a == timedelta(minutes=30) for a, b in itertools.pairwise(in_utc))


def test_spring_forward_skips_the_missing_hour_in_new_york() -> None:
    zone = "America/New_York"
    schedule = Schedule((WeeklyRule.parse(0, "02:30", "04:00"),))
    (window,) = availability_windows(schedule, zone, date(2025, 3, 9), date(2025, 3, 9))
    # 02:30 does not exist: the window opens when the clock jumps to 03:00 EDT.
    assert window == Interval(
        datetime(2025, 3, 9, 7, tzinfo=UTC), datetime(2025, 3, 9, 8, tzinfo=UTC)
    )
    inside_gap = Schedule((WeeklyRule.parse(0, "02:00", "02:45"),))
    assert availability_windows(inside_gap, zone, date(2025, 3, 9), date(2025, 3, 9)) == ()


def test_fall_back_takes_the_first_occurrence() -> None:
    schedule = Schedule((WeeklyRule.parse(0, "00:00", "01:30"),))
    (window,) = availability_windows(
        schedule, "America/New_York", date(2025, 11, 2), date(2025, 11, 2)
    )
    # (PEP 495: an ambiguous local time never compares equal across zones, so go via UTC.)
    assert window.end == local("America/New_York", 2025, 11, 2, 1, 30, fold=0).astimezone(UTC)
    assert window.end == datetime(2025, 11, 2, 5, 30, tzinfo=UTC)  # 01:30 EDT


def test_windows_ending_at_midnight_join_the_next_morning() -> None:
    friday_night = Schedule((WeeklyRule.parse(5, "20:00", "24:00"),))
    both = Schedule((WeeklyRule.parse(5, "20:00", "24:00"), WeeklyRule.parse(6, "00:00", "02:00")))
    policy = make_policy("Europe/London", slot_step=H)
    three_hours = make_service(180)
    friday = date(2026, 1, 9)
    at = [s.hour for s in slots_on(friday, friday_night, policy, three_hours)]
    assert at == [20, 21]
    # With Saturday's early window the evening runs on past midnight, so 22:00 and 23:00 fit.
    assert [s.hour for s in slots_on(friday, both, policy, three_hours)] == [20, 21, 22, 23]
    assert parse_clock("24:00") == 1440
    with pytest.raises(InvalidScheduleError):
        parse_clock("24:30")


def test_an_override_replaces_the_weekday_rules_of_its_date_only() -> None:
    monday, next_monday = date(2026, 1, 12), date(2026, 1, 19)
    rules = (WeeklyRule.parse(1, "09:00", "17:00"),)
    policy = make_policy("Asia/Kathmandu", slot_step=H)
    short_day = Schedule(rules, (DateOverride(monday, (LocalWindow.parse("12:00", "14:00"),)),))
    assert [s.hour for s in slots_on(monday, short_day, policy)] == [12, 13]
    assert len(slots_on(next_monday, short_day, policy)) == 8
    closed = Schedule(rules, (DateOverride(monday),))
    assert slots_on(monday, closed, policy) == []
    with pytest.raises(InvalidScheduleError):
        Schedule(rules, (DateOverride(monday), DateOverride(monday)))


def test_every_refusal_reason() -> None:
    zone = ZoneInfo("America/New_York")
    policy = make_policy(
        minimum_notice=timedelta(hours=24), horizon=timedelta(days=10), daily_cap=2,
        slot_step=timedelta(minutes=30),
    )  # fmt: skip
    service = make_service(60, before=15, after=15)
    schedule = Schedule(tuple(WeeklyRule.parse(d, "09:00", "17:00") for d in range(1, 6)))
    now = datetime(2026, 1, 5, 8, tzinfo=zone)  # Monday
    tuesday = datetime(2026, 1, 6, 9, tzinfo=zone)
    busy = BusyTimeline.of(
        [Interval(tuesday + 4 * H, tuesday + 5 * H)], [tuesday + 4 * H + timedelta(minutes=15)]
    )

    def reason(start: datetime, timeline: BusyTimeline = busy) -> NotBookableReason | None:
        return why_not_bookable(
            service=service, policy=policy, schedule=schedule, busy=timeline, start=start, now=now
        )

    assert reason(datetime(2026, 1, 5, 15, tzinfo=zone)) is NotBookableReason.TOO_SOON
    assert reason(datetime(2026, 1, 20, 10, tzinfo=zone)) is NotBookableReason.BEYOND_HORIZON
    assert reason(tuesday - H) is NotBookableReason.OUTSIDE_AVAILABILITY
    assert reason(tuesday + 7.5 * H) is NotBookableReason.OUTSIDE_AVAILABILITY  # runs past 17:00
    assert reason(tuesday + timedelta(minutes=10)) is NotBookableReason.OFF_GRID
    assert reason(tuesday + 3 * H) is NotBookableReason.OVERLAPS  # its after-buffer meets
    assert reason(tuesday + 2.5 * H) is None
    assert reason(tuesday + 5 * H) is NotBookableReason.OVERLAPS  # its before-buffer meets
    assert reason(tuesday + 5.5 * H) is None
    two = BusyTimeline.of(
        [Interval(tuesday, tuesday + H), Interval(tuesday + 2 * H, tuesday + 3 * H)]
    )
    assert reason(tuesday + 5 * H, two) is NotBookableReason.DAILY_CAP
    assert reason(datetime(2026, 1, 7, 9, tzinfo=zone), two) is None  # Wednesday is free
    with pytest.raises(NotBookableError) as refused:
        check_bookable(service=service, policy=policy, schedule=schedule, busy=busy,
                       start=tuesday + 3 * H, now=now)  # fmt: skip
    assert refused.value.reason == "overlaps"
    assert refused.value.code == "not_bookable"


def test_naive_times_are_refused() -> None:
    with pytest.raises(NaiveDatetimeError):
        free_slots(
            service=make_service(), policy=make_policy(), schedule=Schedule(),
            busy=BusyTimeline(), between=Interval(datetime(2026, 1, 1, tzinfo=UTC),
                                                  datetime(2026, 1, 2, tzinfo=UTC)),
            now=datetime(2026, 1, 1),
        )  # fmt: skip


def test_policy_refuses_unknown_zones_and_bad_steps() -> None:
    with pytest.raises(UnknownTimeZoneError):
        SchedulingPolicy("Mars/Olympus")
    with pytest.raises(InvalidScheduleError):
        SchedulingPolicy("UTC", slot_step=timedelta(seconds=90))
