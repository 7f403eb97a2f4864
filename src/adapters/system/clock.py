"""Clocks: the real one, one shifted from it (the local profile's rehearsal of another day),
and a manual one for tests and simulations."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from booking_domain.shared import Clock


class SystemClock(Clock):
    """The wall clock, in UTC."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ShiftedClock(Clock):
    """The wall clock moved by a fixed ``shift`` (ahead when positive): time runs as it does,
    from another starting point. The local profile's ``INKSLOT_CLOCK_SHIFT_SECONDS``, to live
    through a day that has not come yet with real processes (a rehearsal, a browser test of
    a booking's whole day: restart with a larger shift to move on); production refuses it."""

    def __init__(self, shift: timedelta) -> None:
        self._shift = shift

    def now(self) -> datetime:
        return datetime.now(UTC) + self._shift


class ManualClock(Clock):
    """A clock that moves only when told to: tests inject it instead of sleeping."""

    def __init__(self, start: datetime | None = None) -> None:
        start = start or datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
        if start.tzinfo is None:
            raise ValueError("ManualClock needs a timezone-aware start")
        self._now = start.astimezone(UTC)

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> datetime:
        self._now += delta
        return self._now

    def set(self, moment: datetime) -> None:
        self._now = moment.astimezone(UTC)
