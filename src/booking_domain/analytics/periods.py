"""Ranges and periods: which local dates a question covers and how they are grouped.

A range is two local dates, both included, read in the artist's time zone (for the
platform, each booking in its own artist's zone). A period is a day, an ISO week (Monday
first) or a calendar month; the first and last periods are clipped to the range. Ranges are
bounded so an answer stays small: at most 2 years by day, 5 by week, 20 by month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from booking_domain.analytics.errors import InvalidAnalyticsRangeError
from booking_domain.shared.errors import FieldError

# The calendar the figures are kept for: far from date.min/date.max, so no step overflows.
FIRST_DATE = date(2000, 1, 1)
LAST_DATE = date(2199, 12, 31)


class Granularity(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


# The longest range, in days, each granularity answers.
MAX_DAYS: dict[Granularity, int] = {
    Granularity.DAY: 2 * 366,
    Granularity.WEEK: 5 * 366,
    Granularity.MONTH: 20 * 366,
}


def period_start(day: date, granularity: Granularity) -> date:
    """The first date of the period holding ``day`` (weeks start on Monday)."""
    if granularity is Granularity.WEEK:
        return day - timedelta(days=day.weekday())
    if granularity is Granularity.MONTH:
        return day.replace(day=1)
    return day


@dataclass(frozen=True, slots=True)
class DateRange:
    """Local dates ``first`` .. ``last``, both included, grouped by ``granularity``."""

    first: date
    last: date
    granularity: Granularity = Granularity.DAY

    def __post_init__(self) -> None:
        for name, value in (("from", self.first), ("to", self.last)):
            if not FIRST_DATE <= value <= LAST_DATE:
                raise InvalidAnalyticsRangeError(
                    errors=(FieldError(name, f"A date from {FIRST_DATE} to {LAST_DATE}."),)
                )
        if self.last < self.first:
            raise InvalidAnalyticsRangeError(errors=(FieldError("to", "Not before `from`."),))
        if (self.last - self.first).days + 1 > MAX_DAYS[self.granularity]:
            limit = MAX_DAYS[self.granularity]
            raise InvalidAnalyticsRangeError(
                errors=(FieldError("to", f"At most {limit} days by {self.granularity}."),)
            )

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def dates(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.days)]

    def periods(self) -> list[date]:
        """The starts of the periods, in order; the first one is clipped to ``first``."""
        starts: list[date] = []
        for day in self.dates():
            start = max(period_start(day, self.granularity), self.first)
            if not starts or starts[-1] != start:
                starts.append(start)
        return starts

    def period_of(self, day: date) -> date:
        """The (clipped) start of the period ``day`` falls in."""
        return max(period_start(day, self.granularity), self.first)
