"""Weekly rules, date overrides, and their conversion to absolute availability windows.

Rules are local wall-clock times in the artist's IANA zone, in whole minutes after local
midnight (``0`` .. ``1440``; ``1440`` is ``24:00``, the end of the day). ``day`` counts from
``0`` = Sunday to ``6`` = Saturday.

Conversion to absolute time uses each local date's own offset, never today's:
- a local time that does not exist (the clock jumps forward over it) is skipped: it maps to
  the instant of the jump, so ``02:00-04:00`` on a spring-forward night in New York is the one
  real hour ``03:00-04:00`` EDT, and a window entirely inside the gap vanishes;
- a local time that happens twice (the clock falls back) takes its first occurrence.

A date override replaces the weekly rules of its local date: no windows means closed.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from booking_domain.catalog import InvalidScheduleError
from booking_domain.scheduling.intervals import (
    EPOCH,
    Interval,
    from_epoch,
    merge_sorted_pairs,
    normalise,
)
from booking_domain.shared.errors import UnknownTimeZoneError
from booking_domain.shared.time import zone

MINUTES_PER_DAY = 1440
_EPOCH_ORDINAL = EPOCH.date().toordinal()

# Minute pairs, normalised: sorted, disjoint, non-touching.
MinuteWindows = tuple[tuple[int, int], ...]


def parse_clock(text: str) -> int:
    """``"HH:MM"`` (``"24:00"`` allowed) to minutes after local midnight; ASCII digits only
    (``int`` would read other scripts' digits, so ``"1٣:00"`` would pass for 13:00)."""
    hours, sep, minutes = text.partition(":")
    digits = (hours + minutes).isascii() and hours.isdigit() and minutes.isdigit()
    if not (sep and digits and len(minutes) == 2):
        raise InvalidScheduleError(f"Invalid local time {text!r}: use HH:MM.")
    value = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or value > MINUTES_PER_DAY:
        raise InvalidScheduleError(f"Invalid local time {text!r}: 00:00 to 24:00.")
    return value


def format_clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _check_minutes(start: int, end: int) -> None:
    if not (type(start) is int and type(end) is int and 0 <= start < end <= MINUTES_PER_DAY):
        raise InvalidScheduleError(
            f"A local window needs 00:00 <= start < end <= 24:00 (got {start!r}, {end!r})."
        )


@dataclass(frozen=True, slots=True)
class LocalWindow:
    """``[start_minute, end_minute)`` of one local date; windows never cross midnight."""

    start_minute: int
    end_minute: int

    def __post_init__(self) -> None:
        _check_minutes(self.start_minute, self.end_minute)

    @classmethod
    def parse(cls, start: str, end: str) -> LocalWindow:
        return cls(parse_clock(start), parse_clock(end))


@dataclass(frozen=True, slots=True)
class WeeklyRule:
    """Open every ``day`` (0 = Sunday) from ``start_minute`` to ``end_minute``, local time."""

    day: int
    start_minute: int
    end_minute: int

    def __post_init__(self) -> None:
        if not (type(self.day) is int and 0 <= self.day <= 6):
            raise InvalidScheduleError(f"day must be 0 (Sunday) to 6 (Saturday), not {self.day!r}")
        _check_minutes(self.start_minute, self.end_minute)

    @classmethod
    def parse(cls, day: int, start: str, end: str) -> WeeklyRule:
        return cls(day, parse_clock(start), parse_clock(end))


@dataclass(frozen=True, slots=True)
class DateOverride:
    """On local date ``on`` the artist works ``windows`` instead of the weekly rules."""

    on: date
    windows: tuple[LocalWindow, ...] = ()

    @property
    def closed(self) -> bool:
        return not self.windows


def _merge_minutes(pairs: list[tuple[int, int]]) -> MinuteWindows:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(pairs):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


@dataclass(frozen=True, slots=True)
class Schedule:
    """Weekly rules plus date overrides (at most one override per date)."""

    weekly: tuple[WeeklyRule, ...] = ()
    overrides: tuple[DateOverride, ...] = ()
    # Derived once: normalised minute windows per weekday and per overridden date ordinal.
    _by_day: tuple[MinuteWindows, ...] = field(init=False, repr=False, compare=False)
    _by_date: dict[int, MinuteWindows] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_day: list[list[tuple[int, int]]] = [[] for _ in range(7)]
        for rule in self.weekly:
            by_day[rule.day].append((rule.start_minute, rule.end_minute))
        by_date: dict[int, MinuteWindows] = {}
        for override in self.overrides:
            key = override.on.toordinal()
            if key in by_date:
                raise InvalidScheduleError(f"Two overrides for {override.on.isoformat()}.")
            by_date[key] = _merge_minutes(
                [(w.start_minute, w.end_minute) for w in override.windows]
            )
        object.__setattr__(self, "_by_day", tuple(_merge_minutes(d) for d in by_day))
        object.__setattr__(self, "_by_date", by_date)

    def local_windows(self, ordinal: int) -> MinuteWindows:
        """Normalised minute windows of the local date with proleptic ordinal ``ordinal``."""
        found = self._by_date.get(ordinal)
        # date.fromordinal(1) is a Monday, so ordinal % 7 is already 0 = Sunday .. 6 = Saturday.
        return found if found is not None else self._by_day[ordinal % 7]


def blocked_date(schedule: Schedule, on: date, start_minute: int, end_minute: int) -> DateOverride:
    """The override that blocks ``[start_minute, end_minute)`` of local date ``on`` and keeps
    the rest of what the date offers now (its override's windows, else its weekday's): an
    artist's "block this afternoon" is a date override like any other, so a second block
    of the same date cuts from what the first left, and removing the override gives the
    date back to the weekly hours. Nothing left open makes the date closed.

    Refused (``InvalidScheduleError``) unless ``00:00 <= start < end <= 24:00``, and
    when the span takes nothing away (the date is not open then): blocking closed time
    would store an override that changes nothing."""
    _check_minutes(start_minute, end_minute)
    open_now = schedule.local_windows(on.toordinal())
    kept: list[LocalWindow] = []
    for first, last in open_now:
        if first < start_minute:
            kept.append(LocalWindow(first, min(last, start_minute)))
        if last > end_minute:
            kept.append(LocalWindow(max(first, end_minute), last))
    if tuple((w.start_minute, w.end_minute) for w in kept) == open_now:
        raise InvalidScheduleError("You are not open then: there is nothing to block.")
    return DateOverride(on, tuple(kept))


def local_to_epoch(tz: ZoneInfo, ordinal: int, minute: int) -> int:
    """Epoch seconds of local ``minute`` on local date ``ordinal`` (skip gaps, first of folds)."""
    naive = datetime.fromordinal(ordinal) + timedelta(minutes=minute)
    first = naive.replace(tzinfo=tz).utcoffset()
    second = naive.replace(tzinfo=tz, fold=1).utcoffset()
    if first is None or second is None:  # pragma: no cover - ZoneInfo always has an offset
        raise UnknownTimeZoneError(f"{tz.key} gives no offset.")
    as_utc = (ordinal - _EPOCH_ORDINAL) * 86_400 + minute * 60
    before, after = _seconds(first), _seconds(second)
    if before >= after:
        # Unambiguous (equal) or repeated (fold=0 is the first occurrence, the earlier instant).
        return as_utc - before
    # The time is in a gap. The jump lies in (as_utc - after, as_utc - before]: find the
    # first instant already on the new offset. Gaps are rare, so a bisection is cheap enough.
    low, high = as_utc - after, as_utc - before
    while low + 1 < high:
        mid = (low + high) // 2
        if _offset_at(tz, mid) == after:
            high = mid
        else:
            low = mid
    return high


def _seconds(offset: timedelta) -> int:
    return offset.days * 86_400 + offset.seconds


def _offset_at(tz: ZoneInfo, epoch_seconds: int) -> int:
    offset = from_epoch(epoch_seconds).astimezone(tz).utcoffset()
    return 0 if offset is None else _seconds(offset)


@lru_cache(maxsize=8192)
def date_plan(tz: ZoneInfo, ordinal: int, windows: MinuteWindows) -> tuple[int, int, MinuteWindows]:
    """(local midnight, next local midnight, windows) of one date, all in epoch seconds.

    Cached: a date's conversion never changes, and free-slot queries revisit the same dates.
    Windows that vanish in a gap are dropped; the mapping is monotonic, so order is kept, and
    windows that come to touch across a gap (``01:00-02:00`` and ``03:00-04:00`` on a
    spring-forward night) become one window, as they are one stretch of real time.
    """
    absolute = []
    for start, end in windows:
        a, b = local_to_epoch(tz, ordinal, start), local_to_epoch(tz, ordinal, end)
        if a < b:
            absolute.append((a, b))
    starts, ends = merge_sorted_pairs(absolute)
    day_start = local_to_epoch(tz, ordinal, 0)
    day_end = local_to_epoch(tz, ordinal, MINUTES_PER_DAY)
    return day_start, day_end, tuple(zip(starts, ends, strict=True))


def local_ordinal(tz: ZoneInfo, epoch_seconds: int) -> int:
    """The local date (as an ordinal) on which an instant falls in ``tz``."""
    return from_epoch(epoch_seconds).astimezone(tz).toordinal()


def availability_windows(
    schedule: Schedule, tz: str, first: date, last: date
) -> tuple[Interval, ...]:
    """Absolute availability for local dates ``first`` .. ``last`` inclusive, normalised.

    Windows of adjacent dates that touch (``... 24:00`` then ``00:00 ...``) merge into one.
    """
    zone_info = zone(tz)
    pieces = []
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        for start, end in date_plan(zone_info, ordinal, schedule.local_windows(ordinal))[2]:
            pieces.append(Interval(from_epoch(start), from_epoch(end)))
    return normalise(pieces)


def container_end(ends: list[int], starts: list[int], instant: int) -> int | None:
    """End of the merged window holding ``instant``, or None when no window holds it."""
    index = bisect_left(ends, instant + 1)
    if index < len(starts) and starts[index] <= instant:
        return ends[index]
    return None
