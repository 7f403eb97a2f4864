"""In-memory booking links: links by id, every token digest a link ever had, the per-day
counts and the visitors counted; bookings made through a link are counted from the
bookings themselves."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date
from typing import Any

from adapters.memory.store import StagedTable
from booking_domain.bookings.booking import Booking
from booking_domain.catalog.errors import BookingLinkExistsError
from booking_domain.catalog.links import (
    BookingLink,
    BookingLinkId,
    FoundLink,
    LinkCounts,
    LinkUsage,
    LinkUse,
)
from booking_domain.catalog.ports import BookingLinkRepository
from booking_domain.shared.ids import ArtistId

# A day's row: the link, the day, and its counts by use.
_Day = tuple[BookingLinkId, date, dict[LinkUse, int]]
# A visitor counted: the link, the day, the use and the visitor's digest.
_Seen = tuple[BookingLinkId, date, LinkUse, str]


class InMemoryBookingLinkRepository(BookingLinkRepository):
    def __init__(
        self,
        links: StagedTable[BookingLinkId, tuple[BookingLink, str]],
        digests: StagedTable[str, BookingLinkId],
        days: StagedTable[tuple[BookingLinkId, date], _Day],
        visitors: StagedTable[_Seen, _Seen],
        bookings: StagedTable[Any, Booking],
    ) -> None:
        self._links = links
        self._digests = digests
        self._days = days
        self._visitors = visitors
        self._bookings = bookings

    async def add(self, link: BookingLink, digest: str) -> None:
        if any(
            other.artist_id == link.artist_id and other.service_id == link.service_id
            for other, _ in self._links.values()
        ):
            raise BookingLinkExistsError()
        self._links.put(link.id, (link, digest))
        self._digests.put(digest, link.id)

    async def get(self, link_id: BookingLinkId) -> BookingLink | None:
        stored = self._links.get(link_id)
        return None if stored is None else stored[0]

    async def for_artist(self, artist_id: ArtistId) -> tuple[BookingLink, ...]:
        mine = (link for link, _ in self._links.values() if link.artist_id == artist_id)
        return tuple(sorted(mine, key=lambda k: (not k.is_general, k.created_at, k.id)))

    async def replace_token(self, link: BookingLink, digest: str) -> None:
        self._links.put(link.id, (link, digest))
        self._digests.put(digest, link.id)

    async def find(self, digest: str) -> FoundLink | None:
        link_id = self._digests.get(digest)
        stored = None if link_id is None else self._links.get(link_id)
        if stored is None:
            return None
        link, current = stored
        return FoundLink(link, current=current == digest)

    async def count_use(
        self, link_id: BookingLinkId, day: date, use: LinkUse, visitor: str
    ) -> bool:
        seen = (link_id, day, use, visitor)
        if self._visitors.get(seen) is not None:
            return False
        self._visitors.put(seen, seen)
        row = self._days.get((link_id, day))
        counts = dict(row[2]) if row is not None else {}
        counts[use] = counts.get(use, 0) + 1
        self._days.put((link_id, day), (link_id, day, counts))
        return True

    async def forget_visitors(self, before: date) -> int:
        old = [seen for seen in self._visitors.values() if seen[1] < before]
        for seen in old:
            self._visitors.delete(seen)
        return len(old)

    async def usage(self, artist_id: ArtistId, since: date) -> Mapping[BookingLinkId, LinkUsage]:
        mine = {link.id for link in await self.for_artist(artist_id)}
        total: dict[BookingLinkId, LinkCounts] = {}
        recent: dict[BookingLinkId, LinkCounts] = {}

        def add(link_id: BookingLinkId, day: date, counts: LinkCounts) -> None:
            total[link_id] = total.get(link_id, LinkCounts()) + counts
            if day >= since:
                recent[link_id] = recent.get(link_id, LinkCounts()) + counts

        for link_id, day, uses in self._days.values():
            if link_id in mine:
                visits, views = uses.get(LinkUse.VISIT, 0), uses.get(LinkUse.SLOT_VIEW, 0)
                add(link_id, day, LinkCounts(visits=visits, slot_views=views))
        for booking in self._bookings.values():
            if booking.link_id in mine:
                made = booking.created_at.astimezone(UTC).date()
                add(BookingLinkId(booking.link_id), made, LinkCounts(bookings=1))
        return {
            link_id: LinkUsage(counts, recent.get(link_id, LinkCounts()))
            for link_id, counts in total.items()
        }
