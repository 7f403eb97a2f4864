"""Search on the wire: artist cards, portfolio cards, recommendations."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from booking_domain.search.use_cases.cards import ArtistCard, PortfolioCard, RecommendedArtist
from entrypoints.http.catalog import ArtistImageView
from entrypoints.http.wire import MoneyDto, View, utc


class ThumbnailView(View, frozen=True):
    item_id: UUID
    images: list[ArtistImageView]


class NextSlotView(View, frozen=True):
    start: datetime
    service_id: UUID


class ArtistCardView(View, frozen=True):
    id: UUID
    display_name: str
    bio: str
    styles: list[str]
    city: str | None
    studio_id: UUID | None
    studio_name: str | None
    rating: float | None
    review_count: int
    avatar: list[ArtistImageView]
    cover: list[ArtistImageView]
    thumbnails: list[ThumbnailView]
    lowest_price: MoneyDto | None
    distance_km: float | None
    next_free_slot: NextSlotView | None  # the first offered start in the next 30 days

    @classmethod
    def of(cls, card: ArtistCard) -> ArtistCardView:
        hit, a = card.hit, card.hit.artist
        nxt = hit.next_free
        return cls(
            id=a.id,
            display_name=a.display_name,
            bio=a.bio,
            styles=list(a.styles),
            city=a.city,
            studio_id=a.studio_id,
            studio_name=hit.studio_name,
            rating=a.rating,
            review_count=a.review_count,
            avatar=[ArtistImageView.of(i) for i in card.avatar],
            cover=[ArtistImageView.of(i) for i in card.cover],
            thumbnails=[
                ThumbnailView(item_id, [ArtistImageView.of(i) for i in images])
                for item_id, images in card.thumbnails
            ],
            lowest_price=None if hit.lowest_price is None else MoneyDto.of(hit.lowest_price),
            distance_km=None if hit.distance_km is None else round(hit.distance_km, 3),
            next_free_slot=None if nxt is None else NextSlotView(utc(nxt.start), nxt.service_id),
        )


class ArtistSearchPage(View, frozen=True):
    items: list[ArtistCardView]
    next_cursor: str | None  # pass as ?cursor= for the next page; null on the last


class PortfolioCardView(View, frozen=True):
    id: UUID
    artist_id: UUID
    artist_name: str
    description: str
    style_tags: list[str]
    images: list[ArtistImageView]
    like_count: int
    distance_km: float | None
    created_at: datetime

    @classmethod
    def of(cls, card: PortfolioCard) -> PortfolioCardView:
        hit = card.hit
        item = hit.item
        return cls(
            id=item.id,
            artist_id=item.artist_id,
            artist_name=hit.artist.display_name,
            description=item.description,
            style_tags=list(item.style_tags),
            images=[ArtistImageView.of(i) for i in card.images],
            like_count=hit.like_count,
            distance_km=None if hit.distance_km is None else round(hit.distance_km, 3),
            created_at=utc(item.created_at),
        )


class PortfolioSearchPage(View, frozen=True):
    items: list[PortfolioCardView]
    next_cursor: str | None


class RecommendationView(View, frozen=True):
    artist: ArtistCardView
    reason: str
    style: str

    @classmethod
    def of(cls, r: RecommendedArtist) -> RecommendationView:
        return cls(ArtistCardView.of(r.card), r.reason, r.style)


class RecommendationList(View, frozen=True):
    items: list[RecommendationView]
