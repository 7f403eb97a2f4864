"""Reviews: a customer rates a completed booking once (1 to 5, with words), may edit it for
7 days; the artist replies once; admins hide a review (with a reason kept) and restore it.

Every change passes through :func:`apply`, which returns the new review and the event of
the change. An artist's rating is the mean of their visible reviews; each change says how
it moves the artist's count and sum (:attr:`ReviewEvent.rating_change`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import NewType
from uuid import UUID

from booking_domain.bookings import Booking, BookingStatus
from booking_domain.reviews.errors import (
    ReplyExistsError,
    ReviewEditClosedError,
    ReviewModerationError,
    ReviewNotAllowedError,
)
from booking_domain.shared.errors import FieldError, InvalidInputError, PermissionDeniedError
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId, BookingId, UserId, new_uuid7
from booking_domain.shared.text import text_problem

ReviewId = NewType("ReviewId", UUID)
EDIT_WINDOW = timedelta(days=7)
MAX_TEXT = 2000
MAX_REASON = 500


class ReviewChange(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    REPLIED = "replied"
    HIDDEN = "hidden"
    RESTORED = "restored"


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    replied_at: datetime


@dataclass(frozen=True, slots=True)
class Review:
    id: ReviewId
    booking_id: BookingId
    artist_id: ArtistId
    artist_user_id: UserId
    customer_id: UserId
    rating: int
    text: str
    created_at: datetime
    updated_at: datetime
    version: int = 1
    reply: Reply | None = None
    hidden: bool = False
    hidden_reason: str | None = None
    hidden_at: datetime | None = None

    @property
    def editable_until(self) -> datetime:
        return self.created_at + EDIT_WINDOW

    @property
    def counted(self) -> bool:
        """Whether it counts in the artist's rating (visible reviews only)."""
        return not self.hidden

    def visible_to(self, actor: Actor | None) -> bool:
        """Visible reviews to anyone; a hidden one to its customer, its artist, admins."""
        if not self.hidden:
            return True
        return actor is not None and (
            actor.is_admin or actor.user_id in (self.customer_id, self.artist_user_id)
        )


@dataclass(frozen=True, slots=True)
class ReviewEvent:
    review: Review
    change: ReviewChange
    at: datetime
    actor: Actor
    rating_change: tuple[int, int]  # (count, sum) added to the artist's rating
    reason: str | None = None


def write_review(
    booking: Booking, actor: Actor, rating: int, text: str, now: datetime
) -> ReviewEvent:
    """The booking's customer reviews it once it is completed."""
    if actor.user_id != booking.customer_id or booking.status is not BookingStatus.COMPLETED:
        raise ReviewNotAllowedError()
    checked_rating, checked_text = _checked(rating, text)
    review = Review(
        id=ReviewId(new_uuid7(int(now.timestamp() * 1000))),
        booking_id=booking.id,
        artist_id=booking.artist_id,
        artist_user_id=booking.artist_user_id,
        customer_id=booking.customer_id,
        rating=checked_rating,
        text=checked_text,
        created_at=now,
        updated_at=now,
    )
    return ReviewEvent(review, ReviewChange.CREATED, now, actor, (1, checked_rating))


def apply(
    review: Review,
    change: ReviewChange,
    actor: Actor,
    now: datetime,
    *,
    rating: int | None = None,
    text: str | None = None,
    reason: str | None = None,
) -> ReviewEvent:
    """Every change after the first: edit (the author, within 7 days), reply (the artist,
    once), hide (an admin, with a reason), restore (an admin)."""
    if change is ReviewChange.UPDATED:
        return _edit(review, actor, now, rating, text)
    if change is ReviewChange.REPLIED:
        return _reply(review, actor, now, text or "")
    if change in (ReviewChange.HIDDEN, ReviewChange.RESTORED):
        return _moderate(review, change, actor, now, reason)
    raise ValueError(f"not a change of an existing review: {change}")


def _edit(
    review: Review, actor: Actor, now: datetime, rating: int | None, text: str | None
) -> ReviewEvent:
    if actor.user_id != review.customer_id:
        raise PermissionDeniedError("Only its author edits a review.")
    if now > review.editable_until:
        raise ReviewEditClosedError()
    new_rating, new_text = _checked(
        review.rating if rating is None else rating, review.text if text is None else text
    )
    edited = replace(_next(review, now), rating=new_rating, text=new_text)
    delta = (0, new_rating - review.rating) if review.counted else (0, 0)
    return ReviewEvent(edited, ReviewChange.UPDATED, now, actor, delta)


def _reply(review: Review, actor: Actor, now: datetime, text: str) -> ReviewEvent:
    if actor.user_id != review.artist_user_id:
        raise PermissionDeniedError("Only the artist replies to a review.")
    if review.reply is not None:
        raise ReplyExistsError()
    cleaned = _checked_text("text", text, required=True)
    replied = replace(_next(review, now), reply=Reply(cleaned, now))
    return ReviewEvent(replied, ReviewChange.REPLIED, now, actor, (0, 0))


def _moderate(
    review: Review, change: ReviewChange, actor: Actor, now: datetime, reason: str | None
) -> ReviewEvent:
    if not actor.is_admin:
        raise PermissionDeniedError("Only admins hide and restore reviews.")
    hiding = change is ReviewChange.HIDDEN
    if review.hidden == hiding:
        raise ReviewModerationError()
    if hiding:
        why = _checked_text("reason", reason or "", required=True, limit=MAX_REASON)
        changed = replace(_next(review, now), hidden=True, hidden_reason=why, hidden_at=now)
        return ReviewEvent(changed, change, now, actor, (-1, -review.rating), why)
    restored = replace(_next(review, now), hidden=False, hidden_reason=None, hidden_at=None)
    return ReviewEvent(restored, change, now, actor, (1, review.rating))


def _next(review: Review, now: datetime) -> Review:
    return replace(review, updated_at=now, version=review.version + 1)


def _checked(rating: int, text: str) -> tuple[int, str]:
    errors: list[FieldError] = []
    if type(rating) is not int or not 1 <= rating <= 5:
        errors.append(FieldError("rating", "Rate from 1 to 5.", "out_of_range"))
    try:
        cleaned = _checked_text("text", text, required=False)
    except InvalidInputError as error:
        errors.extend(error.errors)
        cleaned = ""
    if errors:
        raise InvalidInputError(errors=tuple(errors))
    return rating, cleaned


def _checked_text(field: str, text: str, *, required: bool, limit: int = MAX_TEXT) -> str:
    cleaned = text.strip()
    problem = text_problem(field, cleaned, multiline=True)
    if problem is None and required and not cleaned:
        problem = FieldError(field, "Write something.", "required")
    if problem is None and len(cleaned) > limit:
        problem = FieldError(field, f"Use at most {limit} characters.", "too_long")
    if problem is not None:
        raise InvalidInputError(errors=(problem,))
    return cleaned
