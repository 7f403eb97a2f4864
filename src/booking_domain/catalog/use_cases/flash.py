"""Flash sheets: an artist puts designs with their sizes on their sheet, changes their text,
removes them; anyone reads the sheet of a public artist (``catalog.flash`` has the rules).

Each size is made as a service of the artist (``Service.flash``), so booking one is booking
a service; the sheet shows a design's active sizes, and whether a one-off design is taken.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta

from booking_domain.catalog.errors import (
    ArtistNotFoundError,
    FlashDesignNotFoundError,
    FlashSheetFullError,
    InvalidFlashDesignError,
)
from booking_domain.catalog.flash import (
    MAX_DESIGNS_PER_ARTIST,
    FlashDesign,
    FlashDesignId,
    check_size_cm,
    check_size_labels,
    check_title,
    normalise_tags,
)
from booking_domain.catalog.images import PortfolioImage, public_images
from booking_domain.catalog.loading import load_artist
from booking_domain.catalog.ports import CatalogUnitOfWork, SheetEntry
from booking_domain.catalog.services import Service, require_payable_deposit
from booking_domain.catalog.use_cases.deps import CatalogDeps
from booking_domain.catalog.use_cases.services import DepositChoice, ServiceFields, service_changes
from booking_domain.media import MediaStores, UploadId, UploadPurpose, take_upload
from booking_domain.shared.errors import FieldError, PermissionDeniedError
from booking_domain.shared.freshness import browsing
from booking_domain.shared.identity import Actor, Role
from booking_domain.shared.ids import ArtistId, ServiceId, new_uuid7
from booking_domain.shared.money import Money
from booking_domain.shared.use_case import UseCase


@dataclass(frozen=True, slots=True)
class VariantFields:
    """One size of a new design: what a service of it costs and takes."""

    size_label: str
    duration: timedelta
    price: Money
    size_cm: int | None = None
    deposit: DepositChoice | None = None


@dataclass(frozen=True, slots=True)
class FlashDesignFields:
    upload_id: UploadId
    title: str
    variants: Sequence[VariantFields]
    tags: Sequence[str] = ()
    one_off: bool = False


@dataclass(frozen=True, slots=True)
class FlashEntry:
    """A design as the sheet shows it: its images' URLs and the sizes shown to the reader
    (the active ones; its artist and admins see every size)."""

    design: FlashDesign
    images: tuple[PortfolioImage, ...]
    variants: tuple[Service, ...]


def _entry(stores: MediaStores, entry: SheetEntry, *, every_size: bool) -> FlashEntry:
    shown = tuple(v for v in entry.variants if every_size or v.active)
    return FlashEntry(entry.design, public_images(stores, entry.design.images), shown)


def _check(fields: FlashDesignFields) -> None:
    """Everything a request alone can be refused for, before anything is looked up."""
    check_title(fields.title)
    normalise_tags(fields.tags)
    check_size_labels([v.size_label for v in fields.variants])
    for variant in fields.variants:
        check_size_cm(variant.size_cm)
        deposit = variant.deposit
        if deposit is not None and (deposit.amount is None) == (deposit.percent is None):
            detail = "Give either amount or percent."
            raise InvalidFlashDesignError(errors=(FieldError("deposit", detail, "invalid"),))


def _variant(design: FlashDesign, fields: VariantFields) -> Service:
    offer = design.offer(fields.size_label, fields.size_cm)
    values = ServiceFields(
        name=design.variant_name(offer.size_label),
        duration=fields.duration,
        price=fields.price,
        deposit=fields.deposit,
    )
    changes = service_changes(values, fields.price.currency)
    return Service(
        id=ServiceId(new_uuid7()),
        artist_id=design.artist_id,
        flash=offer,
        **changes,
    )


async def _own_artist(uow: CatalogUnitOfWork, actor: Actor) -> ArtistId:
    artist = await uow.artists.get_by_user(actor.user_id)
    if artist is None or not artist.is_owned_by(actor):
        raise ArtistNotFoundError("Create your artist profile first.")
    return artist.id


async def _editable_design(
    uow: CatalogUnitOfWork, actor: Actor, design_id: FlashDesignId
) -> FlashDesign:
    """The design if ``actor`` may change it (its artist, or an admin); to anyone else, and
    once removed, it does not exist."""
    design = await uow.flash.get(design_id)
    if design is None or design.removed:
        raise FlashDesignNotFoundError()
    artist = await load_artist(uow.artists, design.artist_id)
    if not (actor.is_admin or artist.is_owned_by(actor)):
        raise FlashDesignNotFoundError()
    return design


class CreateFlashDesign(UseCase[CatalogDeps]):
    """An artist puts a design on their own sheet, made of one of their finished uploads
    (purpose ``portfolio``) and 1-6 sizes, each a new service."""

    async def __call__(self, actor: Actor, fields: FlashDesignFields) -> FlashEntry:
        if actor.role is not Role.ARTIST:
            raise PermissionDeniedError("Only artists keep a flash sheet.")
        _check(fields)
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            artist_id = await _own_artist(uow, actor)
            if await uow.flash.count_for_artist(artist_id) >= MAX_DESIGNS_PER_ARTIST:
                raise FlashSheetFullError()
            upload = await take_upload(
                uow.uploads, fields.upload_id, actor, UploadPurpose.PORTFOLIO, now
            )
            design = FlashDesign.create(
                artist_id, upload, fields.title, fields.tags, fields.one_off, now
            )
            variants = tuple(_variant(design, v) for v in fields.variants)
            for variant in variants:  # each size is a service: its deposit must be payable
                require_payable_deposit(variant, self._deps.deposit_currencies)
            await uow.flash.add(design)
            for variant in variants:
                await uow.services.add(variant)
            await uow.uploads.update(upload)
            await uow.commit()
        ordered = tuple(sorted(variants, key=lambda v: (v.price.amount, v.name)))
        return _entry(self._deps.stores, SheetEntry(design, ordered), every_size=True)


class ListFlashSheet(UseCase[CatalogDeps]):
    """The sheet of a public artist (its artist and admins read it at any time, with sizes
    they switched off)."""

    async def __call__(self, actor: Actor | None, artist_id: ArtistId) -> tuple[FlashEntry, ...]:
        async with self._deps.uow(read_only=True, may_lag=browsing(actor)) as uow:
            artist = await load_artist(uow.artists, artist_id)
            artist.ensure_visible_to(actor)
            sheet = await uow.flash.sheet(artist_id)
        every_size = actor is not None and (actor.is_admin or artist.is_owned_by(actor))
        return tuple(_entry(self._deps.stores, e, every_size=every_size) for e in sheet)


class UpdateFlashDesign(UseCase[CatalogDeps]):
    """A design's title and tags change (its sizes are services: changed as services are).
    A new title renames its sizes' services."""

    async def __call__(
        self,
        actor: Actor,
        design_id: FlashDesignId,
        *,
        title: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> FlashEntry:
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            design = await _editable_design(uow, actor, design_id)
            changed = design.changed(now, title=title, tags=tags)
            await uow.flash.update(changed)
            variants = await uow.flash.variants(design_id)
            if changed.title != design.title:
                renamed = []
                for variant in variants:
                    label = variant.flash.size_label if variant.flash else variant.name
                    renamed.append(replace(variant, name=changed.variant_name(label)))
                    await uow.services.update(renamed[-1])
                variants = tuple(renamed)
            await uow.commit()
        return _entry(self._deps.stores, SheetEntry(changed, variants), every_size=True)


class RemoveFlashDesign(UseCase[CatalogDeps]):
    """The design leaves the sheet and its sizes are no longer offered; bookings already
    made keep their service, and the image stays (a booking's history may show it)."""

    async def __call__(self, actor: Actor, design_id: FlashDesignId) -> None:
        now = self._deps.clock.now()
        async with self._deps.uow() as uow:
            design = await _editable_design(uow, actor, design_id)
            await uow.flash.update(design.removed_from_sheet(now))
            for variant in await uow.flash.variants(design_id):
                if variant.active:
                    await uow.services.update(replace(variant, active=False))
            await uow.commit()
