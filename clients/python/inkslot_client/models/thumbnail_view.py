from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.artist_image_view import ArtistImageView


T = TypeVar("T", bound="ThumbnailView")


@_attrs_define
class ThumbnailView:
    """
    Attributes:
        images (list[ArtistImageView]):
        item_id (UUID):
    """

    images: list[ArtistImageView]
    item_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        item_id = str(self.item_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "images": images,
                "itemId": item_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.artist_image_view import ArtistImageView  # noqa: PLC0415

        d = dict(src_dict)
        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = ArtistImageView.from_dict(images_item_data)

            images.append(images_item)

        item_id = UUID(d.pop("itemId"))

        thumbnail_view = cls(
            images=images,
            item_id=item_id,
        )

        thumbnail_view.additional_properties = d
        return thumbnail_view

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
