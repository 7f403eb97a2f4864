"""Reading an iCalendar feed into ``FeedEvent``s: the ``VEVENT``s of the window, recurring
ones expanded (``RRULE``, ``RDATE``, ``EXDATE``, ``RECURRENCE-ID`` by
``recurring-ical-events``), earliest first, at most ``limit`` of them.

What makes an event busy is the domain's rule (``booking_domain.scheduling.external_busy``);
this module only hands over what the feed says. Two bounds keep a hostile feed cheap:
occurrences are taken lazily and the walk stops at the window's end or after ``limit``; and
a series repeating every second or minute is read as its first occurrence only (expanding
one from years back would walk millions of instants before reaching the window; no
calendar application writes such series).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import recurring_ical_events  # type: ignore[import-untyped]  # ships no type information

from booking_domain.scheduling import FeedEvent, Interval

_TOO_FREQUENT = {"SECONDLY", "MINUTELY"}
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
    for component in calendar.walk("VEVENT"):
        rule = component.get("RRULE")
        if rule is not None and _too_frequent(rule):
            del component["RRULE"]
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


def _too_frequent(rule: Any) -> bool:
    rules = rule if isinstance(rule, list) else [rule]
    return any(str(f).upper() in _TOO_FREQUENT for r in rules for f in r.get("FREQ", ()))


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
