"""Scheduling's storage: weekly rules and overrides, external calendars and their refresh
queue, and the scheduling reader (with catalog's part: artists and services). The reader
reads the bookings through the unit of work's ``bookings`` (``parts/__init__.py``)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.external_calendars import (
    InMemoryCalendarRefreshQueue,
    InMemoryExternalCalendarRepository,
)
from adapters.memory.parts import catalog, over_table
from adapters.memory.scheduling import InMemoryAvailabilityRepository
from adapters.memory.scheduling_reader import RepositorySchedulingReader
from booking_domain.scheduling.ports import SchedulingUnitOfWork


class Part(catalog.Part):
    availability = cached_property(
        lambda uow: InMemoryAvailabilityRepository(
            uow.staged("weekly_rules"), uow.staged("date_overrides")
        )
    )
    external_calendars = cached_property(
        lambda uow: InMemoryExternalCalendarRepository(
            uow.staged("external_calendars"), uow.staged("external_busy")
        )
    )
    calendar_refresh_queue = over_table(InMemoryCalendarRefreshQueue, "calendar_refresh_jobs")
    scheduling = cached_property(
        lambda uow: RepositorySchedulingReader(
            uow.artists, uow.services, uow.availability, uow.bookings, uow.external_calendars
        )
    )


SERVES: type[SchedulingUnitOfWork] = Part
