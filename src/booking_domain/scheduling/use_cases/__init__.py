"""Scheduling's use cases: availability, the policy, free slots."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.scheduling.use_cases.availability import (
    AddWeeklyRule,
    Availability,
    BlockFields,
    BlockTime,
    ClockWindow,
    GetAvailability,
    OverrideFields,
    PutDateOverride,
    RemoveDateOverride,
    RemoveWeeklyRule,
    RuleFields,
)
from booking_domain.scheduling.use_cases.deps import SchedulingDeps
from booking_domain.scheduling.use_cases.external_calendars import (
    AddExternalCalendar,
    ListExternalCalendars,
    RefreshDueExternalCalendars,
    RefreshExternalCalendar,
    RemoveExternalCalendar,
)
from booking_domain.scheduling.use_cases.policy import (
    POLICY_BOUNDS,
    PolicyFields,
    UpdateSchedulingPolicy,
)
from booking_domain.scheduling.use_cases.slots import (
    MAX_SLOT_RANGE,
    MAX_SLOTS_PER_QUERY,
    FindFreeSlots,
    FreeSlots,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class SchedulingUseCases(UseCaseBundle[SchedulingDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    add_weekly_rule: AddWeeklyRule
    remove_weekly_rule: RemoveWeeklyRule
    put_date_override: PutDateOverride
    remove_date_override: RemoveDateOverride
    block_time: BlockTime
    get_availability: GetAvailability
    find_free_slots: FindFreeSlots
    update_policy: UpdateSchedulingPolicy
    add_external_calendar: AddExternalCalendar
    list_external_calendars: ListExternalCalendars
    remove_external_calendar: RemoveExternalCalendar
    refresh_external_calendar: RefreshExternalCalendar
    refresh_due_external_calendars: RefreshDueExternalCalendars


__all__ = [
    "MAX_SLOTS_PER_QUERY",
    "MAX_SLOT_RANGE",
    "POLICY_BOUNDS",
    "AddExternalCalendar",
    "AddWeeklyRule",
    "Availability",
    "BlockFields",
    "BlockTime",
    "ClockWindow",
    "FindFreeSlots",
    "FreeSlots",
    "GetAvailability",
    "ListExternalCalendars",
    "OverrideFields",
    "PolicyFields",
    "PutDateOverride",
    "RefreshDueExternalCalendars",
    "RefreshExternalCalendar",
    "RemoveDateOverride",
    "RemoveExternalCalendar",
    "RemoveWeeklyRule",
    "RuleFields",
    "SchedulingDeps",
    "SchedulingUseCases",
    "UpdateSchedulingPolicy",
]
