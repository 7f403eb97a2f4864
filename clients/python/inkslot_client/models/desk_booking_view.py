from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeskBookingView")


@_attrs_define
class DeskBookingView:
    """
    Attributes:
        customer (None | str):
        end (datetime.datetime):
        service (None | str):
        start (datetime.datetime):
        status (str):
    """

    customer: None | str
    end: datetime.datetime
    service: None | str
    start: datetime.datetime
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer: None | str
        customer = self.customer

        end = self.end.isoformat()

        service: None | str
        service = self.service

        start = self.start.isoformat()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer": customer,
                "end": end,
                "service": service,
                "start": start,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_customer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        customer = _parse_customer(d.pop("customer"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        def _parse_service(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service = _parse_service(d.pop("service"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        status = d.pop("status")

        desk_booking_view = cls(
            customer=customer,
            end=end,
            service=service,
            start=start,
            status=status,
        )

        desk_booking_view.additional_properties = d
        return desk_booking_view

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
