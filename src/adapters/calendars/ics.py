"""Reading an iCalendar feed into ``FeedEvent``s: the ``VEVENT``s of the window, recurring
ones expanded (``RRULE``, ``RDATE``, ``EXDATE``, ``RECURRENCE-ID`` by
``recurring-ical-events``), earliest first, at most ``limit`` of them.

What makes an event busy is the domain's rule (``booking_domain.scheduling.external_busy``);
this module only hands over what the feed says. Two bounds keep a hostile feed cheap:
occurrences are taken lazily and the walk stops at the window's end or after ``limit``; and
before anything is expanded, each series' walk is estimated, since the expander walks every
instant from the series' ``DTSTART`` to the window, and a rule can repeat every minute
through its ``BY*`` lists as well as through its ``FREQ`` (``FREQ=HOURLY;BYMINUTE=0,...,59``).
The estimate is an upper bound: the periods from ``DTSTART`` to the window's end (or
``UNTIL``), times the sizes of the rule's ``BY*`` lists. A series over ``MAX_SERIES_WALK``,
or past ``MAX_FEED_WALK`` for the feed as a whole, is read as its first occurrence only. No
calendar application writes such series: a weekday meeting since 2000 is ~7,000 instants,
a daily one since 1990 ~13,000.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]  # ships no type information

from booking_domain.scheduling import FeedEvent, Interval

# The expander walks ~10-30 us an instant here: the feed's budget is a few seconds at most.
MAX_SERIES_WALK = 20_000
MAX_FEED_WALK = 100_000
_PERIOD_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3_600,
    "DAILY": 86_400,
    "WEEKLY": 604_800,
    "MONTHLY": 2_419_200,  # the shortest month: an upper bound on the periods
    "YEARLY": 31_536_000,
}
# The parts that can make one period hold several instants (BYSETPOS only picks among them).
_EXPANDING = (
    *("BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY"),
    *("BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH"),
)
# Floating and all-day starts are compared to the window as if in UTC: a day's margin
# covers every zone, and the domain cuts to the window exactly.
_MARGIN = timedelta(days=1)


class UnreadableFeedError(Exception):
    """Not an iCalendar feed this reader can read (the message says what, in general)."""


def read_events(body: bytes, window: Interval, limit: int) -> list[FeedEvent]:
    """The feed's events overlapping ``window`` (roughly: the domain cuts exactly)."""
    try:
        calendar = icalendar.Calendar.from_ical(body)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError ...
        raise UnreadableFeedError("The feed is not an iCalendar file.") from exc
    if not isinstance(calendar, icalendar.Calendar):
        raise UnreadableFeedError("The feed is not an iCalendar file.")
    _bound_the_walks(calendar, window.end + _MARGIN)
    events: list[FeedEvent] = []
    stop = window.end + _MARGIN
    try:
        query = recurring_ical_events.of(calendar, skip_bad_series=True)
        for occurrence in query.after(window.start - _MARGIN):
            event = _event(occurrence)
            if event is None:
                continue
            if _as_utc(event.start) >= stop or len(events) >= limit:
                break
            events.append(event)
    except UnreadableFeedError:
        raise
    except Exception as exc:  # a series the expander cannot walk
        raise UnreadableFeedError("The feed's events could not be read.") from exc
    return events


def _bound_the_walks(calendar: Any, until: datetime) -> None:
    """Drop the ``RRULE`` of every series whose walk to ``until`` could be too long (it is
    then read as its first occurrence), and of every series once the feed's budget is out."""
    spent = 0
    for component in calendar.walk("VEVENT"):
        rule = component.get("RRULE")
        if rule is None:
            continue
        walk = sum(_walk(r, _when(component, "DTSTART"), until) for r in _listed(rule))
        if walk > MAX_SERIES_WALK or spent + walk > MAX_FEED_WALK:
            del component["RRULE"]  # not walked: it spends nothing of the budget
        else:
            spent += walk


def _walk(rule: Any, start: date | datetime | None, until: datetime) -> int:
    """An upper bound on the instants the expander walks for ``rule`` from ``start`` to
    ``until``; over the budget for anything it cannot read (the series then stays single)."""
    try:
        frequency = _PERIOD_SECONDS[str(_first(rule.get("FREQ"), "")).upper()]
        interval = max(1, int(_first(rule.get("INTERVAL"), 1)))
        end = until
        stated = _first(rule.get("UNTIL"), None)
        if isinstance(stated, date):
            end = min(end, _as_utc(stated))
        seconds = 0.0 if start is None else (end - _as_utc(start)).total_seconds()
        periods = max(0, int(seconds // (frequency * interval))) + 1
        per_period = 1
        for part in _EXPANDING:
            per_period *= max(1, len(_listed(rule.get(part, []))))
        return periods * per_period
    except (KeyError, TypeError, ValueError, OverflowError):
        return MAX_SERIES_WALK + 1


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _first(value: Any, default: Any) -> Any:
    values = _listed(value) if value is not None else []
    return values[0] if values else default


def _when(component: Any, name: str) -> date | datetime | None:
    prop = component.get(name)
    value = getattr(prop, "dt", None)
    return value if isinstance(value, date) else None


def _event(component: Any) -> FeedEvent | None:
    start = _when(component, "DTSTART")
    if start is None:
        return None
    end = _when(component, "DTEND")
    if end is None:
        duration = getattr(component.get("DURATION"), "dt", None)
        if isinstance(duration, timedelta):
            try:
                end = start + duration
            except OverflowError:
                end = None
    return FeedEvent(
        start=start,
        end=end,
        transparent=str(component.get("TRANSP", "")).upper() == "TRANSPARENT",
        cancelled=str(component.get("STATUS", "")).upper() == "CANCELLED",
    )


def _as_utc(when: date | datetime) -> datetime:
    if isinstance(when, datetime):
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    return datetime(when.year, when.month, when.day, tzinfo=UTC)
