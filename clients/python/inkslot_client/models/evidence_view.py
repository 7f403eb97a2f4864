from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.image_view import ImageView


T = TypeVar("T", bound="EvidenceView")


@_attrs_define
class EvidenceView:
    """
    Attributes:
        author_id (UUID):
        author_role (str):
        created_at (datetime.datetime):
        id (UUID):
        images (list[ImageView]):
        text (str):
    """

    author_id: UUID
    author_role: str
    created_at: datetime.datetime
    id: UUID
    images: list[ImageView]
    text: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        author_id = str(self.author_id)

        author_role = self.author_role

        created_at = self.created_at.isoformat()

        id = str(self.id)

        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        text = self.text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "authorId": author_id,
                "authorRole": author_role,
                "createdAt": created_at,
                "id": id,
                "images": images,
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_view import ImageView  # noqa: PLC0415

        d = dict(src_dict)
        author_id = UUID(d.pop("authorId"))

        author_role = d.pop("authorRole")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = ImageView.from_dict(images_item_data)

            images.append(images_item)

        text = d.pop("text")

        evidence_view = cls(
            author_id=author_id,
            author_role=author_role,
            created_at=created_at,
            id=id,
            images=images,
            text=text,
        )

        evidence_view.additional_properties = d
        return evidence_view

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
