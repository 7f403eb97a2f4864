from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.money_dto import MoneyDto


T = TypeVar("T", bound="BookedSessionView")


@_attrs_define
class BookedSessionView:
    """
    Attributes:
        booking_id (UUID):
        deposit (MoneyDto):
        end (datetime.datetime):
        hold_expires_at (datetime.datetime | None):
        price (MoneyDto):
        reference (str):
        start (datetime.datetime):
        status (str):
    """

    booking_id: UUID
    deposit: MoneyDto
    end: datetime.datetime
    hold_expires_at: datetime.datetime | None
    price: MoneyDto
    reference: str
    start: datetime.datetime
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booking_id = str(self.booking_id)

        deposit = self.deposit.to_dict()

        end = self.end.isoformat()

        hold_expires_at: None | str
        if isinstance(self.hold_expires_at, datetime.datetime):
            hold_expires_at = self.hold_expires_at.isoformat()
        else:
            hold_expires_at = self.hold_expires_at

        price = self.price.to_dict()

        reference = self.reference

        start = self.start.isoformat()

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bookingId": booking_id,
                "deposit": deposit,
                "end": end,
                "holdExpiresAt": hold_expires_at,
                "price": price,
                "reference": reference,
                "start": start,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money_dto import MoneyDto  # noqa: PLC0415

        d = dict(src_dict)
        booking_id = UUID(d.pop("bookingId"))

        deposit = MoneyDto.from_dict(d.pop("deposit"))

        end = datetime.datetime.fromisoformat(d.pop("end"))

        def _parse_hold_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return hold_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        hold_expires_at = _parse_hold_expires_at(d.pop("holdExpiresAt"))

        price = MoneyDto.from_dict(d.pop("price"))

        reference = d.pop("reference")

        start = datetime.datetime.fromisoformat(d.pop("start"))

        status = d.pop("status")

        booked_session_view = cls(
            booking_id=booking_id,
            deposit=deposit,
            end=end,
            hold_expires_at=hold_expires_at,
            price=price,
            reference=reference,
            start=start,
            status=status,
        )

        booked_session_view.additional_properties = d
        return booked_session_view

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
