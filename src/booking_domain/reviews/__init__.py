"""Reviews: customers rate completed bookings; artists reply; admins moderate. An artist's
rating is the mean of their visible reviews, kept on the artist's row and changed in the
same transaction as the review. This context sits above disputes, below notifications.
"""

from booking_domain.reviews.errors import (
    ReplyExistsError,
    ReviewEditClosedError,
    ReviewExistsError,
    ReviewModerationError,
    ReviewNotAllowedError,
    ReviewNotFoundError,
)
from booking_domain.reviews.ports import ReviewOrder, ReviewsUnitOfWork
from booking_domain.reviews.published import REVIEW_EVENT_TYPES, review_outbox_event
from booking_domain.reviews.reviewers import (
    ANONYMOUS,
    AuthoredReview,
    ListedReview,
    reviewer_display_name,
)
from booking_domain.reviews.reviews import (
    EDIT_WINDOW,
    Reply,
    Review,
    ReviewChange,
    ReviewEvent,
    ReviewId,
    apply,
    write_review,
)
from booking_domain.reviews.use_cases import ReviewUseCases

__all__ = [
    "ANONYMOUS",
    "EDIT_WINDOW",
    "REVIEW_EVENT_TYPES",
    "AuthoredReview",
    "ListedReview",
    "Reply",
    "ReplyExistsError",
    "Review",
    "ReviewChange",
    "ReviewEditClosedError",
    "ReviewEvent",
    "ReviewExistsError",
    "ReviewId",
    "ReviewModerationError",
    "ReviewNotAllowedError",
    "ReviewNotFoundError",
    "ReviewOrder",
    "ReviewUseCases",
    "ReviewsUnitOfWork",
    "apply",
    "review_outbox_event",
    "reviewer_display_name",
    "write_review",
]
