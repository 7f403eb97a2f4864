"""What every scheduling use case is given."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.scheduling.ports import CalendarFetcher, SchedulingUnitOfWorkFactory
from booking_domain.shared.clock import Clock


@dataclass(frozen=True, slots=True)
class SchedulingDeps:
    uow: SchedulingUnitOfWorkFactory
    clock: Clock
    calendar_fetcher: CalendarFetcher  # reads external calendars' feeds
