from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.touch_up_link import TouchUpLink


T = TypeVar("T", bound="TouchUpOfferView")


@_attrs_define
class TouchUpOfferView:
    """
    Attributes:
        available (bool):
        bookable_until (datetime.datetime | None):
        booking_id (UUID):
        reason (None | str):
        touch_up (None | TouchUpLink):
        touch_up_of (None | UUID):
    """

    available: bool
    bookable_until: datetime.datetime | None
    booking_id: UUID
    reason: None | str
    touch_up: None | TouchUpLink
    touch_up_of: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.touch_up_link import TouchUpLink  # noqa: PLC0415

        available = self.available

        bookable_until: None | str
        if isinstance(self.bookable_until, datetime.datetime):
            bookable_until = self.bookable_until.isoformat()
        else:
            bookable_until = self.bookable_until

        booking_id = str(self.booking_id)

        reason: None | str
        reason = self.reason

        touch_up: dict[str, Any] | None
        if isinstance(self.touch_up, TouchUpLink):
            touch_up = self.touch_up.to_dict()
        else:
            touch_up = self.touch_up

        touch_up_of: None | str
        if isinstance(self.touch_up_of, UUID):
            touch_up_of = str(self.touch_up_of)
        else:
            touch_up_of = self.touch_up_of

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "bookableUntil": bookable_until,
                "bookingId": booking_id,
                "reason": reason,
                "touchUp": touch_up,
                "touchUpOf": touch_up_of,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.touch_up_link import TouchUpLink  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        def _parse_bookable_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                bookable_until_type_0 = datetime.datetime.fromisoformat(data)

                return bookable_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        bookable_until = _parse_bookable_until(d.pop("bookableUntil"))

        booking_id = UUID(d.pop("bookingId"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_touch_up(data: object) -> None | TouchUpLink:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                touch_up_type_0 = TouchUpLink.from_dict(data)

                return touch_up_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TouchUpLink, data)

        touch_up = _parse_touch_up(d.pop("touchUp"))

        def _parse_touch_up_of(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                touch_up_of_type_0 = UUID(data)

                return touch_up_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        touch_up_of = _parse_touch_up_of(d.pop("touchUpOf"))

        touch_up_offer_view = cls(
            available=available,
            bookable_until=bookable_until,
            booking_id=booking_id,
            reason=reason,
            touch_up=touch_up,
            touch_up_of=touch_up_of,
        )

        touch_up_offer_view.additional_properties = d
        return touch_up_offer_view

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
