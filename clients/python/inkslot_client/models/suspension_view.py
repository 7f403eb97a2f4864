from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.booking_view import BookingView


T = TypeVar("T", bound="SuspensionView")


@_attrs_define
class SuspensionView:
    """
    Attributes:
        artist_id (UUID):
        cancelled_bookings (list[BookingView]):
        suspended (bool):
    """

    artist_id: UUID
    cancelled_bookings: list[BookingView]
    suspended: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        cancelled_bookings = []
        for cancelled_bookings_item_data in self.cancelled_bookings:
            cancelled_bookings_item = cancelled_bookings_item_data.to_dict()
            cancelled_bookings.append(cancelled_bookings_item)

        suspended = self.suspended

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "cancelledBookings": cancelled_bookings,
                "suspended": suspended,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booking_view import BookingView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        cancelled_bookings = []
        _cancelled_bookings = d.pop("cancelledBookings")
        for cancelled_bookings_item_data in _cancelled_bookings:
            cancelled_bookings_item = BookingView.from_dict(cancelled_bookings_item_data)

            cancelled_bookings.append(cancelled_bookings_item)

        suspended = d.pop("suspended")

        suspension_view = cls(
            artist_id=artist_id,
            cancelled_bookings=cancelled_bookings,
            suspended=suspended,
        )

        suspension_view.additional_properties = d
        return suspension_view

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
