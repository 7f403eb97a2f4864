"""Portfolios: an artist adds finished uploads as items, orders and describes them, removes
them; anyone browses the portfolio of a public artist."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from booking_domain.catalog.errors import (
    ArtistNotFoundError,
    PortfolioFullError,
    PortfolioItemNotFoundError,
)
from booking_domain.catalog.images import PortfolioImage, public_images
from booking_domain.catalog.loading import load_artist
from booking_domain.catalog.portfolio import (
    MAX_ITEMS_PER_ARTIST,
    PortfolioItem,
    PortfolioItemId,
    check_description,
    check_tags,
)
from booking_domain.catalog.ports import CatalogUnitOfWork
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.media import (
    MediaStores,
    StorageUnavailableError,
    UploadId,
    UploadPurpose,
    take_upload,
)
from booking_domain.shared.errors import PermissionDeniedError
from booking_domain.shared.freshness import browsing
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId
from booking_domain.shared.pages import Page, PageRequest
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class PortfolioEntry:
    item: PortfolioItem
    images: tuple[PortfolioImage, ...]


def entry(stores: MediaStores, item: PortfolioItem) -> PortfolioEntry:
    """The item with its images' public URLs."""
    return PortfolioEntry(item, public_images(stores, item.images))


async def _editable_item(
    uow: CatalogUnitOfWork, actor: Actor, item_id: PortfolioItemId
) -> PortfolioItem:
    """The item if ``actor`` may change it (its artist, or an admin); others are told it
    does not exist unless the portfolio is public (then they are refused)."""
    item = await uow.portfolio.get(item_id)
    if item is None:
        raise PortfolioItemNotFoundError()
    artist = await load_artist(uow.artists, item.artist_id)
    try:
        artist.ensure_editable_by(actor)
    except ArtistNotFoundError:
        raise PortfolioItemNotFoundError() from None
    return item


class AddPortfolioItem(UseCase[CatalogDeps]):
    """An artist adds one of their finished uploads to their own portfolio, last."""

    async def __call__(
        self, actor: Actor, upload_id: UploadId, *, description: str, style_tags: Sequence[str]
    ) -> PortfolioEntry:
        if actor.role is not Role.ARTIST:
            raise PermissionDeniedError("Only artists keep a portfolio.")
        check_description(description)  # refused before anything is looked up
        check_tags(style_tags)
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            artist = await uow.artists.get_by_user(actor.user_id)
            if artist is None or not artist.is_owned_by(actor):
                raise ArtistNotFoundError("Create your artist profile first.")
            used = await take_upload(uow.uploads, upload_id, actor, UploadPurpose.PORTFOLIO, now)
            if await uow.portfolio.count_for_artist(artist.id) >= MAX_ITEMS_PER_ARTIST:
                raise PortfolioFullError()
            last = await uow.portfolio.last_position(artist.id)
            at = 0 if last is None else last + 1
            item = PortfolioItem.create(artist.id, used, description, style_tags, at, now)
            await uow.portfolio.add(item)
            await uow.uploads.update(used)
            await uow.commit()
        return entry(self._deps.stores, item)


class ListPortfolio(UseCase[CatalogDeps]):
    async def __call__(
        self, actor: Actor | None, artist_id: ArtistId, request: PageRequest
    ) -> Page[PortfolioEntry]:
        async with self._deps.uow(read_only=True, may_lag=browsing(actor)) as uow:
            artist = await load_artist(uow.artists, artist_id)
            artist.ensure_visible_to(actor)
            page = await uow.portfolio.page_for_artist(artist_id, request)
        entries = tuple(entry(self._deps.stores, item) for item in page.items)
        return Page(entries, page.total, page.request)


class UpdatePortfolioItem(UseCase[CatalogDeps]):
    async def __call__(
        self,
        actor: Actor,
        item_id: PortfolioItemId,
        *,
        description: str | None = None,
        style_tags: Sequence[str] | None = None,
        position: int | None = None,
    ) -> PortfolioEntry:
        async with self._deps.uow() as uow:
            item = await _editable_item(uow, actor, item_id)
            changed = item.changed(
                self._deps.clock.now(), text=description, tags=style_tags, at_position=position
            )
            await uow.portfolio.update(changed)
            await uow.commit()
        return entry(self._deps.stores, changed)


class DeletePortfolioItem(UseCase[CatalogDeps]):
    """Removes the item, then its images (a failure to remove an image leaves an unlisted
    object behind, never a listed item without its image)."""

    async def __call__(self, actor: Actor, item_id: PortfolioItemId) -> None:
        async with self._deps.uow() as uow:
            item = await _editable_item(uow, actor, item_id)
            await uow.portfolio.remove(item.id)
            await uow.commit()
        for variant in item.images:
            with contextlib.suppress(StorageUnavailableError):
                await self._deps.stores.media.delete(variant.key)
