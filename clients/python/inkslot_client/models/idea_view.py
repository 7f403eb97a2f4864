from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.image_view import ImageView


T = TypeVar("T", bound="IdeaView")


@_attrs_define
class IdeaView:
    """
    Attributes:
        author_id (UUID):
        booking_id (UUID):
        created_at (datetime.datetime):
        description (str):
        id (UUID):
        images (list[ImageView]):
        updated_at (datetime.datetime):
    """

    author_id: UUID
    booking_id: UUID
    created_at: datetime.datetime
    description: str
    id: UUID
    images: list[ImageView]
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author_id = str(self.author_id)

        booking_id = str(self.booking_id)

        created_at = self.created_at.isoformat()

        description = self.description

        id = str(self.id)

        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authorId": author_id,
                "bookingId": booking_id,
                "createdAt": created_at,
                "description": description,
                "id": id,
                "images": images,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_view import ImageView  # noqa: PLC0415

        d = dict(src_dict)
        author_id = UUID(d.pop("authorId"))

        booking_id = UUID(d.pop("bookingId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        description = d.pop("description")

        id = UUID(d.pop("id"))

        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = ImageView.from_dict(images_item_data)

            images.append(images_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        idea_view = cls(
            author_id=author_id,
            booking_id=booking_id,
            created_at=created_at,
            description=description,
            id=id,
            images=images,
            updated_at=updated_at,
        )

        idea_view.additional_properties = d
        return idea_view

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
