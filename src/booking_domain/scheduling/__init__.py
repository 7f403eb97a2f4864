"""Scheduling: time. Interval arithmetic, weekly rules and date overrides converted to
absolute availability across time zones and DST, the busy timeline, and the one rule that
answers both "which starts are free?" and "may this start be booked?".

    from booking_domain.scheduling import free_slots, Schedule, WeeklyRule

Use cases (availability, free slots, the scheduling policy) are in
:mod:`booking_domain.scheduling.use_cases`; ports in :mod:`booking_domain.scheduling.ports`.
"""

from booking_domain.catalog import InvalidScheduleError, SchedulingPolicy
from booking_domain.scheduling.availability import (
    MINUTES_PER_DAY,
    DateOverride,
    LocalWindow,
    Schedule,
    WeeklyRule,
    availability_windows,
    blocked_date,
    format_clock,
    parse_clock,
)
from booking_domain.scheduling.bookability import (
    NotBookableReason,
    check_bookable,
    free_slot_epochs,
    free_slots,
    why_not_bookable,
)
from booking_domain.scheduling.errors import (
    ArtistNotBookableError,
    AvailabilityNotFoundError,
    ExternalCalendarNotFoundError,
    InvalidExternalCalendarError,
    NotBookableError,
    OverlappingAvailabilityError,
    TooManyExternalCalendarsError,
)
from booking_domain.scheduling.external import (
    MAX_CALENDARS_PER_ARTIST,
    ExternalCalendar,
    ExternalCalendarId,
    FetchOutcome,
)
from booking_domain.scheduling.external_busy import (
    MAX_BUSY_EVENTS,
    FeedEvent,
    busy_spans,
    fetch_window,
)
from booking_domain.scheduling.intervals import (
    contains,
    epoch_ceil,
    epoch_floor,
    from_epoch,
    intersect,
    normalise,
    overlaps,
    overlaps_any,
    subtract,
    union,
    whole_seconds,
)
from booking_domain.scheduling.ports import (
    HasSchedulingReader,
    SchedulingContext,
    SchedulingUnitOfWork,
)
from booking_domain.scheduling.stored import (
    OVERRIDE_REACH,
    StoredOverride,
    StoredRule,
    ensure_override_date_in_reach,
    ensure_rule_fits,
    ensure_windows_apart,
    schedule_of,
)
from booking_domain.scheduling.timeline import BusyTimeline
from booking_domain.scheduling.use_cases import SchedulingUseCases
from booking_domain.shared.errors import (
    InvalidIntervalError,
    NaiveDatetimeError,
    UnknownTimeZoneError,
)
from booking_domain.shared.time import Interval, require_aware, zone

__all__ = [
    "MAX_BUSY_EVENTS",
    "MAX_CALENDARS_PER_ARTIST",
    "MINUTES_PER_DAY",
    "OVERRIDE_REACH",
    "ArtistNotBookableError",
    "AvailabilityNotFoundError",
    "BusyTimeline",
    "DateOverride",
    "ExternalCalendar",
    "ExternalCalendarId",
    "ExternalCalendarNotFoundError",
    "FeedEvent",
    "FetchOutcome",
    "HasSchedulingReader",
    "Interval",
    "InvalidExternalCalendarError",
    "InvalidIntervalError",
    "InvalidScheduleError",
    "LocalWindow",
    "NaiveDatetimeError",
    "NotBookableError",
    "NotBookableReason",
    "OverlappingAvailabilityError",
    "Schedule",
    "SchedulingContext",
    "SchedulingPolicy",
    "SchedulingUnitOfWork",
    "SchedulingUseCases",
    "StoredOverride",
    "StoredRule",
    "TooManyExternalCalendarsError",
    "UnknownTimeZoneError",
    "WeeklyRule",
    "availability_windows",
    "blocked_date",
    "busy_spans",
    "check_bookable",
    "contains",
    "ensure_override_date_in_reach",
    "ensure_rule_fits",
    "ensure_windows_apart",
    "epoch_ceil",
    "epoch_floor",
    "fetch_window",
    "format_clock",
    "free_slot_epochs",
    "free_slots",
    "from_epoch",
    "intersect",
    "normalise",
    "overlaps",
    "overlaps_any",
    "parse_clock",
    "require_aware",
    "schedule_of",
    "subtract",
    "union",
    "whole_seconds",
    "why_not_bookable",
    "zone",
]
