from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StudioMemberView")


@_attrs_define
class StudioMemberView:
    """
    Attributes:
        city (None | str):
        display_name (str):
        id (UUID):
        rating (float | None):
        review_count (int):
        styles (list[str]):
    """

    city: None | str
    display_name: str
    id: UUID
    rating: float | None
    review_count: int
    styles: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        city: None | str
        city = self.city

        display_name = self.display_name

        id = str(self.id)

        rating: float | None
        rating = self.rating

        review_count = self.review_count

        styles = self.styles

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "city": city,
                "displayName": display_name,
                "id": id,
                "rating": rating,
                "reviewCount": review_count,
                "styles": styles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        display_name = d.pop("displayName")

        id = UUID(d.pop("id"))

        def _parse_rating(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        rating = _parse_rating(d.pop("rating"))

        review_count = d.pop("reviewCount")

        styles = cast(list[str], d.pop("styles"))

        studio_member_view = cls(
            city=city,
            display_name=display_name,
            id=id,
            rating=rating,
            review_count=review_count,
            styles=styles,
        )

        studio_member_view.additional_properties = d
        return studio_member_view

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
