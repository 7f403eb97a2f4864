"""Where a client fetches an upload's variants: the public store's URL for public images,
a short-lived signed URL for private ones (idea and evidence images)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from booking_domain.media.ports import MediaStores
from booking_domain.media.storage import ObjectStore
from booking_domain.media.uploads import Upload, Variant

PRIVATE_URL_SECONDS = 300


@dataclass(frozen=True, slots=True)
class ImageLink:
    variant: Variant
    url: str


def variant_store(stores: MediaStores, upload: Upload) -> ObjectStore:
    return stores.uploads if upload.purpose.is_private else stores.media


def variant_key(upload: Upload, name: str) -> str:
    prefix = "private" if upload.purpose.is_private else "img"
    return f"{prefix}/{upload.id}/{name}.webp"


async def image_links(stores: MediaStores, upload: Upload) -> tuple[ImageLink, ...]:
    store = variant_store(stores, upload)
    links = []
    for variant in upload.variants:
        url = store.public_url(variant.key)
        if url is None:
            url = await store.presign_get(variant.key, expires_in=PRIVATE_URL_SECONDS)
        links.append(ImageLink(variant, url))
    return tuple(links)


async def private_links(
    stores: MediaStores, variants: Sequence[Variant], expires_in: int = PRIVATE_URL_SECONDS
) -> tuple[ImageLink, ...]:
    """Signed URLs, valid ``expires_in`` seconds, for variants kept in the private store
    (pictures only a booking's parties and admins see: ideas, dispute evidence)."""
    links = []
    for variant in variants:
        url = await stores.uploads.presign_get(variant.key, expires_in=expires_in)
        links.append(ImageLink(variant, url))
    return tuple(links)
