from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.entry_dto import EntryDto
    from ..models.offer_booking_view import OfferBookingView


T = TypeVar("T", bound="AnsweredView")


@_attrs_define
class AnsweredView:
    """
    Attributes:
        booking (OfferBookingView):
        entry (EntryDto):
    """

    booking: OfferBookingView
    entry: EntryDto
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booking = self.booking.to_dict()

        entry = self.entry.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "booking": booking,
                "entry": entry,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.entry_dto import EntryDto  # noqa: PLC0415
        from ..models.offer_booking_view import OfferBookingView  # noqa: PLC0415

        d = dict(src_dict)
        booking = OfferBookingView.from_dict(d.pop("booking"))

        entry = EntryDto.from_dict(d.pop("entry"))

        answered_view = cls(
            booking=booking,
            entry=entry,
        )

        answered_view.additional_properties = d
        return answered_view

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
