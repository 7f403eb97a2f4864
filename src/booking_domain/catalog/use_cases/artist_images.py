"""An artist's avatar and cover: set from a finished upload of that purpose (by the artist,
or an admin with an upload of their own), replaced or cleared; the old images are removed
once the change is committed. Both are public, like the profile."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from enum import StrEnum

from booking_domain.catalog.artists import ArtistProfile
from booking_domain.catalog.images import PortfolioImage, public_images
from booking_domain.catalog.loading import load_editable_artist
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.media import (
    StorageUnavailableError,
    UploadId,
    UploadPurpose,
    Variant,
    take_upload,
)
from booking_domain.shared.identity import Actor
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.use_case import UseCase


class ArtistImageKind(StrEnum):
    AVATAR = "avatar"
    COVER = "cover"

    @property
    def purpose(self) -> UploadPurpose:
        return UploadPurpose.AVATAR if self is ArtistImageKind.AVATAR else UploadPurpose.COVER


@dataclass(frozen=True, slots=True)
class ArtistImageLinks:
    avatar: tuple[PortfolioImage, ...]
    cover: tuple[PortfolioImage, ...]


class SetArtistImage(UseCase[CatalogDeps]):
    async def __call__(
        self, actor: Actor, artist_id: ArtistId, kind: ArtistImageKind, upload_id: UploadId | None
    ) -> ArtistProfile:
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            artist = await load_editable_artist(uow.artists, actor, artist_id)
            images: tuple[Variant, ...] = ()
            if upload_id is not None:
                used = await take_upload(uow.uploads, upload_id, actor, kind.purpose, now)
                await uow.uploads.update(used)
                images = used.variants
            replaced: tuple[Variant, ...] = getattr(artist, kind.value)
            changed = artist.edited(actor, now, **{kind.value: images})
            await uow.artists.update(changed)
            await uow.commit()
        for variant in replaced:
            with contextlib.suppress(StorageUnavailableError):
                await self._deps.stores.media.delete(variant.key)
        return changed


class ArtistImages(UseCase[CatalogDeps]):
    """Where the artist's avatar and cover are fetched (the public store's URLs)."""

    def __call__(self, artist: ArtistProfile) -> ArtistImageLinks:
        stores = self._deps.stores
        return ArtistImageLinks(
            public_images(stores, artist.avatar), public_images(stores, artist.cover)
        )
