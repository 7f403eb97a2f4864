"""Review use cases, and their bundle (``ReviewUseCases``)."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.reviews.use_cases.changes import (
    EditReview,
    HideReview,
    ReplyToReview,
    RestoreReview,
    WriteReview,
)
from booking_domain.reviews.use_cases.deps import ReviewsDeps
from booking_domain.reviews.use_cases.reading import (
    GetReview,
    ListArtistReviews,
    ShowArtistReviews,
)
from booking_domain.shared.use_case import UseCaseBundle


@dataclass(frozen=True, slots=True)
class ReviewUseCases(UseCaseBundle[ReviewsDeps]):
    write_review: WriteReview
    edit_review: EditReview
    reply_to_review: ReplyToReview
    hide_review: HideReview
    restore_review: RestoreReview
    get_review: GetReview
    list_artist_reviews: ListArtistReviews
    show_artist_reviews: ShowArtistReviews


__all__ = [
    "EditReview",
    "GetReview",
    "HideReview",
    "ListArtistReviews",
    "ReplyToReview",
    "RestoreReview",
    "ReviewUseCases",
    "ReviewsDeps",
    "ShowArtistReviews",
    "WriteReview",
]
