"""The public pictures of the catalogue (portfolio pieces, avatars, covers) as clients
fetch them: each variant the public store serves, with its URL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from booking_domain.media import MediaStores, Variant


@dataclass(frozen=True, slots=True)
class PortfolioImage:
    name: str
    url: str
    width: int
    height: int


def public_images(stores: MediaStores, variants: Sequence[Variant]) -> tuple[PortfolioImage, ...]:
    """The variants the public store serves, with their URLs (portfolio pictures, avatars
    and covers are public)."""
    images = []
    for variant in variants:
        url = stores.media.public_url(variant.key)
        if url is not None:
            images.append(PortfolioImage(variant.name, url, variant.width, variant.height))
    return tuple(images)
