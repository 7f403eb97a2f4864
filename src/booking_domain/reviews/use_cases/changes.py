"""Writing, editing, replying to, hiding and restoring reviews: each in one transaction with
the artist's rating and the event (the house shape: open, load, decide, save, commit)."""

from __future__ import annotations

from booking_domain.bookings import BookingNotFoundError
from booking_domain.reviews.errors import ReviewNotFoundError
from booking_domain.reviews.ports import ReviewsUnitOfWork
from booking_domain.reviews.published import (
    AUDITED_CHANGES,
    review_audit_entry,
    review_outbox_event,
)
from booking_domain.reviews.reviews import (
    Review,
    ReviewChange,
    ReviewEvent,
    ReviewId,
    apply,
    write_review,
)
from booking_domain.reviews.use_cases.deps import ReviewsDeps
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import BookingId
from booking_domain.shared.use_case import UseCase


async def _save(uow: ReviewsUnitOfWork, event: ReviewEvent, *, new: bool) -> Review:
    if new:
        await uow.reviews.add(event.review)
    else:
        await uow.reviews.update(event.review)
    count, total = event.rating_change
    if count or total:
        await uow.artist_ratings.adjust(event.review.artist_id, count, total)
    await uow.outbox.record(review_outbox_event(event))
    if event.change in AUDITED_CHANGES:
        await uow.audit.record(review_audit_entry(event))
    await uow.commit()
    return event.review


class WriteReview(UseCase[ReviewsDeps]):
    """The customer of a completed booking reviews it, once."""

    async def __call__(self, actor: Actor, booking_id: BookingId, rating: int, text: str) -> Review:
        async with self._deps.uow() as uow:
            booking = await uow.bookings.get(booking_id)
            if booking is None or not (
                actor.is_admin or actor.user_id in (booking.customer_id, booking.artist_user_id)
            ):
                raise BookingNotFoundError()
            event = write_review(booking, actor, rating, text, self._deps.clock.now())
            return await _save(uow, event, new=True)


async def _change(
    deps: ReviewsDeps,
    actor: Actor,
    review_id: ReviewId,
    change: ReviewChange,
    *,
    rating: int | None = None,
    text: str | None = None,
    reason: str | None = None,
) -> Review:
    """Load under lock, decide in the domain, save with the rating and the event."""
    async with deps.uow() as uow:
        review = await uow.reviews.get(review_id, for_update=True)
        if review is None or not review.visible_to(actor):
            raise ReviewNotFoundError()
        event = apply(
            review, change, actor, deps.clock.now(), rating=rating, text=text, reason=reason
        )
        return await _save(uow, event, new=False)


class EditReview(UseCase[ReviewsDeps]):
    """Its author changes the rating or the words, within 7 days of writing it."""

    async def __call__(
        self, actor: Actor, review_id: ReviewId, *, rating: int | None, text: str | None
    ) -> Review:
        return await _change(
            self._deps, actor, review_id, ReviewChange.UPDATED, rating=rating, text=text
        )


class ReplyToReview(UseCase[ReviewsDeps]):
    """The artist answers a review, once."""

    async def __call__(self, actor: Actor, review_id: ReviewId, text: str) -> Review:
        return await _change(self._deps, actor, review_id, ReviewChange.REPLIED, text=text)


class HideReview(UseCase[ReviewsDeps]):
    """An admin hides a review, giving the reason (kept); it stops counting."""

    async def __call__(self, actor: Actor, review_id: ReviewId, reason: str) -> Review:
        return await _change(self._deps, actor, review_id, ReviewChange.HIDDEN, reason=reason)


class RestoreReview(UseCase[ReviewsDeps]):
    """An admin shows a hidden review again; it counts again."""

    async def __call__(self, actor: Actor, review_id: ReviewId) -> Review:
        return await _change(self._deps, actor, review_id, ReviewChange.RESTORED)
