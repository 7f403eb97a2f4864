"""Reviews' storage: reviews and the artists' running ratings (with bookings' part)."""

from __future__ import annotations

from functools import cached_property

from adapters.memory.parts import bookings
from adapters.memory.reviews import InMemoryArtistRatings, InMemoryReviewRepository
from booking_domain.reviews.ports import ReviewsUnitOfWork


class Part(bookings.Part):
    reviews = cached_property(
        lambda uow: InMemoryReviewRepository(uow.staged("reviews"), uow.users)
    )
    artist_ratings = cached_property(lambda uow: InMemoryArtistRatings(uow.artists))


SERVES: type[ReviewsUnitOfWork] = Part
