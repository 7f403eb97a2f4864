"""What reviews need from storage: the reviews, and the artists' running rating (kept on
the artist's row, changed in the same transaction as the review). Every adapter passes the
contract suite in ``tests/contract/reviews``."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from booking_domain.accounts import HasUsers
from booking_domain.bookings import HasBookings
from booking_domain.catalog import HasArtists
from booking_domain.reviews.reviews import Review, ReviewId
from booking_domain.shared.audit import HasAudit
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.ports import HasOutbox, UnitOfWork, UnitOfWorkFactory


class ReviewOrder(StrEnum):
    NEWEST = "newest"  # newest first
    RATING = "rating"  # best first, then newest


class ReviewRepository(Protocol):
    async def add(self, review: Review) -> None:
        """Raises ``ReviewExistsError`` when the booking has a review (one per booking,
        whoever writes first)."""
        ...

    async def get(self, review_id: ReviewId, *, for_update: bool = False) -> Review | None: ...

    async def for_booking(self, booking_id: BookingId) -> Review | None: ...

    async def update(self, review: Review) -> None: ...

    async def of_artist(
        self, artist_id: ArtistId, order: ReviewOrder, page: PageRequest, *, hidden: bool
    ) -> Page[Review]:
        """The artist's visible reviews (with ``hidden``: every review)."""
        ...


class ArtistRatings(Protocol):
    async def adjust(self, artist_id: ArtistId, count: int, total: int) -> None:
        """Add ``count`` reviews and ``total`` stars to the artist's running rating."""
        ...


class ReviewsUnitOfWork(
    UnitOfWork, HasUsers, HasBookings, HasArtists, HasOutbox, HasAudit, Protocol
):
    @property
    def reviews(self) -> ReviewRepository: ...

    @property
    def artist_ratings(self) -> ArtistRatings: ...


ReviewsUnitOfWorkFactory = UnitOfWorkFactory[ReviewsUnitOfWork]
