"""Portfolio items on the wire."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import UNSET, Meta, UnsetType

from booking_domain.catalog.portfolio import MAX_DESCRIPTION, MAX_POSITION, MAX_TAGS
from booking_domain.catalog.use_cases import PortfolioEntry
from entrypoints.http.catalog.dto import ArtistImageView
from entrypoints.http.wire import Dto, PageView, View, utc

Description = Annotated[str, Meta(max_length=MAX_DESCRIPTION)]
Tags = Annotated[list[Annotated[str, Meta(max_length=30)]], Meta(max_length=MAX_TAGS)]
Position = Annotated[int, Meta(ge=0, le=MAX_POSITION)]


class PortfolioItemRequest(Dto, frozen=True):
    upload_id: UUID
    description: Description = ""
    style_tags: Tags = []


class PortfolioItemChange(Dto, frozen=True):
    description: Description | UnsetType = UNSET
    style_tags: Tags | UnsetType = UNSET
    position: Position | UnsetType = UNSET


class PortfolioImageView(ArtistImageView, frozen=True):
    """A portfolio piece's picture, as an artist's avatar or cover is shown."""


class PortfolioItemView(View, frozen=True):
    id: UUID
    artist_id: UUID
    description: str
    style_tags: list[str]
    position: int
    images: list[PortfolioImageView]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, entry: PortfolioEntry) -> PortfolioItemView:
        item = entry.item
        return cls(
            item.id,
            item.artist_id,
            item.description,
            list(item.style_tags),
            item.position,
            [PortfolioImageView.of(i) for i in entry.images],
            utc(item.created_at),
            utc(item.updated_at),
        )


class PortfolioPage(PageView[PortfolioItemView], frozen=True):
    items: list[PortfolioItemView]
