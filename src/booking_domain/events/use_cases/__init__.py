"""Event use cases, and their bundle (``EventUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.events.use_cases.replay import (
    KEPT_FOR,
    MAX_REPLAY,
    EventsDeps,
    ForgetOldEvents,
    ReplayEvents,
)
from booking_domain.events.use_cases.trail import ListAudit
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class EventUseCases(UseCaseBundle[EventsDeps]):
    """What the composition root builds of this context; adding a use case is one field."""

    replay_events: ReplayEvents
    forget_old_events: ForgetOldEvents
    list_audit: ListAudit


__all__ = [
    "KEPT_FOR",
    "MAX_REPLAY",
    "EventUseCases",
    "EventsDeps",
    "ForgetOldEvents",
    "ListAudit",
    "ReplayEvents",
]
