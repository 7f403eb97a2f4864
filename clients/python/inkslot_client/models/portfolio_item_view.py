from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.portfolio_image_view import PortfolioImageView


T = TypeVar("T", bound="PortfolioItemView")


@_attrs_define
class PortfolioItemView:
    """
    Attributes:
        artist_id (UUID):
        created_at (datetime.datetime):
        description (str):
        id (UUID):
        images (list[PortfolioImageView]):
        position (int):
        style_tags (list[str]):
        updated_at (datetime.datetime):
    """

    artist_id: UUID
    created_at: datetime.datetime
    description: str
    id: UUID
    images: list[PortfolioImageView]
    position: int
    style_tags: list[str]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        created_at = self.created_at.isoformat()

        description = self.description

        id = str(self.id)

        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        position = self.position

        style_tags = self.style_tags

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "createdAt": created_at,
                "description": description,
                "id": id,
                "images": images,
                "position": position,
                "styleTags": style_tags,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.portfolio_image_view import PortfolioImageView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        description = d.pop("description")

        id = UUID(d.pop("id"))

        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = PortfolioImageView.from_dict(images_item_data)

            images.append(images_item)

        position = d.pop("position")

        style_tags = cast(list[str], d.pop("styleTags"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        portfolio_item_view = cls(
            artist_id=artist_id,
            created_at=created_at,
            description=description,
            id=id,
            images=images,
            position=position,
            style_tags=style_tags,
            updated_at=updated_at,
        )

        portfolio_item_view.additional_properties = d
        return portfolio_item_view

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
