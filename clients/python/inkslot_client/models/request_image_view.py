from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.image_view import ImageView


T = TypeVar("T", bound="RequestImageView")


@_attrs_define
class RequestImageView:
    """
    Attributes:
        upload_id (UUID):
        variants (list[ImageView]):
    """

    upload_id: UUID
    variants: list[ImageView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_id = str(self.upload_id)

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uploadId": upload_id,
                "variants": variants,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_view import ImageView  # noqa: PLC0415

        d = dict(src_dict)
        upload_id = UUID(d.pop("uploadId"))

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = ImageView.from_dict(variants_item_data)

            variants.append(variants_item)

        request_image_view = cls(
            upload_id=upload_id,
            variants=variants,
        )

        request_image_view.additional_properties = d
        return request_image_view

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
