"""A person's calendar feed: its URL (made at first use), a new URL in place of the old,
and the feed itself, read by its token (docs/calendars.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from booking_domain.calendars.entries import entry_event, feed_side
from booking_domain.calendars.errors import CalendarFeedNotFoundError
from booking_domain.calendars.feeds import (
    FEED_SUFFIX,
    MAX_FEED_EVENTS,
    CalendarFeed,
    feed_lookup,
    feed_window,
    new_feed,
    token_of_name,
)
from booking_domain.calendars.use_cases.deps import CalendarsDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.use_case import UseCase

FEED_PATH = "/cal/"
FEED_NAME = "Inkslot bookings"


@dataclass(frozen=True, slots=True)
class FeedLink:
    """The owner's view of their feed: its secret URL."""

    url: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class FeedDocument:
    """A feed as calendar apps fetch it: iCalendar text, and how many events it lists."""

    text: str
    events: int


def _link(deps: CalendarsDeps, feed: CalendarFeed) -> FeedLink:
    token = feed.token(deps.digest)
    url = f"{deps.feed_base_url.rstrip('/')}{FEED_PATH}{token}{FEED_SUFFIX}"
    return FeedLink(url, feed.created_at)


class ShowMyCalendarFeed(UseCase[CalendarsDeps]):
    """The caller's feed URL; the first call makes the feed (two concurrent first calls
    make one)."""

    async def __call__(self, actor: Actor) -> FeedLink:
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            feed = await uow.calendar_feeds.of_owner(actor.user_id)
            if feed is None:
                made = new_feed(actor.user_id, self._deps.digest, now)
                feed = await uow.calendar_feeds.add(made)
                await uow.commit()
        return _link(self._deps, feed)


class RegenerateMyCalendarFeed(UseCase[CalendarsDeps]):
    """A new URL for the caller's feed; the old one answers 404 from now on, like any URL
    that never was a feed."""

    async def __call__(self, actor: Actor) -> FeedLink:
        feed = new_feed(actor.user_id, self._deps.digest, self._deps.clock.now())
        async with self._deps.uow() as uow:
            await uow.calendar_feeds.replace(feed)
            await uow.commit()
        return _link(self._deps, feed)


class ReadCalendarFeed(UseCase[CalendarsDeps]):
    """The feed whose URL ends in ``name`` (``<token>.ics``): its owner's bookings in the
    window, as iCalendar. No such feed, a replaced one, and one of an account that is
    disabled or deleted are the same ``CalendarFeedNotFoundError``. Two queries whatever
    the feed's size: its owner, then its entries with every name they show."""

    async def __call__(self, name: str) -> FeedDocument:
        token = token_of_name(name)
        if token is None:
            raise CalendarFeedNotFoundError()
        lookup = feed_lookup(self._deps.digest, token)
        now = self._deps.clock.now()
        # A calendar app polls every few hours: a read replica's lag is nothing to it.
        async with self._deps.uow(read_only=True, may_lag=True) as uow:
            reader = uow.calendar_feed_reader
            owner = await reader.owner(lookup)
            if owner is None or not owner.readable:
                raise CalendarFeedNotFoundError()
            side = feed_side(owner.role)
            entries = (
                ()
                if side is None
                else await reader.entries(owner.id, side, feed_window(now), MAX_FEED_EVENTS)
            )
        events = [entry_event(entry, self._deps.app_url) for entry in entries]
        return FeedDocument(self._deps.calendar_writer.feed(FEED_NAME, events), len(events))
