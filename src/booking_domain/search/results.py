"""What a search answers: pages of hits, each with what a result card shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from booking_domain.catalog import ArtistProfile
from booking_domain.catalog.portfolio import PortfolioItem, PortfolioItemId
from booking_domain.media import Variant
from booking_domain.shared.ids import ServiceId
from booking_domain.shared.money import Money

T = TypeVar("T")
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
class ArtistHit:
    artist: ArtistProfile
    studio_name: str | None
    thumbnails: tuple[Thumbnail, ...]  # the first few portfolio items, in portfolio order
    lowest_price: Money | None  # of the active services, in the query's currency
    distance_km: float | None  # when the query has ``near``
    next_free: NextSlot | None  # the first offered start within the next 30 days


@dataclass(frozen=True, slots=True)
class PortfolioHit:
    item: PortfolioItem
    artist: ArtistProfile
    like_count: int
    distance_km: float | None
