from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AnalyticsServiceView")


@_attrs_define
class AnalyticsServiceView:
    """
    Attributes:
        bookings (int):
        name (str):
        service_id (UUID):
    """

    bookings: int
    name: str
    service_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        bookings = self.bookings

        name = self.name

        service_id = str(self.service_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bookings": bookings,
                "name": name,
                "serviceId": service_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bookings = d.pop("bookings")

        name = d.pop("name")

        service_id = UUID(d.pop("serviceId"))

        analytics_service_view = cls(
            bookings=bookings,
            name=name,
            service_id=service_id,
        )

        analytics_service_view.additional_properties = d
        return analytics_service_view

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
