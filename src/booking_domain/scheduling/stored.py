"""Availability as an artist keeps it: weekly rules and date overrides with ids, and the
rules an artist's input must follow:

- the weekly rules of one day, and the windows of one date override, may touch (09:00-12:00
  and 12:00-17:00) but never overlap: an overlap is almost always a typo, and silently
  merging it would hide that;
- an override's date lies between a year before the artist's local today and a year after
  the end of their booking horizon (``OVERRIDE_REACH``): nothing further can matter, and
  a date in year 9999 is a typo too.

They apply to what a client sends; what is stored is read back as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from uuid import UUID

from booking_domain.scheduling.availability import (
    DateOverride,
    LocalWindow,
    Schedule,
    WeeklyRule,
    format_clock,
)
from booking_domain.scheduling.errors import OverlappingAvailabilityError
from booking_domain.shared.errors import FieldError, InvalidInputError
from booking_domain.shared.ids import ArtistId

OVERRIDE_REACH = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class StoredRule:
    """A weekly rule as an artist keeps it: with an id, so it can be removed."""

    id: UUID
    artist_id: ArtistId
    rule: WeeklyRule
    created_at: datetime


@dataclass(frozen=True, slots=True)
class StoredOverride:
    """A date override as an artist keeps it (at most one per local date)."""

    id: UUID
    artist_id: ArtistId
    override: DateOverride
    created_at: datetime


def ensure_rule_fits(existing: Iterable[StoredRule], new: WeeklyRule) -> None:
    """Rules of one day may touch but never overlap."""
    for stored in existing:
        rule = stored.rule
        if (
            rule.day == new.day
            and rule.start_minute < new.end_minute
            and new.start_minute < rule.end_minute
        ):
            window = f"{format_clock(rule.start_minute)}-{format_clock(rule.end_minute)}"
            raise OverlappingAvailabilityError(f"It overlaps {window} on the same day.")


def ensure_windows_apart(windows: Iterable[LocalWindow]) -> None:
    """The windows of one date override may touch but never overlap."""
    ordered = sorted(windows, key=lambda w: (w.start_minute, w.end_minute))
    for before, after in pairwise(ordered):
        if after.start_minute < before.end_minute:
            raise OverlappingAvailabilityError(
                f"{_span(before)} and {_span(after)} overlap on the same date."
            )


def ensure_override_date_in_reach(on: date, today: date, horizon: timedelta) -> None:
    """``on`` lies in ``[today - OVERRIDE_REACH, today + horizon + OVERRIDE_REACH]``."""
    earliest, latest = today - OVERRIDE_REACH, today + horizon + OVERRIDE_REACH
    if not earliest <= on <= latest:
        message = f"Choose a date from {earliest.isoformat()} to {latest.isoformat()}."
        raise InvalidInputError(errors=(FieldError("date", message, "out_of_range"),))


def _span(window: LocalWindow) -> str:
    return f"{format_clock(window.start_minute)}-{format_clock(window.end_minute)}"


def schedule_of(rules: Iterable[StoredRule], overrides: Iterable[StoredOverride]) -> Schedule:
    return Schedule(tuple(r.rule for r in rules), tuple(o.override for o in overrides))
