"""Reading reviews: one review, and an artist's reviews (public for a visible artist)."""

from __future__ import annotations

from booking_domain.catalog import ArtistNotFoundError
from booking_domain.reviews.errors import ReviewNotFoundError
from booking_domain.reviews.ports import ReviewOrder
from booking_domain.reviews.reviewers import ListedReview
from booking_domain.reviews.reviews import Review, ReviewId
from booking_domain.reviews.use_cases.deps import ReviewsDeps
from booking_domain.shared.freshness import browsing
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase


class GetReview(UseCase[ReviewsDeps]):
    async def __call__(self, actor: Actor | None, review_id: ReviewId) -> Review:
        async with self._deps.uow(read_only=True, may_lag=browsing(actor)) as uow:
            review = await uow.reviews.get(review_id)
        if review is None or not review.visible_to(actor):
            raise ReviewNotFoundError()
        return review


class ListArtistReviews(UseCase[ReviewsDeps]):
    """A visible artist's reviews, newest first or best first; hidden ones only for
    admins. Each is signed with its reviewer's display name (``reviewer_display_name``),
    read with the reviews."""

    async def __call__(
        self, actor: Actor | None, artist_id: ArtistId, order: ReviewOrder, page: PageRequest
    ) -> Page[ListedReview]:
        async with self._deps.uow(read_only=True, may_lag=browsing(actor)) as uow:
            artist = await uow.artists.get(artist_id)
            if artist is None or not artist.visible_to(actor):
                raise ArtistNotFoundError()
            admin = actor is not None and actor.is_admin
            found = await uow.reviews.authored(artist_id, order, page, hidden=admin)
        signed = tuple(ListedReview.of(a) for a in found.items)
        return Page(signed, found.total, found.request, found.total_exact)


class ShowArtistReviews(UseCase[ReviewsDeps]):
    """The newest ``count`` visible reviews of a visible artist, each signed with its
    writer's display name (``reviewer_display_name``), for a public page."""

    async def __call__(self, artist_id: ArtistId, count: int) -> tuple[ListedReview, ...]:
        async with self._deps.uow(read_only=True, may_lag=True) as uow:
            artist = await uow.artists.get(artist_id)
            if artist is None or not artist.visible_to(None):
                raise ArtistNotFoundError()
            found = await uow.reviews.authored(
                artist_id, ReviewOrder.NEWEST, PageRequest(1, count), hidden=False
            )
        return tuple(ListedReview.of(a) for a in found.items)
