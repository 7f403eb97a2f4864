"""The dates an entry waits for: a range of the artist's local dates (docs/waitlist.md,
"Joining").

- the first date is today or later, where the artist works (``date_in_past``);
- the last date is no later than the artist's booking horizon reaches
  (``beyond_horizon``): nothing later could be booked;
- the last date is not before the first (``range_inverted``), and the range is at most
  ``MAX_DAYS`` dates (``range_too_long``): a waitlist is for a time one is ready to come,
  not for "whenever".

The range covers absolute time from the first date's local midnight to the midnight after
the last date (``window``), across DST as the zone has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from booking_domain.shared.errors import FieldError
from booking_domain.shared.time import Interval, require_aware
from booking_domain.waitlist.errors import InvalidWaitlistEntryError

MAX_DAYS = 90


@dataclass(frozen=True, slots=True)
class DateRange:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def window(self, zone: ZoneInfo) -> Interval:
        """From the first date's local start to the start of the date after the last."""
        start = datetime.combine(self.first, time(0), zone)
        end = datetime.combine(self.last + timedelta(days=1), time(0), zone)
        return Interval(start, end)


def local_today(now: datetime, zone: ZoneInfo) -> date:
    return require_aware(now, "now").astimezone(zone).date()


def check_range(
    first: date, last: date, *, now: datetime, zone: ZoneInfo, horizon: timedelta
) -> DateRange:
    """The range, or ``InvalidWaitlistEntryError`` naming every rule it breaks."""
    today = local_today(now, zone)
    furthest = local_today(now + horizon, zone)
    problems: list[FieldError] = []
    if first < today:
        problems.append(FieldError("firstDate", "Not before today.", "date_in_past"))
    if last < first:
        problems.append(FieldError("lastDate", "Not before the first date.", "range_inverted"))
    elif (last - first).days + 1 > MAX_DAYS:
        problems.append(FieldError("lastDate", f"At most {MAX_DAYS} dates.", "range_too_long"))
    if last > furthest:
        detail = f"The artist takes bookings up to {furthest.isoformat()}."
        problems.append(FieldError("lastDate", detail, "beyond_horizon"))
    if problems:
        raise InvalidWaitlistEntryError(errors=tuple(problems))
    return DateRange(first, last)
