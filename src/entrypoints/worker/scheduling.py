"""Scheduling's background work: external calendars (docs/external-calendars.md), each
feed fetched every ``REFRESH_EVERY`` (a minute's tick takes the calendars due), and once
right after it is added. No retries: a failure is recorded on the calendar and the next
tick tries again."""

from __future__ import annotations

from uuid import UUID

from adapters.postgres.external_calendars import CALENDAR_QUEUE, REFRESH_CALENDAR_TASK
from booking_domain.scheduling import ExternalCalendarId
from booking_domain.scheduling.use_cases import SchedulingUseCases
from entrypoints.worker.work import Job, Periodic, Work


async def refresh_external_calendars(scheduling: SchedulingUseCases, timestamp: int) -> int:
    """The calendars not fetched for ten minutes (a batch of them), each fetched and
    its busy spans replaced. Safe to run twice: a second fetch stores the same spans."""
    return await scheduling.refresh_due_external_calendars()


async def refresh_external_calendar(scheduling: SchedulingUseCases, calendar_id: str) -> None:
    """One calendar's first fetch, queued when it is added."""
    await scheduling.refresh_external_calendar(ExternalCalendarId(UUID(calendar_id)))


WORK = Work(
    SchedulingUseCases,
    jobs=(
        Job(
            REFRESH_CALENDAR_TASK.removeprefix("inkslot:"),
            refresh_external_calendar,
            queue=CALENDAR_QUEUE,
        ),
    ),
    periodic=(
        Periodic("refresh_external_calendars", refresh_external_calendars, cron="* * * * *"),
    ),
)
