"""What the calendars context needs from the outside world: its feeds' storage, the read
of what a feed lists (both held to the contract suites in ``tests/contract/calendars``) and
a writer of iCalendar text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from booking_domain.calendars.entries import FeedEntry, FeedOwner, FeedSide
from booking_domain.calendars.events import CalendarEvent
from booking_domain.calendars.feeds import CalendarFeed
from booking_domain.calendars.invitations import Attendee, InvitationMethod
from booking_domain.shared.ids import UserId
from booking_domain.shared.ports import UnitOfWork, UnitOfWorkFactory
from booking_domain.shared.time import Interval


class CalendarFeedRepository(Protocol):
    """One feed per person at most."""

    async def of_owner(self, owner_id: UserId) -> CalendarFeed | None: ...

    async def by_lookup(self, lookup: str) -> CalendarFeed | None:
        """The feed stored under this lookup digest (None: no feed has it now)."""
        ...

    async def add(self, feed: CalendarFeed) -> CalendarFeed:
        """Store ``feed`` unless its owner has one; return the stored one (the earlier one,
        unchanged, when there was one). Two concurrent first uses store one feed."""
        ...

    async def replace(self, feed: CalendarFeed) -> None:
        """Store ``feed`` as its owner's only feed: the one it had (if any) is gone, and its
        lookup finds nothing any more."""
        ...


class HasCalendarFeeds(Protocol):
    @property
    def calendar_feeds(self) -> CalendarFeedRepository: ...


class CalendarFeedReader(Protocol):
    """What a feed lists, read straight from storage (a read port: DESIGN rule 9), each
    call one query whatever the feed's size (``entries.py`` has the rules)."""

    async def owner(self, lookup: str) -> FeedOwner | None:
        """The owner of the feed stored under this lookup digest (None: no feed has it)."""
        ...

    async def entries(
        self, owner_id: UserId, side: FeedSide, window: Interval, limit: int
    ) -> tuple[FeedEntry, ...]:
        """The owner's bookings as ``side`` starting in ``window`` (``[start, end)``): the
        latest start first (the same start: the greater id first), at most ``limit``."""
        ...


class HasCalendarFeedReader(Protocol):
    @property
    def calendar_feed_reader(self) -> CalendarFeedReader: ...


class CalendarWriter(Protocol):
    """iCalendar (RFC 5545) text of events. Times are written in each event's zone, with a
    ``VTIMEZONE`` for each zone used."""

    def feed(self, name: str, events: Sequence[CalendarEvent]) -> str:
        """A ``VCALENDAR`` (no ``METHOD``: a published feed) named ``name``, one ``VEVENT``
        each."""
        ...

    def invitation(
        self,
        event: CalendarEvent,
        method: InvitationMethod,
        *,
        organizer: Attendee,
        attendee: Attendee,
    ) -> str:
        """An iTIP message (RFC 5546) of one event: ``METHOD:REQUEST`` or ``CANCEL``."""
        ...


class CalendarsUnitOfWork(UnitOfWork, HasCalendarFeeds, HasCalendarFeedReader, Protocol):
    """What calendar use cases open: the feeds, and the read of what a feed lists."""


CalendarsUnitOfWorkFactory = UnitOfWorkFactory[CalendarsUnitOfWork]
