from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.resolve_request_booking_status import ResolveRequestBookingStatus

T = TypeVar("T", bound="ResolveRequest")


@_attrs_define
class ResolveRequest:
    """
    Attributes:
        booking_status (ResolveRequestBookingStatus):
        refund_amount (int):
        resolution (str):
    """

    booking_status: ResolveRequestBookingStatus
    refund_amount: int
    resolution: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booking_status = self.booking_status.value

        refund_amount = self.refund_amount

        resolution = self.resolution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "bookingStatus": booking_status,
                "refundAmount": refund_amount,
                "resolution": resolution,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        booking_status = ResolveRequestBookingStatus(d.pop("bookingStatus"))

        refund_amount = d.pop("refundAmount")

        resolution = d.pop("resolution")

        resolve_request = cls(
            booking_status=booking_status,
            refund_amount=refund_amount,
            resolution=resolution,
        )

        resolve_request.additional_properties = d
        return resolve_request

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
