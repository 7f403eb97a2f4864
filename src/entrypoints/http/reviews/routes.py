"""The routes the app serves of reviews (``ROUTES``), in the order the API lists them."""

from entrypoints.http.reviews.controller import (
    AdminReviewsController,
    ArtistReviewsController,
    BookingReviewController,
    ReviewsController,
)
from entrypoints.http.routes import Routes

ROUTES = Routes(
    controllers=(
        BookingReviewController,
        ReviewsController,
        ArtistReviewsController,
        AdminReviewsController,
    )
)
