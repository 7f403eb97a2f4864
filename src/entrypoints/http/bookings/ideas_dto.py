"""Ideas on the wire."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.bookings.ideas import MAX_IDEA_DESCRIPTION
from booking_domain.bookings.use_cases import IdeaEntry
from entrypoints.http.media import ImageView
from entrypoints.http.wire import Dto, PageView, View, utc

IdeaText = Annotated[str, Meta(min_length=1, max_length=MAX_IDEA_DESCRIPTION)]


class IdeaRequest(Dto, frozen=True):
    description: IdeaText
    upload_id: UUID | None = None


class IdeaChange(Dto, frozen=True):
    description: IdeaText


class IdeaView(View, frozen=True):
    id: UUID
    booking_id: UUID
    author_id: UUID
    description: str
    images: list[ImageView]  # signed URLs, valid 5 minutes: ask again for fresh ones
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, entry: IdeaEntry) -> IdeaView:
        idea = entry.idea
        return cls(
            idea.id,
            idea.booking_id,
            idea.author_id,
            idea.description,
            [ImageView.of(link) for link in entry.images],
            utc(idea.created_at),
            utc(idea.updated_at),
        )


class IdeaPage(PageView[IdeaView], frozen=True):
    items: list[IdeaView]
