from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.artist_image_view import ArtistImageView


T = TypeVar("T", bound="PortfolioCardView")


@_attrs_define
class PortfolioCardView:
    """
    Attributes:
        artist_id (UUID):
        artist_name (str):
        created_at (datetime.datetime):
        description (str):
        distance_km (float | None):
        id (UUID):
        images (list[ArtistImageView]):
        like_count (int):
        style_tags (list[str]):
    """

    artist_id: UUID
    artist_name: str
    created_at: datetime.datetime
    description: str
    distance_km: float | None
    id: UUID
    images: list[ArtistImageView]
    like_count: int
    style_tags: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        artist_name = self.artist_name

        created_at = self.created_at.isoformat()

        description = self.description

        distance_km: float | None
        distance_km = self.distance_km

        id = str(self.id)

        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        like_count = self.like_count

        style_tags = self.style_tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "artistName": artist_name,
                "createdAt": created_at,
                "description": description,
                "distanceKm": distance_km,
                "id": id,
                "images": images,
                "likeCount": like_count,
                "styleTags": style_tags,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.artist_image_view import ArtistImageView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        artist_name = d.pop("artistName")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        description = d.pop("description")

        def _parse_distance_km(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        distance_km = _parse_distance_km(d.pop("distanceKm"))

        id = UUID(d.pop("id"))

        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = ArtistImageView.from_dict(images_item_data)

            images.append(images_item)

        like_count = d.pop("likeCount")

        style_tags = cast(list[str], d.pop("styleTags"))

        portfolio_card_view = cls(
            artist_id=artist_id,
            artist_name=artist_name,
            created_at=created_at,
            description=description,
            distance_km=distance_km,
            id=id,
            images=images,
            like_count=like_count,
            style_tags=style_tags,
        )

        portfolio_card_view.additional_properties = d
        return portfolio_card_view

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
