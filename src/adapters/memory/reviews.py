"""In-memory reviews, and the artists' running rating (kept on the stored artist)."""

from __future__ import annotations

from adapters.memory.catalog import InMemoryArtistRepository
from adapters.memory.store import StagedTable, TableRepository
from booking_domain.accounts import UserRepository
from booking_domain.reviews import (
    AuthoredReview,
    Review,
    ReviewExistsError,
    ReviewId,
    ReviewOrder,
)
from booking_domain.reviews.ports import ArtistRatings, ReviewRepository
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.pages import Page, PageRequest


class InMemoryReviewRepository(TableRepository[ReviewId, Review], ReviewRepository):
    def __init__(self, table: StagedTable[ReviewId, Review], users: UserRepository) -> None:
        super().__init__(table)
        self._users = users  # the authors' names, as PostgreSQL joins them

    async def add(self, review: Review) -> None:
        if await self.for_booking(review.booking_id) is not None:
            raise ReviewExistsError()
        self._rows.put(review.id, review)

    async def get(self, review_id: ReviewId, *, for_update: bool = False) -> Review | None:
        return self._rows.get(review_id)

    async def for_booking(self, booking_id: BookingId) -> Review | None:
        return next((r for r in self._rows.values() if r.booking_id == booking_id), None)

    async def update(self, review: Review) -> None:
        self._rows.put(review.id, review)

    async def of_artist(
        self, artist_id: ArtistId, order: ReviewOrder, page: PageRequest, *, hidden: bool
    ) -> Page[Review]:
        found = [
            r for r in self._rows.values() if r.artist_id == artist_id and (hidden or not r.hidden)
        ]
        found.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        if order is ReviewOrder.RATING:
            found.sort(key=lambda r: r.rating, reverse=True)  # stable: newest first within
        chosen = found[page.offset : page.offset + page.page_size]
        return Page(tuple(chosen), len(found), page)

    async def authored(
        self, artist_id: ArtistId, order: ReviewOrder, page: PageRequest, *, hidden: bool
    ) -> Page[AuthoredReview]:
        listed = await self.of_artist(artist_id, order, page, hidden=hidden)
        authored = []
        for review in listed.items:
            author = await self._users.get(review.customer_id)
            authored.append(AuthoredReview(review, None if author is None else author.name))
        return Page(tuple(authored), listed.total, listed.request, listed.total_exact)


class InMemoryArtistRatings(ArtistRatings):
    """On the stored artist, through the unit of work's artist repository (its units of
    work that write run one at a time: nothing interleaves)."""

    def __init__(self, artists: InMemoryArtistRepository) -> None:
        self._artists = artists

    async def adjust(self, artist_id: ArtistId, count: int, total: int) -> None:
        self._artists.adjust_rating(artist_id, count, total)
