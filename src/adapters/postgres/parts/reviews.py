"""Reviews' storage: reviews and the artists' running ratings (with bookings' part)."""

from __future__ import annotations

from adapters.postgres.parts import bookings, on_connection
from adapters.postgres.reviews import PostgresArtistRatings, PostgresReviewRepository
from booking_domain.reviews.ports import ReviewsUnitOfWork


class Part(bookings.Part):
    reviews = on_connection(PostgresReviewRepository)
    artist_ratings = on_connection(PostgresArtistRatings)


SERVES: type[ReviewsUnitOfWork] = Part
