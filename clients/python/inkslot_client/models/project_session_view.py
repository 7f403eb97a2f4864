from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectSessionView")


@_attrs_define
class ProjectSessionView:
    """
    Attributes:
        booking_id (UUID):
        closes (bool):
        holds_deposit (bool):
        start (datetime.datetime):
        status (str):
    """

    booking_id: UUID
    closes: bool
    holds_deposit: bool
    start: datetime.datetime
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        closes = self.closes

        holds_deposit = self.holds_deposit

        start = self.start.isoformat()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bookingId": booking_id,
                "closes": closes,
                "holdsDeposit": holds_deposit,
                "start": start,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_id = UUID(d.pop("bookingId"))

        closes = d.pop("closes")

        holds_deposit = d.pop("holdsDeposit")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        status = d.pop("status")

        project_session_view = cls(
            booking_id=booking_id,
            closes=closes,
            holds_deposit=holds_deposit,
            start=start,
            status=status,
        )

        project_session_view.additional_properties = d
        return project_session_view

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
