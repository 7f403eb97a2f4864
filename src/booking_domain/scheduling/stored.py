"""Availability as an artist keeps it: weekly rules and date overrides with ids, and the
rule that keeps the rules of one day apart."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from booking_domain.scheduling.availability import DateOverride, Schedule, WeeklyRule, format_clock
from booking_domain.scheduling.errors import OverlappingAvailabilityError
from booking_domain.shared.ids import ArtistId


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
    """Rules of one day may touch (09:00-12:00 and 12:00-17:00) but never overlap: an
    overlap is almost always a typo, and silently merging it would hide that."""
    for stored in existing:
        rule = stored.rule
        if (
            rule.day == new.day
            and rule.start_minute < new.end_minute
            and new.start_minute < rule.end_minute
        ):
            window = f"{format_clock(rule.start_minute)}-{format_clock(rule.end_minute)}"
            raise OverlappingAvailabilityError(f"It overlaps {window} on the same day.")


def schedule_of(rules: Iterable[StoredRule], overrides: Iterable[StoredOverride]) -> Schedule:
    return Schedule(tuple(r.rule for r in rules), tuple(o.override for o in overrides))
