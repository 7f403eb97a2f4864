from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.desk_booking_view import DeskBookingView


T = TypeVar("T", bound="StudioColumnView")


@_attrs_define
class StudioColumnView:
    """
    Attributes:
        artist_id (UUID):
        bookings (list[DeskBookingView]):
        display_name (str):
        more (bool):
    """

    artist_id: UUID
    bookings: list[DeskBookingView]
    display_name: str
    more: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        bookings = []
        for bookings_item_data in self.bookings:
            bookings_item = bookings_item_data.to_dict()
            bookings.append(bookings_item)

        display_name = self.display_name

        more = self.more

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "bookings": bookings,
                "displayName": display_name,
                "more": more,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.desk_booking_view import DeskBookingView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        bookings = []
        _bookings = d.pop("bookings")
        for bookings_item_data in _bookings:
            bookings_item = DeskBookingView.from_dict(bookings_item_data)

            bookings.append(bookings_item)

        display_name = d.pop("displayName")

        more = d.pop("more")

        studio_column_view = cls(
            artist_id=artist_id,
            bookings=bookings,
            display_name=display_name,
            more=more,
        )

        studio_column_view.additional_properties = d
        return studio_column_view

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
