"""Reading an iCalendar feed into ``FeedEvent``s: the ``VEVENT``s of the window, recurring
ones expanded (``RRULE``, ``RDATE``, ``EXDATE``, ``RECURRENCE-ID`` by
``recurring-ical-events`` over dateutil), earliest first, at most ``limit`` of them.

What makes an event busy is the domain's rule (``booking_domain.scheduling.external_busy``);
this module only hands over what the feed says. Three bounds keep a hostile feed cheap:

- **One pass over the window.** The window is expanded at once (``between``): dateutil
  walks each series from its ``DTSTART`` once. (Paging forward with ``after`` walked every
  series again for each page, and pages shrink to a quarter of an hour where occurrences are
  dense: an hourly series took seconds.)
- **An estimate before the walk.** dateutil walks every period from a series' ``DTSTART``
  to the window, and a rule can repeat every minute through its ``BY*`` lists as well as
  through its ``FREQ`` (``FREQ=HOURLY;BYMINUTE=0,...,59``). Each series' walk is estimated
  first, an upper bound: the periods from ``DTSTART`` to the end of the walk, times the
  sizes of the rule's ``BY*`` lists. A series over ``MAX_SERIES_WALK``, or past
  ``MAX_FEED_WALK`` for the feed as a whole, is read as its first occurrence only. No
  calendar application writes such series: a weekday meeting since 2000 is ~7,000 instants,
  a daily one since 1990 ~13,000.
- **An end to every walk.** dateutil looks for occurrences until the year 9999 and checks
  ``UNTIL`` only against an occurrence it found, so a rule that never occurs again
  (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30``, or one whose interval misses every day it
  names) walked ~2.9 million days, seconds of CPU each. Here every walk ends with the
  window's year (dateutil's own walk, told that the calendar ends there:
  ``_walk_ending_in``; nothing past the window is wanted), and the estimate counts the
  periods up to that end.
"""

from __future__ import annotations

import datetime as datetime_module
from collections.abc import Callable, Iterator
from datetime import MAXYEAR, UTC, date, datetime, timedelta
from functools import cache
from types import FunctionType, MethodType, ModuleType
from typing import Any

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]  # ships no type information
from dateutil import rrule as dateutil_rrule  # type: ignore[import-untyped]
from dateutil.rrule import rrule  # type: ignore[import-untyped]
from recurring_ical_events import Series
from recurring_ical_events.selection.name import (  # type: ignore[import-untyped]
    ComponentsWithName,
)

from booking_domain.scheduling import FeedEvent, Interval

# dateutil walks ~2-3 us an instant here: a feed's whole budget is under a second.
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
_DAY = _PERIOD_SECONDS["DAILY"]
# A yearly or monthly period costs dateutil a check of each of its days against the rule's
# BY* lists, whatever the rule names (a yearly rule since the year 1: 740,000 checks);
# about 16 checks cost what one instant does.
_DAYS_CHECKED = {_PERIOD_SECONDS["YEARLY"]: 366, _PERIOD_SECONDS["MONTHLY"]: 31}
_CHECKS_PER_INSTANT = 16
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
    start, stop = window.start - _MARGIN, window.end + _MARGIN
    last_year = min(stop.year, MAXYEAR)
    _bound_the_walks(calendar, stop, datetime(last_year, 12, 31, 23, 59, 59, tzinfo=UTC))
    events: list[FeedEvent] = []
    try:
        vevents = ComponentsWithName("VEVENT", series=_series_ending_in(last_year))
        query = recurring_ical_events.of(calendar, components=[vevents], skip_bad_series=True)
        for occurrence in query.between(start, stop):
            event = _event(occurrence)
            if event is not None:
                events.append(event)
    except Exception as exc:  # a series the expander cannot walk
        raise UnreadableFeedError("The feed's events could not be read.") from exc
    events.sort(key=lambda event: _as_utc(event.start))
    return events[:limit]


@cache
def _walk_ending_in(last_year: int) -> Callable[[rrule], Iterator[datetime]]:
    """dateutil's own walk of a rule (``rrule._iter``, the same code), in a world whose
    calendar ends with ``last_year``: it stops where it would stop at the year 9999."""
    calendar_end = ModuleType("datetime")
    vars(calendar_end).update(vars(datetime_module))
    setattr(calendar_end, "MAXYEAR", last_year)  # noqa: B010 - a module's name, set
    walk = rrule._iter  # the walk itself, bound to other globals, not written again
    scope = {**vars(dateutil_rrule), "datetime": calendar_end}
    return FunctionType(walk.__code__, scope, walk.__name__, walk.__defaults__, walk.__closure__)


def _series_ending_in(last_year: int) -> type[Series]:
    """``recurring-ical-events``' series, whose rules end their walk with ``last_year``."""

    class Rules(Series.RecurrenceRules):  # type: ignore[misc]  # the library is untyped
        def rrulestr(self, rule_string: str) -> rrule:
            rule = super().rrulestr(rule_string)
            rule._iter = MethodType(_walk_ending_in(last_year), rule)
            rule._invalidate_cache()  # a cached rule has begun its walk already
            return rule

    class Ending(Series):  # type: ignore[misc]
        RecurrenceRules = Rules

    return Ending


def _bound_the_walks(calendar: Any, until: datetime, calendar_end: datetime) -> None:
    """Drop the ``RRULE`` of every series whose walk could be too long (it is then read as
    its first occurrence), and of every series once the feed's budget is out."""
    spent = 0
    for component in calendar.walk("VEVENT"):
        rule = component.get("RRULE")
        if rule is None:
            continue
        start = _when(component, "DTSTART")
        walk = sum(_walk(r, start, until, calendar_end) for r in _listed(rule))
        if walk > MAX_SERIES_WALK or spent + walk > MAX_FEED_WALK:
            del component["RRULE"]  # not walked: it spends nothing of the budget
        else:
            spent += walk


def _walk(rule: Any, start: date | datetime | None, until: datetime, calendar_end: datetime) -> int:
    """An upper bound on the instants dateutil walks for ``rule`` from ``start``: every
    instant the rule names up to ``until`` (or its ``UNTIL``); past that, the periods up to
    ``calendar_end`` it may step through looking for one more occurrence, one a day at
    most below a daily rule (dateutil jumps over a day the rule leaves out) unless
    ``BYSETPOS`` can leave every period empty. A yearly or monthly period counts its days'
    checks too. Over the budget for anything it cannot read (the series then stays
    single)."""
    try:
        frequency = _PERIOD_SECONDS[str(_first(rule.get("FREQ"), "")).upper()]
        interval = max(1, int(_first(rule.get("INTERVAL"), 1)))
        if start is None:
            return MAX_SERIES_WALK + 1
        begin, end = _as_utc(start), until
        stated = _first(rule.get("UNTIL"), None)
        if isinstance(stated, date):
            end = min(end, _as_utc(stated))
        period = frequency * interval
        periods = max(0, int((end - begin).total_seconds() // period)) + 1
        per_period = 1
        for part in _EXPANDING:
            per_period *= max(1, len(_listed(rule.get(part, []))))
        per_period += _DAYS_CHECKED.get(frequency, 0) // _CHECKS_PER_INSTANT
        step = period if frequency >= _DAY or rule.get("BYSETPOS") else _DAY
        beyond = max(0, int((calendar_end - max(begin, end)).total_seconds() // step)) + 1
        return periods * per_period + beyond
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
