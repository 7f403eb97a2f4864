"""Interval arithmetic over absolute time.

:class:`Interval` itself (half-open ``[start, end)``, aware, stored in UTC) is the shared
kernel's (``booking_domain.shared.time``) and is re-exported here.

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
from datetime import datetime, timedelta

from booking_domain.shared.time import EPOCH, Interval, require_aware

__all__ = [
    "EPOCH",
    "Interval",
    "contains",
    "epoch_ceil",
    "epoch_floor",
    "from_epoch",
    "intersect",
    "merge_sorted_pairs",
    "normalise",
    "overlaps",
    "overlaps_any",
    "require_aware",
    "subtract",
    "union",
    "whole_seconds",
]


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
