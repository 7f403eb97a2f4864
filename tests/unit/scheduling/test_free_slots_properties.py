"""Free slots against a slow, obviously-correct reference built from the interval algebra."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from booking_domain.bookings import busy_timeline, request_booking
from booking_domain.scheduling import (
    BusyTimeline,
    Interval,
    availability_windows,
    contains,
    free_slots,
    normalise,
    why_not_bookable,
)
from booking_domain.testing import customer
from booking_domain.testing.builders import ARTIST_USER
from booking_domain.testing.strategies import Scenario, scenarios

DAY = timedelta(days=1)


def grid(sc: Scenario) -> Iterator[tuple[datetime, Interval]]:
    """Every candidate start of every local date touching the range, with its date's windows."""
    tz = ZoneInfo(sc.policy.timezone)
    day = sc.between.start.astimezone(tz).date() - DAY
    while day <= sc.between.end.astimezone(tz).date():
        for window in availability_windows(sc.schedule, sc.policy.timezone, day, day):
            start = window.start
            while start < window.end:
                yield start, window
                start += sc.policy.slot_step
        day += DAY


def reference(sc: Scenario) -> list[datetime]:
    tz = ZoneInfo(sc.policy.timezone)
    busy = normalise(sc.busy)
    out = []
    for start, _ in grid(sc):
        day = start.astimezone(tz).date()
        around = availability_windows(sc.schedule, sc.policy.timezone, day, day + 3 * DAY)
        blocked = Interval(
            start - sc.service.buffer_before,
            start + sc.service.duration + sc.service.buffer_after,
        )
        same_day = sum(1 for b in sc.busy if b.start.astimezone(tz).date() == day)
        if (
            sc.between.start <= start < sc.between.end
            and sc.now + sc.policy.minimum_notice <= start <= sc.now + sc.policy.horizon
            and contains(around, Interval(start, start + sc.service.duration))
            and not any(blocked.overlaps(b) for b in busy)
            and (sc.policy.daily_cap is None or same_day < sc.policy.daily_cap)
        ):
            out.append(start)
    return out


def offered(sc: Scenario, busy: BusyTimeline | None = None) -> tuple[datetime, ...]:
    return free_slots(
        service=sc.service, policy=sc.policy, schedule=sc.schedule,
        busy=busy if busy is not None else BusyTimeline.of(sc.busy),
        between=sc.between, now=sc.now,
    )  # fmt: skip


def bookable(sc: Scenario, start: datetime) -> bool:
    reason = why_not_bookable(
        service=sc.service, policy=sc.policy, schedule=sc.schedule,
        busy=BusyTimeline.of(sc.busy), start=start, now=sc.now,
    )  # fmt: skip
    return reason is None


@given(scenarios())
def test_free_slots_equal_the_reference(sc: Scenario) -> None:
    """Inside availability, notice, horizon, no overlap, cap: all at once, exactly."""
    slots = offered(sc)
    assert list(slots) == reference(sc)
    assert list(slots) == sorted(set(slots))


@given(scenarios(), st.data())
def test_offered_if_and_only_if_bookable(sc: Scenario, data: st.DataObject) -> None:
    slots = set(offered(sc))
    for start, _ in grid(sc):
        if sc.between.start <= start < sc.between.end:
            assert bookable(sc, start) == (start in slots), start
    # Off-grid instants (odd minutes and seconds) are never bookable unless offered.
    for _ in range(5):
        seconds = data.draw(st.integers(0, int(sc.between.duration.total_seconds()) - 1))
        start = sc.between.start + timedelta(seconds=seconds)
        assert bookable(sc, start) == (start in slots)


@given(scenarios())
def test_offered_slots_avoid_busy_time_and_stay_in_availability(sc: Scenario) -> None:
    tz = sc.policy.timezone
    for start in offered(sc):
        day = start.astimezone(ZoneInfo(tz)).date()
        appointment = Interval(start, start + sc.service.duration)
        assert contains(availability_windows(sc.schedule, tz, day, day + 3 * DAY), appointment)
        blocked = sc.service.blocked_span(start)
        assert not any(blocked.overlaps(b) for b in sc.busy)
        assert sc.now + sc.policy.minimum_notice <= start <= sc.now + sc.policy.horizon


@given(scenarios())
def test_results_do_not_depend_on_the_process_time_zone(sc: Scenario) -> None:
    saved = os.environ.get("TZ")
    results = []
    try:
        for zone in ("UTC", "America/Los_Angeles", "Pacific/Chatham", "Asia/Kathmandu"):
            os.environ["TZ"] = zone
            time.tzset()
            results.append(offered(sc))
    finally:
        if saved is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = saved
        time.tzset()
    assert all(r == results[0] for r in results)


@given(scenarios(), st.data())
def test_booking_an_offered_slot_removes_every_overlapping_slot(
    sc: Scenario, data: st.DataObject
) -> None:
    slots = offered(sc)
    if not slots:
        return
    start = data.draw(st.sampled_from(slots))
    busy = BusyTimeline.of(sc.busy)
    booking, _ = request_booking(
        by=customer(), service=sc.service, artist_user_id=ARTIST_USER, policy=sc.policy,
        schedule=sc.schedule, busy=busy, start=start, now=sc.now,
    )  # fmt: skip
    assert booking.is_active(sc.now)
    after = busy_timeline([booking], sc.now)
    combined = BusyTimeline.of([*sc.busy, booking.blocked])
    assert after.spans() == (booking.blocked,)
    for other in offered(sc, combined):
        assert not sc.service.blocked_span(other).overlaps(booking.blocked)


@given(scenarios(), st.integers(-2, 40))
def test_a_limit_returns_exactly_the_earliest_slots(sc: Scenario, limit: int) -> None:
    limited = free_slots(
        service=sc.service, policy=sc.policy, schedule=sc.schedule,
        busy=BusyTimeline.of(sc.busy), between=sc.between, now=sc.now, limit=limit,
    )  # fmt: skip
    assert limited == offered(sc)[: max(limit, 0)]
