"""Calendars' storage: each person's feed and the reader of its events."""

from __future__ import annotations

from adapters.postgres.calendars import (
    PostgresCalendarFeedReader,
    PostgresCalendarFeedRepository,
)
from adapters.postgres.parts import on_connection
from adapters.postgres.uow import PostgresUnitOfWork
from booking_domain.calendars import CalendarsUnitOfWork


class Part(PostgresUnitOfWork):
    calendar_feeds = on_connection(PostgresCalendarFeedRepository)
    calendar_feed_reader = on_connection(PostgresCalendarFeedReader)


SERVES: type[CalendarsUnitOfWork] = Part
