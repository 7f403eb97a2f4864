from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LinkCountsView")


@_attrs_define
class LinkCountsView:
    """
    Attributes:
        bookings (int):
        conversion (float | None):
        slot_views (int):
        visits (int):
    """

    bookings: int
    conversion: float | None
    slot_views: int
    visits: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bookings = self.bookings

        conversion: float | None
        conversion = self.conversion

        slot_views = self.slot_views

        visits = self.visits

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bookings": bookings,
                "conversion": conversion,
                "slotViews": slot_views,
                "visits": visits,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bookings = d.pop("bookings")

        def _parse_conversion(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        conversion = _parse_conversion(d.pop("conversion"))

        slot_views = d.pop("slotViews")

        visits = d.pop("visits")

        link_counts_view = cls(
            bookings=bookings,
            conversion=conversion,
            slot_views=slot_views,
            visits=visits,
        )

        link_counts_view.additional_properties = d
        return link_counts_view

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
