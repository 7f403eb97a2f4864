"""Calendars: bookings as iCalendar events, for the calendar apps people already use.

A person's feed (a secret URL their calendar app polls: ``feeds``) lists their bookings;
booking messages carry an invitation of the same event (``invitations``). One mapping
(``events.booking_event``) makes both, so a booking has one ``UID`` and one ``SEQUENCE``
wherever it appears. Writing the iCalendar text is the ``CalendarWriter`` port's.

Other contexts use calendars through this package only (notifications attaches the
invitations)."""

from booking_domain.calendars.entries import (
    FeedEntry,
    FeedOwner,
    FeedSide,
    entry_event,
    feed_side,
)
from booking_domain.calendars.errors import CalendarFeedNotFoundError
from booking_domain.calendars.events import (
    CalendarEvent,
    EventFacts,
    EventStatus,
    booking_event,
    clean_name,
    event_sequence,
    event_status,
    event_uid,
)
from booking_domain.calendars.feeds import (
    FEED_DAYS_AHEAD,
    FEED_DAYS_BACK,
    MAX_FEED_EVENTS,
    CalendarFeed,
    feed_lookup,
    feed_window,
    new_feed,
    token_of_name,
)
from booking_domain.calendars.invitations import (
    INVITING_KINDS,
    Attendee,
    InvitationMethod,
    invitation_method,
)
from booking_domain.calendars.ports import (
    CalendarFeedReader,
    CalendarFeedRepository,
    CalendarsUnitOfWork,
    CalendarsUnitOfWorkFactory,
    CalendarWriter,
    HasCalendarFeedReader,
    HasCalendarFeeds,
)

__all__ = [
    "FEED_DAYS_AHEAD",
    "FEED_DAYS_BACK",
    "INVITING_KINDS",
    "MAX_FEED_EVENTS",
    "Attendee",
    "CalendarEvent",
    "CalendarFeed",
    "CalendarFeedNotFoundError",
    "CalendarFeedReader",
    "CalendarFeedRepository",
    "CalendarWriter",
    "CalendarsUnitOfWork",
    "CalendarsUnitOfWorkFactory",
    "EventFacts",
    "EventStatus",
    "FeedEntry",
    "FeedOwner",
    "FeedSide",
    "HasCalendarFeedReader",
    "HasCalendarFeeds",
    "InvitationMethod",
    "booking_event",
    "clean_name",
    "entry_event",
    "event_sequence",
    "event_status",
    "event_uid",
    "feed_lookup",
    "feed_side",
    "feed_window",
    "invitation_method",
    "new_feed",
    "token_of_name",
]
