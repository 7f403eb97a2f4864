from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PortfolioItemRequest")


@_attrs_define
class PortfolioItemRequest:
    """
    Attributes:
        upload_id (UUID):
        description (str | Unset):  Default: ''.
        style_tags (list[str] | Unset):
    """

    upload_id: UUID
    description: str | Unset = ""
    style_tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_id = str(self.upload_id)

        description = self.description

        style_tags: list[str] | Unset = UNSET
        if not isinstance(self.style_tags, Unset):
            style_tags = self.style_tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uploadId": upload_id,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if style_tags is not UNSET:
            field_dict["styleTags"] = style_tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_id = UUID(d.pop("uploadId"))

        description = d.pop("description", UNSET)

        style_tags = cast(list[str], d.pop("styleTags", UNSET))

        portfolio_item_request = cls(
            upload_id=upload_id,
            description=description,
            style_tags=style_tags,
        )

        portfolio_item_request.additional_properties = d
        return portfolio_item_request

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
