from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="JoinBody")


@_attrs_define
class JoinBody:
    """
    Attributes:
        first_date (datetime.date):
        last_date (datetime.date):
        service_id (UUID):
    """

    first_date: datetime.date
    last_date: datetime.date
    service_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_date = self.first_date.isoformat()

        last_date = self.last_date.isoformat()

        service_id = str(self.service_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstDate": first_date,
                "lastDate": last_date,
                "serviceId": service_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_date = datetime.date.fromisoformat(d.pop("firstDate"))

        last_date = datetime.date.fromisoformat(d.pop("lastDate"))

        service_id = UUID(d.pop("serviceId"))

        join_body = cls(
            first_date=first_date,
            last_date=last_date,
            service_id=service_id,
        )

        join_body.additional_properties = d
        return join_body

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
