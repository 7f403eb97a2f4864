"""The artist's scheduling policy: time zone, slot grid, notice, horizon, holds, caps.

The values live on the artist's profile (they are edited and shown with it), so the type is
declared in the catalogue; every rule that reads them (windows, free slots, holds,
cancellation refunds) belongs to scheduling and bookings, which re-export it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from zoneinfo import ZoneInfo

from booking_domain.catalog.errors import InvalidScheduleError
from booking_domain.shared.time import zone

MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise InvalidScheduleError(message)


@dataclass(frozen=True, slots=True)
class SchedulingPolicy:
    """Per-artist settings; the defaults are the product's (docs/product.md,
    "3. Scheduling").

    - ``slot_step``: candidate starts every step from each window's start (whole minutes,
      at most a day);
    - ``minimum_notice``: a start must be at least this far after ``now``;
    - ``horizon``: a start may be at most this far after ``now``;
    - ``deposit_hold``: how long a pending booking with an unpaid deposit blocks its slot;
    - ``approval_hold``: how long a request that needs the artist's approval blocks its slot;
    - ``free_cancellation_notice``: the customer may cancel (deposit refunded) or reschedule
      when at least this far ahead of the appointment;
    - ``daily_cap``: at most this many active bookings starting on one local date.
    """

    timezone: str
    slot_step: timedelta = timedelta(minutes=30)
    minimum_notice: timedelta = timedelta(hours=24)
    horizon: timedelta = timedelta(days=90)
    deposit_hold: timedelta = timedelta(minutes=15)
    approval_hold: timedelta = timedelta(hours=48)
    free_cancellation_notice: timedelta = timedelta(hours=48)
    daily_cap: int | None = None

    def __post_init__(self) -> None:
        zone(self.timezone)  # refuses unknown zones now rather than at the first query
        step = self.slot_step
        _require(MINUTE <= step <= DAY and step % MINUTE == timedelta(0), "slot_step: 1 min-1 day")
        _require(self.minimum_notice >= timedelta(0), "minimum_notice must not be negative")
        _require(self.horizon > timedelta(0), "horizon must be positive")
        _require(self.deposit_hold > timedelta(0), "deposit_hold must be positive")
        _require(self.approval_hold > timedelta(0), "approval_hold must be positive")
        _require(self.free_cancellation_notice >= timedelta(0), "free_cancellation_notice < 0")
        cap = self.daily_cap
        _require(cap is None or (type(cap) is int and cap >= 1), "daily_cap must be >= 1")

    @property
    def zone(self) -> ZoneInfo:
        return zone(self.timezone)
