"""Calendars' storage: each person's feed and the reader of its events (with bookings'
part: the reader assembles an event from the booking, its artist, service and names)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.calendars import (
    InMemoryCalendarFeedReader,
    InMemoryCalendarFeedRepository,
)
from adapters.memory.parts import bookings, over_table
from booking_domain.calendars import CalendarsUnitOfWork


class Part(bookings.Part):
    calendar_feeds = over_table(InMemoryCalendarFeedRepository, "calendar_feeds")
    calendar_feed_reader = cached_property(
        lambda uow: InMemoryCalendarFeedReader(
            uow.calendar_feeds, uow.users, uow.bookings, uow.artists, uow.services, uow.clients
        )
    )


SERVES: type[CalendarsUnitOfWork] = Part
