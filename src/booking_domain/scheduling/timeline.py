"""An artist's busy time, sorted once so that queries only touch the range they ask about.

:class:`BusyTimeline` holds the blocked spans of the artist's *active* bookings, merged into
disjoint epoch-second spans, plus the sorted appointment starts (for the daily cap). Build
it once per request from what the repository loaded (or keep one for a long history):
every query bisects into it and walks only the spans inside its range, so 50 000 bookings of
history cost no more than 200 once built.

Sub-second edges are rounded outwards (start down, end up). Slots start on whole seconds,
so this never changes whether a slot overlaps.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from operator import itemgetter

from booking_domain.scheduling.intervals import (
    Interval,
    epoch_ceil,
    epoch_floor,
    from_epoch,
    merge_sorted_pairs,
)


@dataclass(frozen=True, slots=True)
class BusyTimeline:
    """Merged blocked spans (``starts[i]`` .. ``ends[i]``) and appointment starts, in epoch s."""

    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()
    appointment_starts: tuple[int, ...] = ()

    @classmethod
    def of(
        cls, blocked: Iterable[Interval], appointment_starts: Iterable[datetime] | None = None
    ) -> BusyTimeline:
        """From active bookings' blocked spans; each span counts once for the daily cap.

        ``appointment_starts`` (one per booking) place bookings on their local date for the
        daily cap; without them the blocked span's start is used.
        """
        pairs = sorted((epoch_floor(i.start), epoch_ceil(i.end)) for i in blocked)
        if appointment_starts is None:
            day_marks = [start for start, _ in pairs]
        else:
            day_marks = sorted(epoch_floor(s) for s in appointment_starts)
        starts, ends = merge_sorted_pairs(pairs)
        return cls(tuple(starts), tuple(ends), tuple(day_marks))

    @classmethod
    def of_epochs(
        cls,
        lows: Iterable[float],
        highs: Iterable[float],
        appointment_starts: Iterable[float],
    ) -> BusyTimeline:
        """The same as :meth:`of`, from Unix-epoch seconds (``lows[i]``..``highs[i]`` is one
        booking's blocked span): what a store can hand over without building datetimes."""
        # map() keeps the per-span work in C, and sorting on the start alone compares ints,
        # not tuples (the merge does not care how equal starts are ordered): a store hands
        # hundreds of spans per request.
        edges = zip(map(math.floor, lows), map(math.ceil, highs), strict=True)
        pairs = sorted(edges, key=itemgetter(0))
        starts, ends = merge_sorted_pairs(pairs)
        day_marks = sorted(map(math.floor, appointment_starts))
        return cls(tuple(starts), tuple(ends), tuple(day_marks))

    def spans(self) -> tuple[Interval, ...]:
        """The merged busy spans as intervals (for display and tests)."""
        return tuple(
            Interval(from_epoch(s), from_epoch(e))
            for s, e in zip(self.starts, self.ends, strict=True)
        )

    def overlaps(self, low: int, high: int) -> bool:
        """Whether ``[low, high)`` meets a busy span: one bisection, no scan."""
        index = bisect_left(self.ends, low + 1)  # first span ending after ``low``
        return index < len(self.starts) and self.starts[index] < high

    def count_starts(self, low: int, high: int) -> int:
        """How many appointments start in ``[low, high)``."""
        marks = self.appointment_starts
        return bisect_left(marks, high) - bisect_left(marks, low)

    def without(self, blocked: Interval, appointment_start: datetime | None = None) -> BusyTimeline:
        """This timeline minus one booking (used when that booking moves to another slot).

        Active bookings of one artist never overlap, so cutting the booking's span out of the
        merged spans removes exactly its own contribution.
        """
        low, high = epoch_floor(blocked.start), epoch_ceil(blocked.end)
        first = bisect_left(self.ends, low + 1)
        last = bisect_left(self.starts, high)
        pieces: list[tuple[int, int]] = []
        for s, e in zip(self.starts[first:last], self.ends[first:last], strict=True):
            if s < low:
                pieces.append((s, low))
            if e > high:
                pieces.append((high, e))
        marks = list(self.appointment_starts)
        mark = epoch_floor(appointment_start if appointment_start else blocked.start)
        index = bisect_left(marks, mark)
        if index < len(marks) and marks[index] == mark:
            del marks[index]
        return BusyTimeline(
            self.starts[:first] + tuple(s for s, _ in pieces) + self.starts[last:],
            self.ends[:first] + tuple(e for _, e in pieces) + self.ends[last:],
            tuple(marks),
        )
