"""Search results as cards: each hit with its pictures' public URLs."""

from __future__ import annotations

from dataclasses import dataclass

from booking_domain.catalog.portfolio import PortfolioItemId
from booking_domain.catalog.use_cases.portfolio import PortfolioImage
from booking_domain.media import MediaStores, Variant
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


def pictures(stores: MediaStores, variants: tuple[Variant, ...]) -> Pictures:
    """Public URLs of the variants (those the public store can serve)."""
    found = []
    for v in variants:
        url = stores.media.public_url(v.key)
        if url is not None:
            found.append(PortfolioImage(v.name, url, v.width, v.height))
    return tuple(found)


def artist_card(stores: MediaStores, hit: ArtistHit) -> ArtistCard:
    artist = hit.artist
    thumbnails = tuple((t.item_id, pictures(stores, t.images)) for t in hit.thumbnails)
    return ArtistCard(
        hit, pictures(stores, artist.avatar), pictures(stores, artist.cover), thumbnails
    )


def portfolio_card(stores: MediaStores, hit: PortfolioHit) -> PortfolioCard:
    return PortfolioCard(hit, pictures(stores, hit.item.images))
