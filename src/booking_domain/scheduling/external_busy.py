"""The rule that turns a feed's events into busy time.

A feed is read over ``fetch_window(now, horizon)``: from a day before ``now`` to the end of
the artist's booking horizon (nothing outside it can block a start). Of its events
(occurrences of recurring ones already expanded by the reader):

- ``TRANSP:TRANSPARENT`` ("free") and ``STATUS:CANCELLED`` events block nothing;
- an all-day event (``DTSTART`` a date) blocks its days, midnight to midnight in the
  artist's zone (``DTEND`` exclusive; one day when it has none);
- a floating time (no zone) is read in the artist's zone;
- an event without length (no ``DTEND``/``DURATION``, or one not after its start) blocks
  nothing;
- what remains is cut to the window, at most ``MAX_BUSY_EVENTS`` of them are kept (the
  earliest: a reader stops there too), and the spans are merged.

Never raises for the events' contents: a date the calendar cannot place (year 9999 in a
zone ahead of UTC) is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from booking_domain.scheduling.intervals import normalise
from booking_domain.shared.errors import DomainError
from booking_domain.shared.time import Interval

MAX_BUSY_EVENTS = 2000
LOOK_BACK = timedelta(days=1)

When = date | datetime  # a datetime is a date too: check for datetime first


@dataclass(frozen=True, slots=True)
class FeedEvent:
    """One occurrence as a feed gives it: ``start``/``end`` a date (all day), a naive
    datetime (floating) or an aware one."""

    start: When
    end: When | None = None
    transparent: bool = False
    cancelled: bool = False


def fetch_window(now: datetime, horizon: timedelta) -> Interval:
    """The span a feed is read over: a day back (an appointment under way) to the horizon."""
    return Interval(now - LOOK_BACK, now + horizon)


def _instant(when: When, zone: ZoneInfo) -> datetime:
    if isinstance(when, datetime):
        return when if when.tzinfo is not None else when.replace(tzinfo=zone)
    return datetime.combine(when, time(), tzinfo=zone)


def event_span(event: FeedEvent, zone: ZoneInfo) -> Interval | None:
    """The time ``event`` blocks, or None when it blocks nothing."""
    if event.transparent or event.cancelled:
        return None
    end = event.end
    try:
        if end is None and not isinstance(event.start, datetime):
            end = event.start + timedelta(days=1)
        if end is None:
            return None
        start_at, end_at = _instant(event.start, zone), _instant(end, zone)
        if not start_at < end_at:
            return None
        return Interval(start_at, end_at)
    except (OverflowError, ValueError, DomainError):
        return None


def _clipped(span: Interval, window: Interval) -> Interval | None:
    start, end = max(span.start, window.start), min(span.end, window.end)
    return Interval(start, end) if start < end else None


def busy_spans(
    events: Iterable[FeedEvent],
    window: Interval,
    zone: ZoneInfo,
    limit: int = MAX_BUSY_EVENTS,
) -> tuple[Interval, ...]:
    """The merged busy spans of ``events`` inside ``window``, from at most ``limit`` events
    (the earliest that block something there)."""
    inside: list[Interval] = []
    for event in events:
        span = event_span(event, zone)
        clipped = None if span is None else _clipped(span, window)
        if clipped is not None:
            inside.append(clipped)
    inside.sort(key=lambda s: (s.start, s.end))
    return normalise(inside[:limit])
