"""Scheduling's storage: weekly rules and overrides, external calendars and their refresh
queue, and the scheduling reader (with catalog's part: artists and services)."""

from __future__ import annotations

from functools import cached_property

from adapters.postgres.external_calendars import (
    PostgresExternalCalendarRepository,
    ProcrastinateCalendarRefreshQueue,
)
from adapters.postgres.parts import catalog, on_connection, with_jobs
from adapters.postgres.scheduling import PostgresAvailabilityRepository
from adapters.postgres.scheduling_reader import PostgresSchedulingReader
from booking_domain.scheduling.ports import SchedulingUnitOfWork


class Part(catalog.Part):
    availability = on_connection(PostgresAvailabilityRepository)
    external_calendars = cached_property(
        lambda uow: PostgresExternalCalendarRepository(uow.connection, uow.secrets)
    )
    calendar_refresh_queue = with_jobs(ProcrastinateCalendarRefreshQueue)
    scheduling = cached_property(
        lambda uow: PostgresSchedulingReader(uow.connection, uow.catalogues)
    )


SERVES: type[SchedulingUnitOfWork] = Part
