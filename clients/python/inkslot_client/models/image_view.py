from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImageView")


@_attrs_define
class ImageView:
    """
    Attributes:
        content_type (str):
        height (int):
        name (str):
        url (str):
        width (int):
    """

    content_type: str
    height: int
    name: str
    url: str
    width: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        height = self.height

        name = self.name

        url = self.url

        width = self.width

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contentType": content_type,
                "height": height,
                "name": name,
                "url": url,
                "width": width,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = d.pop("contentType")

        height = d.pop("height")

        name = d.pop("name")

        url = d.pop("url")

        width = d.pop("width")

        image_view = cls(
            content_type=content_type,
            height=height,
            name=name,
            url=url,
            width=width,
        )

        image_view.additional_properties = d
        return image_view

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
