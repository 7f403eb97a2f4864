from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OfferView")


@_attrs_define
class OfferView:
    """
    Attributes:
        answered_at (datetime.datetime | None):
        booking_id (UUID):
        made_at (datetime.datetime):
        start (datetime.datetime):
        until (datetime.datetime):
    """

    answered_at: datetime.datetime | None
    booking_id: UUID
    made_at: datetime.datetime
    start: datetime.datetime
    until: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        booking_id = str(self.booking_id)

        made_at = self.made_at.isoformat()

        start = self.start.isoformat()

        until = self.until.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answeredAt": answered_at,
                "bookingId": booking_id,
                "madeAt": made_at,
                "start": start,
                "until": until,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answeredAt"))

        booking_id = UUID(d.pop("bookingId"))

        made_at = datetime.datetime.fromisoformat(d.pop("madeAt"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        until = datetime.datetime.fromisoformat(d.pop("until"))

        offer_view = cls(
            answered_at=answered_at,
            booking_id=booking_id,
            made_at=made_at,
            start=start,
            until=until,
        )

        offer_view.additional_properties = d
        return offer_view

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
