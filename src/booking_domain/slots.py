"""Interval arithmetic over absolute time.

An :class:`Interval` is half-open, ``[start, end)``, between two timezone-aware instants kept
in UTC. Empty and inverted intervals do not exist: constructing one raises
:class:`InvalidIntervalError`; naive datetimes raise :class:`NaiveDatetimeError`.

The set operations take any iterables of intervals and return *normalised* tuples: sorted by
start, pairwise disjoint and not touching (``[9, 10) + [10, 11)`` is ``[9, 11)``), which is
the canonical form of a set of instants. Because touching intervals merge, two normalised
sets are equal as point sets exactly when the tuples are equal.

The helpers at the bottom convert instants to integer epoch seconds and back; the slot
generator works on those integers, which is what makes it fast and TZ-independent.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from booking_domain.errors import InvalidIntervalError, NaiveDatetimeError

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def require_aware(value: datetime, what: str = "time") -> datetime:
    """``value`` converted to UTC; naive datetimes are refused, never guessed."""
    if not isinstance(value, datetime):
        raise NaiveDatetimeError(f"{what} must be a datetime, not {type(value).__name__}.")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(f"{what} must carry a time zone offset.")
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class Interval:
    """``[start, end)`` in UTC; ``start < end`` always holds."""

    start: datetime
    end: datetime

    def __post_init__(self) -> None:
        start = require_aware(self.start, "start")
        end = require_aware(self.end, "end")
        if not start < end:
            raise InvalidIntervalError(f"Interval [{start}, {end}) is empty or inverted.")
        # Stored in UTC so that equal instants give equal, equally printed intervals.
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)

    @classmethod
    def of(cls, start: datetime, length: timedelta) -> Interval:
        return cls(start, start + length)

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    def overlaps(self, other: Interval) -> bool:
        """Half-open: intervals that only touch (``a.end == b.start``) do not overlap."""
        return self.start < other.end and other.start < self.end

    def covers(self, other: Interval) -> bool:
        return self.start <= other.start and other.end <= self.end

    def contains_instant(self, instant: datetime) -> bool:
        return self.start <= require_aware(instant) < self.end


def overlaps(a: Interval, b: Interval) -> bool:
    return a.overlaps(b)


def normalise(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """Sorted, merged, disjoint and non-touching: the canonical form of a set of intervals."""
    ordered = sorted(intervals, key=_start_key)
    merged: list[Interval] = []
    for item in ordered:
        if merged and item.start <= merged[-1].end:
            last = merged[-1]
            if item.end > last.end:
                merged[-1] = Interval(last.start, item.end)
        else:
            merged.append(item)
    return tuple(merged)


def union(a: Iterable[Interval], b: Iterable[Interval]) -> tuple[Interval, ...]:
    return normalise([*a, *b])


def intersect(a: Iterable[Interval], b: Iterable[Interval]) -> tuple[Interval, ...]:
    """Instants in both sets, as a normalised tuple (a linear merge of the two sorted sets)."""
    left, right = normalise(a), normalise(b)
    out: list[Interval] = []
    i = j = 0
    while i < len(left) and j < len(right):
        start = max(left[i].start, right[j].start)
        end = min(left[i].end, right[j].end)
        if start < end:
            out.append(Interval(start, end))
        # Advance whichever ends first; it cannot meet anything further in the other set.
        if left[i].end <= right[j].end:
            i += 1
        else:
            j += 1
    return tuple(out)


def subtract(a: Iterable[Interval], b: Iterable[Interval]) -> tuple[Interval, ...]:
    """Instants in ``a`` and not in ``b``, as a normalised tuple."""
    left, cut = normalise(a), normalise(b)
    out: list[Interval] = []
    j = 0
    for item in left:
        start = item.start
        # Skip cuts that end before this piece; they are before every later piece too.
        while j < len(cut) and cut[j].end <= start:
            j += 1
        k = j
        while k < len(cut) and cut[k].start < item.end:
            if cut[k].start > start:
                out.append(Interval(start, cut[k].start))
            start = max(start, cut[k].end)
            k += 1
        if start < item.end:
            out.append(Interval(start, item.end))
    return tuple(out)


def contains(intervals: Iterable[Interval], candidate: Interval) -> bool:
    """Whether ``candidate`` lies entirely inside the set (i.e. inside one merged interval)."""
    merged = normalise(intervals)
    index = bisect_right(merged, candidate.start, key=_start_key) - 1
    return index >= 0 and merged[index].end >= candidate.end


def overlaps_any(intervals: Iterable[Interval], candidate: Interval) -> bool:
    return any(candidate.overlaps(item) for item in intervals)


def _start_key(item: Interval) -> datetime:
    return item.start


# --- integer epoch seconds ----------------------------------------------------------------


def epoch_floor(instant: datetime) -> int:
    """Whole seconds since the Unix epoch, rounded down (exact integer arithmetic)."""
    delta = instant - EPOCH
    return delta.days * 86_400 + delta.seconds


def epoch_ceil(instant: datetime) -> int:
    delta = instant - EPOCH
    return delta.days * 86_400 + delta.seconds + (1 if delta.microseconds else 0)


def from_epoch(seconds: int) -> datetime:
    return EPOCH + timedelta(seconds=seconds)


def whole_seconds(length: timedelta) -> int:
    """A duration in whole seconds (callers validate that it has no fraction)."""
    return length.days * 86_400 + length.seconds


def merge_sorted_pairs(pairs: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Starts and ends of ``(start, end)`` pairs sorted by start, overlapping/touching merged."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in pairs:
        if ends and start <= ends[-1]:
            if end > ends[-1]:
                ends[-1] = end
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends
