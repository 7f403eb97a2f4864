"""What in-memory search keeps: portfolio likes (and the taste they show), the free-starts
projection and the refresher's feed position."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from adapters.memory.catalog import InMemoryArtistRepository, InMemoryServiceRepository
from adapters.memory.store import StagedTable
from booking_domain.bookings import Booking, BookingStatus
from booking_domain.catalog import FlashDesign
from booking_domain.catalog.portfolio import PortfolioItem, PortfolioItemId
from booking_domain.catalog.ports import FlashRepository
from booking_domain.search.free_starts import ArtistCalendar, CalendarProjection
from booking_domain.search.ports import (
    FeedPosition,
    FreeStartsProjection,
    PortfolioLikes,
    SearchFeedPosition,
)
from booking_domain.search.recommendations import SEEN_ENOUGH_LIKES, Taste
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.ids import ArtistId, UserId

LikeKey = tuple[PortfolioItemId, UserId]
Like = tuple[PortfolioItemId, UserId, datetime]


class InMemoryPortfolioLikes(PortfolioLikes):
    def __init__(
        self,
        likes: StagedTable[LikeKey, Like],
        items: StagedTable[PortfolioItemId, PortfolioItem],
        artists: InMemoryArtistRepository,
        bookings: StagedTable[Any, Booking],
        services: InMemoryServiceRepository,
        flash: FlashRepository,
    ) -> None:
        self._likes, self._items, self._artists, self._bookings = likes, items, artists, bookings
        self._services, self._flash = services, flash

    def count(self, item_id: PortfolioItemId) -> int:
        return sum(1 for key in self._keys() if key[0] == item_id)

    def _keys(self) -> list[LikeKey]:
        return [(item_id, user_id) for item_id, user_id, _ in self._likes.values()]

    async def is_visible(self, item_id: PortfolioItemId) -> bool:
        item = self._items.get(item_id)
        artist = None if item is None else await self._artists.get(item.artist_id)
        return artist is not None and artist.visible_to(None)

    async def like(self, item_id: PortfolioItemId, user_id: UserId, at: datetime) -> None:
        if self._likes.get((item_id, user_id)) is None:
            self._likes.put((item_id, user_id), (item_id, user_id, at))

    async def unlike(self, item_id: PortfolioItemId, user_id: UserId) -> None:
        if self._likes.get((item_id, user_id)) is not None:
            self._likes.delete((item_id, user_id))

    async def taste(self, user_id: UserId) -> Taste:
        liked: Counter[str] = Counter()
        per_artist: Counter[ArtistId] = Counter()
        for item_id, liker in self._keys():
            item = self._items.get(item_id)
            if liker == user_id and item is not None:
                liked.update(item.style_tags)
                per_artist[item.artist_id] += 1
        mine = sorted(
            (b for b in self._bookings.values() if b.customer_id == user_id),
            key=lambda b: b.created_at,
        )
        booked: Counter[str] = Counter()
        seen = {a for a, n in per_artist.items() if n >= SEEN_ENOUGH_LIKES}
        for booking in mine:
            if booking.status in (BookingStatus.CONFIRMED, BookingStatus.COMPLETED):
                artist = await self._artists.get(booking.artist_id)
                design = await self._design_of(booking)
                # Each style or tag once a booking, the artist's and the design's alike.
                booked.update(
                    set(artist.styles if artist else ()) | set(design.tags if design else ())
                )
                seen.add(booking.artist_id)
        latest = await self._artists.get(mine[-1].artist_id) if mine else None
        return Taste(liked, booked, latest.city if latest else None, frozenset(seen))

    async def _design_of(self, booking: Booking) -> FlashDesign | None:
        service = await self._services.get(booking.service_id)
        if service is None or service.flash is None:
            return None
        return await self._flash.get(service.flash.design_id)

    async def flash_tags(
        self, artist_ids: Sequence[ArtistId], tags: Sequence[str]
    ) -> Mapping[ArtistId, tuple[str, ...]]:
        wanted, found = set(tags), dict[ArtistId, tuple[str, ...]]()
        for artist_id in artist_ids:
            have = {
                tag
                for entry in await self._flash.sheet(artist_id)
                if entry.design.open
                for tag in entry.design.tags
                if tag in wanted
            }
            if have:
                found[artist_id] = tuple(sorted(have))
        return found


class InMemoryFreeStartsProjection(FreeStartsProjection):
    """The in-memory search asks the domain directly, so no artist is ever due here; what
    a refresher stores is kept all the same."""

    def __init__(self, stored: StagedTable[ArtistId, CalendarProjection]) -> None:
        self._stored = stored

    async def due(self, now: datetime, limit: int) -> Sequence[ArtistId]:
        return ()

    async def calendar(self, artist_id: ArtistId, now: datetime) -> ArtistCalendar | None:
        return None

    async def store_all(self, projections: Sequence[CalendarProjection]) -> None:
        for projection in projections:
            self._stored.put(projection.artist_id, projection)

    async def offer_nothing(self, artist_id: ArtistId, now: datetime, until: datetime) -> None:
        self._stored.put(artist_id, CalendarProjection(artist_id, 0, now, until, ()))


class InMemorySearchFeedPosition(SearchFeedPosition):
    """Units of work that write run one at a time here, so the turn is always ours."""

    def __init__(self, table: StagedTable[str, str]) -> None:
        self._table = table

    async def claim(self) -> FeedPosition | None:
        return FeedPosition(self._table.get("free_starts"))

    async def advance(self, cursor_: str) -> None:
        current = self._table.get("free_starts")
        if current is not None and cursor_ < current:
            raise ConflictError("The search feed position would move backwards.")
        self._table.put("free_starts", cursor_)
