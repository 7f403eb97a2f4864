"""Reviews on the wire."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

from booking_domain.reviews import ListedReview, Review
from entrypoints.http.wire import Dto, PageView, View, utc

Stars = Annotated[int, Meta(ge=1, le=5)]
Words = Annotated[str, Meta(max_length=4000)]
Order = Literal["newest", "rating"]


class ReviewRequest(Dto, frozen=True):
    rating: Stars
    text: Words = ""


class ReviewChangeRequest(Dto, frozen=True):
    rating: Stars | UnsetType = UNSET
    text: Words | UnsetType = UNSET


class ReplyRequest(Dto, frozen=True):
    text: Words


class HideRequest(Dto, frozen=True):
    reason: Annotated[str, Meta(max_length=1000)]


class ReplyView(View, frozen=True):
    text: str
    replied_at: datetime


class ReviewView(View, frozen=True):
    id: UUID
    booking_id: UUID
    artist_id: UUID
    customer_id: UUID
    rating: int
    text: str
    reply: ReplyView | None
    hidden: bool
    editable_until: datetime
    created_at: datetime
    updated_at: datetime
    hidden_reason: str | UnsetType = UNSET  # admins only
    # In an artist's list: who wrote it, as "Ada L." (docs/api.md, "Reviews").
    reviewer_name: str | UnsetType = UNSET

    @classmethod
    def listed(cls, listed: ListedReview, *, for_admin: bool = False) -> ReviewView:
        """A review of a list, signed with its reviewer's display name."""
        view = cls.of(listed.review, for_admin=for_admin)
        return msgspec.structs.replace(view, reviewer_name=listed.reviewer)

    @classmethod
    def of(cls, r: Review, *, for_admin: bool = False) -> ReviewView:
        reply = None if r.reply is None else ReplyView(r.reply.text, utc(r.reply.replied_at))
        extra = {"hidden_reason": r.hidden_reason or ""} if for_admin and r.hidden else {}
        return cls(
            id=r.id,
            booking_id=r.booking_id,
            artist_id=r.artist_id,
            customer_id=r.customer_id,
            rating=r.rating,
            text=r.text,
            reply=reply,
            hidden=r.hidden,
            editable_until=utc(r.editable_until),
            created_at=utc(r.created_at),
            updated_at=utc(r.updated_at),
            **extra,
        )


class ReviewPage(PageView[ReviewView], frozen=True):
    items: list[ReviewView]
