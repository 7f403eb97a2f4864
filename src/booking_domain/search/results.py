"""What a search answers: pages of hits, each with what a result card shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from booking_domain.catalog import ArtistProfile, PortfolioItem, PortfolioItemId, mean_rating
from booking_domain.media import Variant
from booking_domain.shared.ids import ArtistId, ServiceId, StudioId
from booking_domain.shared.money import Money

T = TypeVar("T")
# A card's portfolio thumbnails: the artist's first pieces by position. PostgreSQL keeps them
# ready (migration 0022 states the same number; tests/contract/search holds them together).
THUMBNAILS = 3


@dataclass(frozen=True, slots=True)
class CursorPage(Generic[T]):
    """One page; ``next_cursor`` asks for the next (None: this is the last)."""

    items: tuple[T, ...]
    next_cursor: str | None


@dataclass(frozen=True, slots=True)
class NextSlot:
    start: datetime
    service_id: ServiceId


@dataclass(frozen=True, slots=True)
class Thumbnail:
    item_id: PortfolioItemId
    images: tuple[Variant, ...]


@dataclass(frozen=True, slots=True)
class ArtistSummary:
    """What a result card shows of a profile (a search reads no more than this)."""

    id: ArtistId
    display_name: str
    bio: str
    styles: tuple[str, ...]
    city: str | None
    studio_id: StudioId | None
    review_count: int
    rating_total: int
    avatar: tuple[Variant, ...]
    cover: tuple[Variant, ...]

    @property
    def rating(self) -> float | None:
        return mean_rating(self.review_count, self.rating_total)

    @classmethod
    def of(cls, a: ArtistProfile) -> ArtistSummary:
        return cls(
            a.id,
            a.display_name,
            a.bio,
            a.styles,
            a.city,
            a.studio_id,
            a.review_count,
            a.rating_total,
            a.avatar,
            a.cover,
        )


@dataclass(frozen=True, slots=True)
class ArtistHit:
    artist: ArtistSummary
    studio_name: str | None
    thumbnails: tuple[Thumbnail, ...]  # the first few portfolio items, in portfolio order
    lowest_price: Money | None  # of the active services, in the query's currency
    distance_km: float | None  # when the query has ``near``
    next_free: NextSlot | None  # the first offered start within the next 30 days


@dataclass(frozen=True, slots=True)
class PortfolioHit:
    item: PortfolioItem
    artist: ArtistSummary
    like_count: int
    distance_km: float | None
