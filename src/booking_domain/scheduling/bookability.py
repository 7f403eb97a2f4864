"""Free slots and bookability: one rule, two questions.

A start ``s`` is offered (and bookable) when all of these hold:

1. ``s >= now + minimum_notice``                                   (else ``too_soon``)
2. ``s <= now + horizon``                                          (else ``beyond_horizon``)
3. ``s`` lies in one of its local date's availability windows ``w``, and the appointment
   ``[s, s + duration)`` lies inside the availability around it (windows that touch, such as
   ``... 24:00`` and the next day's ``00:00 ...``, count as one)  (else ``outside_availability``)
4. ``s = w.start + k * slot_step`` for a whole ``k >= 0``          (else ``off_grid``)
5. ``[s - buffer_before, s + duration + buffer_after)`` overlaps no busy span
                                                                   (else ``overlaps``)
6. with a daily cap, fewer than ``cap`` active bookings start on ``s``'s local date
                                                                   (else ``daily_cap``)

:func:`free_slots` sweeps the grid of every window once with moving pointers over integer
epoch seconds; :func:`check_bookable` answers for one start with a few bisections. Both read
the same per-date plans, so a start is bookable if and only if ``free_slots`` offers it.
Nothing here reads the process time zone or the clock: ``now`` is always an argument.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime
from enum import StrEnum

from booking_domain.catalog import SchedulingPolicy, Service
from booking_domain.scheduling.availability import (
    DateOverride,
    LocalWindow,
    Schedule,
    WeeklyRule,
    availability_windows,
    container_end,
    date_plan,
    local_ordinal,
)
from booking_domain.scheduling.errors import NotBookableError
from booking_domain.scheduling.intervals import (
    Interval,
    epoch_ceil,
    epoch_floor,
    from_epoch,
    merge_sorted_pairs,
    require_aware,
    whole_seconds,
)
from booking_domain.scheduling.timeline import BusyTimeline

__all__ = [
    "BusyTimeline",
    "DateOverride",
    "LocalWindow",
    "NotBookableReason",
    "Schedule",
    "SchedulingPolicy",
    "WeeklyRule",
    "availability_windows",
    "check_bookable",
    "free_slot_epochs",
    "free_slots",
    "why_not_bookable",
]

# An appointment lasts at most 24 h, so the availability that can hold it ends within three
# local dates after its start's date (a day is 23-25 h; even a skipped date leaves two).
_LOOKAHEAD_DATES = 3


class NotBookableReason(StrEnum):
    TOO_SOON = "too_soon"
    BEYOND_HORIZON = "beyond_horizon"
    OUTSIDE_AVAILABILITY = "outside_availability"
    OFF_GRID = "off_grid"
    OVERLAPS = "overlaps"
    DAILY_CAP = "daily_cap"


def free_slots(
    *,
    service: Service,
    policy: SchedulingPolicy,
    schedule: Schedule,
    busy: BusyTimeline,
    between: Interval,
    now: datetime,
    limit: int | None = None,
) -> tuple[datetime, ...]:
    """Every bookable start in ``[between.start, between.end)``, ascending, in UTC; only
    the first ``limit`` of them when a limit is given (the search stops there)."""
    found = free_slot_epochs(
        service=service,
        policy=policy,
        schedule=schedule,
        busy=busy,
        between=between,
        now=now,
        limit=limit,
    )
    return tuple([from_epoch(s) for s in found])


def free_slot_epochs(
    *,
    service: Service,
    policy: SchedulingPolicy,
    schedule: Schedule,
    busy: BusyTimeline,
    between: Interval,
    now: datetime,
    limit: int | None = None,
) -> list[int]:
    """The starts :func:`free_slots` offers, as whole Unix-epoch seconds: for callers that
    write them out themselves and need no ``datetime`` per slot."""
    now = require_aware(now, "now")
    if limit is not None and limit < 1:
        return []
    tz = policy.zone
    low = max(epoch_ceil(now + policy.minimum_notice), epoch_ceil(between.start))
    high = min(epoch_floor(now + policy.horizon), epoch_ceil(between.end) - 1)
    if low > high:
        return []
    first, last = local_ordinal(tz, low), local_ordinal(tz, high)
    cap = policy.daily_cap
    generating: list[tuple[int, int]] = []
    pieces: list[tuple[int, int]] = []
    for ordinal in range(first, last + _LOOKAHEAD_DATES + 1):
        day_start, day_end, windows = date_plan(tz, ordinal, schedule.local_windows(ordinal))
        pieces.extend(windows)
        # A date whose cap is reached offers nothing, but its windows still hold appointments
        # that start the day before and run past midnight.
        full = cap is not None and busy.count_starts(day_start, day_end) >= cap
        if ordinal <= last and not full:
            generating.extend(windows)
    if not generating:
        return []
    _, container_ends = merge_sorted_pairs(pieces)  # ends suffice: each window lies in one
    return _sweep(service, policy, busy, generating, container_ends, low, high, limit)


def _sweep(
    service: Service,
    policy: SchedulingPolicy,
    busy: BusyTimeline,
    generating: list[tuple[int, int]],
    container_ends: list[int],
    low: int,
    high: int,
    limit: int | None,
) -> list[int]:
    """Grid starts of ``generating`` windows in ``[low, high]`` that fit and are not busy
    (the first ``limit`` of them, if given).

    Windows, containers and busy spans are all sorted and the candidate only moves forward,
    so each list is walked once: O(windows + candidates + busy spans in range).
    """
    duration, step = whole_seconds(service.duration), whole_seconds(policy.slot_step)
    before, after = whole_seconds(service.buffer_before), whole_seconds(service.buffer_after)
    busy_starts, busy_ends = busy.starts, busy.ends
    n_busy = len(busy_ends)
    # First busy span that ends after the earliest blocked start we could ask about.
    b = bisect_right(busy_ends, max(low, generating[0][0]) - before)
    c = 0
    found: list[int] = []
    for window_start, window_end in generating:
        while container_ends[c] <= window_start:
            c += 1
        last = min(window_end - 1, container_ends[c] - duration, high)
        s = window_start
        if s < low:
            s += -((window_start - low) // step) * step  # round up onto the grid
        while s <= last:
            blocked_start = s - before
            while b < n_busy and busy_ends[b] <= blocked_start:
                b += 1
            if b < n_busy and busy_starts[b] < s + duration + after:
                # Jump to the first grid start whose blocked time begins after this span.
                gap = busy_ends[b] + before - window_start
                s = window_start - (-gap // step) * step
                continue
            found.append(s)
            if len(found) == limit:
                return found
            s += step
    return found


def why_not_bookable(
    *,
    service: Service,
    policy: SchedulingPolicy,
    schedule: Schedule,
    busy: BusyTimeline,
    start: datetime,
    now: datetime,
) -> NotBookableReason | None:
    """The first rule (in the module's order) that refuses ``start``, or None if bookable.
    Before any rule, a naive ``start`` or ``now`` is refused (``NaiveDatetimeError``):
    ``request_booking`` relies on this check rather than making its own."""
    start, now = require_aware(start, "start"), require_aware(now, "now")
    if start < now + policy.minimum_notice:
        return NotBookableReason.TOO_SOON
    if start > now + policy.horizon:
        return NotBookableReason.BEYOND_HORIZON
    tz = policy.zone
    s = epoch_floor(start)
    ordinal = local_ordinal(tz, s)
    day_start, day_end, windows = date_plan(tz, ordinal, schedule.local_windows(ordinal))
    home = next(((ws, we) for ws, we in windows if ws <= s < we), None)
    if home is None:
        return NotBookableReason.OUTSIDE_AVAILABILITY
    pieces = [
        window
        for day in range(ordinal, ordinal + _LOOKAHEAD_DATES + 1)
        for window in date_plan(tz, day, schedule.local_windows(day))[2]
    ]
    starts, ends = merge_sorted_pairs(pieces)
    end_of_availability = container_end(ends, starts, home[0])
    duration = whole_seconds(service.duration)
    if end_of_availability is None or s + duration > end_of_availability:
        return NotBookableReason.OUTSIDE_AVAILABILITY
    if start.microsecond or (s - home[0]) % whole_seconds(policy.slot_step):
        return NotBookableReason.OFF_GRID
    before, after = whole_seconds(service.buffer_before), whole_seconds(service.buffer_after)
    if busy.overlaps(s - before, s + duration + after):
        return NotBookableReason.OVERLAPS
    cap = policy.daily_cap
    if cap is not None and busy.count_starts(day_start, day_end) >= cap:
        return NotBookableReason.DAILY_CAP
    return None


def check_bookable(
    *,
    service: Service,
    policy: SchedulingPolicy,
    schedule: Schedule,
    busy: BusyTimeline,
    start: datetime,
    now: datetime,
) -> None:
    """Raise :class:`NotBookableError` with the precise reason unless ``start`` is offered."""
    reason = why_not_bookable(
        service=service, policy=policy, schedule=schedule, busy=busy, start=start, now=now
    )
    if reason is not None:
        raise NotBookableError(reason.value)
