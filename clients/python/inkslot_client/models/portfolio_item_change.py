from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PortfolioItemChange")


@_attrs_define
class PortfolioItemChange:
    """
    Attributes:
        description (str | Unset):
        position (int | Unset):
        style_tags (list[str] | Unset):
    """

    description: str | Unset = UNSET
    position: int | Unset = UNSET
    style_tags: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description: str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        position: int | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        else:
            position = self.position

        style_tags: list[str] | Unset
        if isinstance(self.style_tags, Unset):
            style_tags = UNSET
        else:
            style_tags = self.style_tags

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if description is not UNSET:
            field_dict["description"] = description
        if position is not UNSET:
            field_dict["position"] = position
        if style_tags is not UNSET:
            field_dict["styleTags"] = style_tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_description(data: object) -> str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_position(data: object) -> int | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_style_tags(data: object) -> list[str] | Unset:
            if isinstance(data, Unset):
                return data
            if not isinstance(data, list):
                raise TypeError()
            style_tags_type_0 = cast(list[str], data)

            return style_tags_type_0

        style_tags = _parse_style_tags(d.pop("styleTags", UNSET))

        portfolio_item_change = cls(
            description=description,
            position=position,
            style_tags=style_tags,
        )

        portfolio_item_change.additional_properties = d
        return portfolio_item_change

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
