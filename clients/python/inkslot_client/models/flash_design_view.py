from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.artist_image_view import ArtistImageView
    from ..models.flash_variant_view import FlashVariantView


T = TypeVar("T", bound="FlashDesignView")


@_attrs_define
class FlashDesignView:
    """
    Attributes:
        artist_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        images (list[ArtistImageView]):
        one_off (bool):
        tags (list[str]):
        taken (bool):
        title (str):
        updated_at (datetime.datetime):
        variants (list[FlashVariantView]):
    """

    artist_id: UUID
    created_at: datetime.datetime
    id: UUID
    images: list[ArtistImageView]
    one_off: bool
    tags: list[str]
    taken: bool
    title: str
    updated_at: datetime.datetime
    variants: list[FlashVariantView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        one_off = self.one_off

        tags = self.tags

        taken = self.taken

        title = self.title

        updated_at = self.updated_at.isoformat()

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "createdAt": created_at,
                "id": id,
                "images": images,
                "oneOff": one_off,
                "tags": tags,
                "taken": taken,
                "title": title,
                "updatedAt": updated_at,
                "variants": variants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.artist_image_view import ArtistImageView  # noqa: PLC0415
        from ..models.flash_variant_view import FlashVariantView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = ArtistImageView.from_dict(images_item_data)

            images.append(images_item)

        one_off = d.pop("oneOff")

        tags = cast(list[str], d.pop("tags"))

        taken = d.pop("taken")

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = FlashVariantView.from_dict(variants_item_data)

            variants.append(variants_item)

        flash_design_view = cls(
            artist_id=artist_id,
            created_at=created_at,
            id=id,
            images=images,
            one_off=one_off,
            tags=tags,
            taken=taken,
            title=title,
            updated_at=updated_at,
            variants=variants,
        )

        flash_design_view.additional_properties = d
        return flash_design_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
