"""Flash sheets on the wire."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated
from uuid import UUID

from msgspec import UNSET, Meta, UnsetType

from booking_domain.catalog.flash import (
    MAX_SIZE_CM,
    MAX_SIZE_LABEL,
    MAX_TAG_LENGTH,
    MAX_TAGS,
    MAX_TITLE,
    MAX_VARIANTS,
)
from booking_domain.catalog.use_cases import (
    DepositChoice,
    FlashDesignFields,
    FlashEntry,
    VariantFields,
)
from booking_domain.media import UploadId
from entrypoints.http.catalog.dto import ArtistImageView, DepositDto, ServiceView
from entrypoints.http.wire import Dto, MoneyDto, PageView, View, utc

Title = Annotated[str, Meta(max_length=MAX_TITLE * 2)]  # spaces are collapsed, then counted
Tags = Annotated[
    list[Annotated[str, Meta(max_length=MAX_TAG_LENGTH * 2)]], Meta(max_length=MAX_TAGS * 2)
]


class FlashVariantRequest(Dto, frozen=True):
    size_label: Annotated[str, Meta(max_length=MAX_SIZE_LABEL * 2)]
    duration_minutes: Annotated[int, Meta(ge=1, le=1440)]
    price: MoneyDto
    size_cm: Annotated[int, Meta(ge=1, le=MAX_SIZE_CM)] | None = None
    deposit: DepositDto | None = None

    def fields(self) -> VariantFields:
        deposit = self.deposit
        return VariantFields(
            size_label=self.size_label,
            duration=timedelta(minutes=self.duration_minutes),
            price=self.price.money(),
            size_cm=self.size_cm,
            deposit=None if deposit is None else DepositChoice(deposit.amount, deposit.percent),
        )


class FlashDesignRequest(Dto, frozen=True):
    upload_id: UUID
    title: Title
    variants: Annotated[list[FlashVariantRequest], Meta(min_length=1, max_length=MAX_VARIANTS)]
    tags: Tags = []
    one_off: bool = False

    def fields(self) -> FlashDesignFields:
        return FlashDesignFields(
            upload_id=UploadId(self.upload_id),
            title=self.title,
            variants=tuple(v.fields() for v in self.variants),
            tags=tuple(self.tags),
            one_off=self.one_off,
        )


class FlashDesignChange(Dto, frozen=True):
    title: Title | UnsetType = UNSET
    tags: Tags | UnsetType = UNSET


class FlashVariantView(ServiceView, frozen=True):
    """A size: the service to book (``id`` is ``serviceId`` of ``POST /bookings``)."""

    size_label: str = ""
    size_cm: int | None = None


class FlashDesignView(View, frozen=True):
    id: UUID
    artist_id: UUID
    title: str
    tags: list[str]
    one_off: bool
    taken: bool
    images: list[ArtistImageView]
    variants: list[FlashVariantView]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, entry: FlashEntry) -> FlashDesignView:
        design = entry.design
        variants = []
        for size in entry.variants:
            base = ServiceView.of(size)
            label = size.flash.size_label if size.flash else ""
            cm = size.flash.size_cm if size.flash else None
            variants.append(
                FlashVariantView(
                    **{f: getattr(base, f) for f in base.__struct_fields__},
                    size_label=label,
                    size_cm=cm,
                )
            )
        return cls(
            design.id,
            design.artist_id,
            design.title,
            list(design.tags),
            design.one_off,
            design.taken,
            [ArtistImageView.of(i) for i in entry.images],
            variants,
            utc(design.created_at),
            utc(design.updated_at),
        )


class FlashSheetPage(PageView[FlashDesignView], frozen=True):
    items: list[FlashDesignView]
