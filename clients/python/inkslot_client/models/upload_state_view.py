from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.image_view import ImageView


T = TypeVar("T", bound="UploadStateView")


@_attrs_define
class UploadStateView:
    """
    Attributes:
        content_type (str):
        created_at (datetime.datetime):
        id (UUID):
        images (list[ImageView]):
        purpose (str):
        rejection (None | str):
        size (int):
        status (str):
    """

    content_type: str
    created_at: datetime.datetime
    id: UUID
    images: list[ImageView]
    purpose: str
    rejection: None | str
    size: int
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        created_at = self.created_at.isoformat()

        id = str(self.id)

        images = []
        for images_item_data in self.images:
            images_item = images_item_data.to_dict()
            images.append(images_item)

        purpose = self.purpose

        rejection: None | str
        rejection = self.rejection

        size = self.size

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contentType": content_type,
                "createdAt": created_at,
                "id": id,
                "images": images,
                "purpose": purpose,
                "rejection": rejection,
                "size": size,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_view import ImageView  # noqa: PLC0415

        d = dict(src_dict)
        content_type = d.pop("contentType")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        images = []
        _images = d.pop("images")
        for images_item_data in _images:
            images_item = ImageView.from_dict(images_item_data)

            images.append(images_item)

        purpose = d.pop("purpose")

        def _parse_rejection(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection = _parse_rejection(d.pop("rejection"))

        size = d.pop("size")

        status = d.pop("status")

        upload_state_view = cls(
            content_type=content_type,
            created_at=created_at,
            id=id,
            images=images,
            purpose=purpose,
            rejection=rejection,
            size=size,
            status=status,
        )

        upload_state_view.additional_properties = d
        return upload_state_view

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
