"""Reviews: ``POST /bookings/{id}/review`` (the customer of a completed booking),
``PATCH /reviews/{id}`` (its author, 7 days), ``POST /reviews/{id}/reply`` (the artist,
once), ``GET /reviews/{id}``, ``GET /artists/{id}/reviews`` (public), and admins'
``POST /admin/reviews/{id}/hide|restore``."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from litestar import get, patch, post
from litestar.di import NamedDependency
from litestar.params import FromPath, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED

from booking_domain.bookings import BookingNotFoundError
from booking_domain.catalog import ArtistNotFoundError
from booking_domain.reviews import (
    ReplyExistsError,
    ReviewEditClosedError,
    ReviewExistsError,
    ReviewId,
    ReviewModerationError,
    ReviewNotAllowedError,
    ReviewNotFoundError,
    ReviewOrder,
)
from booking_domain.reviews.use_cases import ReviewUseCases
from booking_domain.shared import (
    MAX_PAGE,
    MAX_PAGE_SIZE,
    Actor,
    ConcurrentUpdateError,
    InvalidInputError,
    PermissionDeniedError,
)
from booking_domain.shared.ids import ArtistId, BookingId
from booking_domain.shared.pages import PageRequest
from entrypoints.http.auth import BEARER, authenticated
from entrypoints.http.caller import Caller, MaybeCaller
from entrypoints.http.controllers import AdminOnly, Public, SignedIn
from entrypoints.http.problem_docs import raises_exactly
from entrypoints.http.reviews.dto import (
    HideRequest,
    Order,
    ReplyRequest,
    ReviewChangeRequest,
    ReviewPage,
    ReviewRequest,
    ReviewView,
)
from entrypoints.http.wire import given

ReviewsDep = NamedDependency[ReviewUseCases]


def _is_admin(actor: Actor | None) -> bool:
    return actor is not None and actor.is_admin


# Writing one (WriteReview): the booking not the caller's, not theirs to review (not the
# customer, not completed, too late), a rating or text refused, one there already (or at
# once by another); a write that lost a race (concurrent_update, as on every change).
WRITE_RAISES = raises_exactly(
    BookingNotFoundError,
    ReviewNotAllowedError,
    InvalidInputError,
    ReviewExistsError,
    ConcurrentUpdateError,
)
# Reading one: not there, or hidden from the caller (the same 404).
READ_RAISES = raises_exactly(ReviewNotFoundError)
# Editing: besides, not its author, the edit window closed, a rating or text refused.
EDIT_RAISES = raises_exactly(
    ReviewNotFoundError,
    PermissionDeniedError,
    ReviewEditClosedError,
    InvalidInputError,
    ConcurrentUpdateError,
)
# Replying: besides, not the artist, a reply there already, its text refused.
REPLY_RAISES = raises_exactly(
    ReviewNotFoundError,
    PermissionDeniedError,
    ReplyExistsError,
    InvalidInputError,
    ConcurrentUpdateError,
)
# An artist's reviews: the artist not there (or hidden).
LIST_RAISES = raises_exactly(ArtistNotFoundError)
# Hiding or restoring (admins): not an admin, not there, hidden (or shown) already, the
# reason refused.
MODERATE_RAISES = raises_exactly(
    PermissionDeniedError,
    ReviewNotFoundError,
    ReviewModerationError,
    InvalidInputError,
    ConcurrentUpdateError,
)


class BookingReviewController(SignedIn, context="reviews"):
    path = "/bookings/{booking_id:uuid}/review"
    tags = ["reviews"]

    @post(
        status_code=HTTP_201_CREATED,
        summary="Review a completed booking (its customer, once)",
        opt=WRITE_RAISES,
    )
    async def write(
        self,
        booking_id: FromPath[UUID],
        data: JSONBody[ReviewRequest],
        actor: Caller,
        reviews: ReviewsDep,
    ) -> ReviewView:
        made = await reviews.write_review(actor, BookingId(booking_id), data.rating, data.text)
        return ReviewView.of(made)


class ReviewsController(Public, context="reviews"):
    path = "/reviews/{review_id:uuid}"
    tags = ["reviews"]

    @get(summary="One review (a hidden one: its parties and admins)", opt=READ_RAISES)
    async def read(
        self, review_id: FromPath[UUID], maybe_actor: MaybeCaller, reviews: ReviewsDep
    ) -> ReviewView:
        found = await reviews.get_review(maybe_actor, ReviewId(review_id))
        return ReviewView.of(found, for_admin=_is_admin(maybe_actor))

    @patch(
        guards=[authenticated],
        security=BEARER,
        summary="Change your review's rating or words (7 days after writing it)",
        opt=EDIT_RAISES,
    )
    async def edit(
        self,
        review_id: FromPath[UUID],
        data: JSONBody[ReviewChangeRequest],
        actor: Caller,
        reviews: ReviewsDep,
    ) -> ReviewView:
        edited = await reviews.edit_review(
            actor, ReviewId(review_id), rating=given(data.rating), text=given(data.text)
        )
        return ReviewView.of(edited)

    @post(
        "/reply",
        status_code=HTTP_200_OK,
        guards=[authenticated],
        security=BEARER,
        summary="Answer a review of your work (the artist, once)",
        opt=REPLY_RAISES,
    )
    async def reply(
        self,
        review_id: FromPath[UUID],
        data: JSONBody[ReplyRequest],
        actor: Caller,
        reviews: ReviewsDep,
    ) -> ReviewView:
        return ReviewView.of(await reviews.reply_to_review(actor, ReviewId(review_id), data.text))


class ArtistReviewsController(Public, context="reviews"):
    path = "/artists/{artist_id:uuid}/reviews"
    tags = ["reviews"]

    @get(summary="An artist's reviews: newest first, or best first (sort=rating)", opt=LIST_RAISES)
    async def list_reviews(
        self,
        artist_id: FromPath[UUID],
        maybe_actor: MaybeCaller,
        reviews: ReviewsDep,
        sort: Annotated[Order, QueryParameter()] = "newest",
        page: Annotated[int, QueryParameter(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, QueryParameter(name="pageSize", ge=1, le=MAX_PAGE_SIZE)] = 20,
    ) -> ReviewPage:
        found = await reviews.list_artist_reviews(
            maybe_actor, ArtistId(artist_id), ReviewOrder(sort), PageRequest(page, page_size)
        )
        admin = _is_admin(maybe_actor)
        return ReviewPage.of(found, lambda r: ReviewView.listed(r, for_admin=admin))


class AdminReviewsController(AdminOnly, context="reviews"):
    path = "/admin/reviews/{review_id:uuid}"
    tags = ["reviews", "admin"]

    @post(
        "/hide",
        status_code=HTTP_200_OK,
        summary="Hide a review, with the reason (admins)",
        opt=MODERATE_RAISES,
    )
    async def hide(
        self,
        review_id: FromPath[UUID],
        data: JSONBody[HideRequest],
        actor: Caller,
        reviews: ReviewsDep,
    ) -> ReviewView:
        hidden = await reviews.hide_review(actor, ReviewId(review_id), data.reason)
        return ReviewView.of(hidden, for_admin=True)

    @post(
        "/restore",
        status_code=HTTP_200_OK,
        summary="Show a hidden review again (admins)",
        opt=MODERATE_RAISES,
    )
    async def restore(
        self, review_id: FromPath[UUID], actor: Caller, reviews: ReviewsDep
    ) -> ReviewView:
        return ReviewView.of(await reviews.restore_review(actor, ReviewId(review_id)))
