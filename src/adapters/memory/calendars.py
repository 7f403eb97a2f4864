"""In-memory calendar feeds, by owner; and the read of what a feed lists."""

from __future__ import annotations

from adapters.memory.accounts import InMemoryUserRepository
from adapters.memory.bookings import InMemoryBookingRepository
from adapters.memory.catalog import InMemoryArtistRepository, InMemoryServiceRepository
from adapters.memory.clients import InMemoryClientRepository
from adapters.memory.store import TableRepository
from booking_domain.bookings import Booking, BookingFilter
from booking_domain.calendars import (
    CalendarFeed,
    CalendarFeedReader,
    CalendarFeedRepository,
    FeedEntry,
    FeedOwner,
    FeedSide,
)
from booking_domain.shared import MAX_PAGE_SIZE, PageRequest, UserId
from booking_domain.shared.time import Interval


class InMemoryCalendarFeedRepository(TableRepository[UserId, CalendarFeed], CalendarFeedRepository):
    async def of_owner(self, owner_id: UserId) -> CalendarFeed | None:
        return self._rows.get(owner_id)

    async def by_lookup(self, lookup: str) -> CalendarFeed | None:
        return next((f for f in self._rows.values() if f.lookup == lookup), None)

    async def add(self, feed: CalendarFeed) -> CalendarFeed:
        stored = self._rows.get(feed.owner_id)
        if stored is not None:
            return stored
        self._rows.put(feed.owner_id, feed)
        return feed

    async def replace(self, feed: CalendarFeed) -> None:
        self._rows.put(feed.owner_id, feed)


class InMemoryCalendarFeedReader(CalendarFeedReader):
    """What a feed lists, read through the in-memory repositories (the same contract as
    PostgreSQL's one query: ``tests/contract/calendars``)."""

    def __init__(
        self,
        feeds: InMemoryCalendarFeedRepository,
        users: InMemoryUserRepository,
        bookings: InMemoryBookingRepository,
        artists: InMemoryArtistRepository,
        services: InMemoryServiceRepository,
        clients: InMemoryClientRepository,
    ) -> None:
        self._feeds, self._users, self._bookings = feeds, users, bookings
        self._artists, self._services, self._clients = artists, services, clients

    async def owner(self, lookup: str) -> FeedOwner | None:
        feed = await self._feeds.by_lookup(lookup)
        user = None if feed is None else await self._users.get(feed.owner_id)
        if user is None:
            return None
        return FeedOwner(user.id, user.role, user.disabled, user.deleted_at is not None)

    async def entries(
        self, owner_id: UserId, side: FeedSide, window: Interval, limit: int
    ) -> tuple[FeedEntry, ...]:
        as_artist = side is FeedSide.ARTIST
        where = BookingFilter(
            customer_id=None if as_artist else owner_id,
            artist_user_id=owner_id if as_artist else None,
            starts_from=window.start,
            starts_before=window.end,
        )
        found: list[Booking] = []
        page = 1
        while len(found) < limit:
            size = min(MAX_PAGE_SIZE, limit - len(found))
            chunk = await self._bookings.list(where, PageRequest(page, size))
            found += chunk.items
            if len(chunk.items) < size:
                break
            page += 1
        return tuple([await self._entry(b, side) for b in found])

    async def _entry(self, b: Booking, side: FeedSide) -> FeedEntry:
        artist = await self._artists.get(b.artist_id)
        service = await self._services.get(b.service_id)
        if side is FeedSide.CUSTOMER:
            other = None if artist is None else artist.display_name
        elif b.customer_id is not None:
            customer = await self._users.get(b.customer_id)
            other = None if customer is None else customer.name
        else:
            assert b.client_id is not None  # a booking is for exactly one of them
            client = await self._clients.get(b.client_id)
            other = None if client is None else client.name
        return FeedEntry(
            booking_id=b.id,
            reference=b.reference,
            version=b.version,
            status=b.status,
            start=b.start,
            end=b.end,
            updated_at=b.updated_at,
            time_zone="UTC" if artist is None else artist.time_zone,
            service_name="" if service is None else service.name,
            other_party=other or "",
        )
