from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.flash_variant_request import FlashVariantRequest


T = TypeVar("T", bound="FlashDesignRequest")


@_attrs_define
class FlashDesignRequest:
    """
    Attributes:
        title (str):
        upload_id (UUID):
        variants (list[FlashVariantRequest]):
        one_off (bool | Unset):  Default: False.
        tags (list[str] | Unset):
    """

    title: str
    upload_id: UUID
    variants: list[FlashVariantRequest]
    one_off: bool | Unset = False
    tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        upload_id = str(self.upload_id)

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)

        one_off = self.one_off

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "uploadId": upload_id,
                "variants": variants,
            }
        )
        if one_off is not UNSET:
            field_dict["oneOff"] = one_off
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.flash_variant_request import FlashVariantRequest  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        upload_id = UUID(d.pop("uploadId"))

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in _variants:
            variants_item = FlashVariantRequest.from_dict(variants_item_data)

            variants.append(variants_item)

        one_off = d.pop("oneOff", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        flash_design_request = cls(
            title=title,
            upload_id=upload_id,
            variants=variants,
            one_off=one_off,
            tags=tags,
        )

        flash_design_request.additional_properties = d
        return flash_design_request

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
