"""Search results as cards: each hit with its pictures' public URLs."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog import PortfolioImage, PortfolioItemId, public_images
from booking_domain.media import MediaStores
from booking_domain.search.results import ArtistHit, PortfolioHit

Pictures = tuple[PortfolioImage, ...]


@dataclass(frozen=True, slots=True)
class ArtistCard:
    hit: ArtistHit
    avatar: Pictures
    cover: Pictures
    thumbnails: tuple[tuple[PortfolioItemId, Pictures], ...]


@dataclass(frozen=True, slots=True)
class RecommendedArtist:
    card: ArtistCard
    reason: str  # for people: "you liked 3 blackwork pieces"
    style: str  # the style the reason is about


@dataclass(frozen=True, slots=True)
class PortfolioCard:
    hit: PortfolioHit
    images: Pictures


def artist_card(stores: MediaStores, hit: ArtistHit) -> ArtistCard:
    artist = hit.artist
    thumbnails = tuple((t.item_id, public_images(stores, t.images)) for t in hit.thumbnails)
    return ArtistCard(
        hit, public_images(stores, artist.avatar), public_images(stores, artist.cover), thumbnails
    )


def portfolio_card(stores: MediaStores, hit: PortfolioHit) -> PortfolioCard:
    return PortfolioCard(hit, public_images(stores, hit.item.images))
