from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AftercareView")


@_attrs_define
class AftercareView:
    """
    Attributes:
        aftercare_delay_minutes (int):
        artist_id (UUID):
        review_delay_minutes (int):
        text (str):
        touch_up_days (int):
        updated_at (datetime.datetime | None):
    """

    aftercare_delay_minutes: int
    artist_id: UUID
    review_delay_minutes: int
    text: str
    touch_up_days: int
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aftercare_delay_minutes = self.aftercare_delay_minutes

        artist_id = str(self.artist_id)

        review_delay_minutes = self.review_delay_minutes

        text = self.text

        touch_up_days = self.touch_up_days

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aftercareDelayMinutes": aftercare_delay_minutes,
                "artistId": artist_id,
                "reviewDelayMinutes": review_delay_minutes,
                "text": text,
                "touchUpDays": touch_up_days,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aftercare_delay_minutes = d.pop("aftercareDelayMinutes")

        artist_id = UUID(d.pop("artistId"))

        review_delay_minutes = d.pop("reviewDelayMinutes")

        text = d.pop("text")

        touch_up_days = d.pop("touchUpDays")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updatedAt"))

        aftercare_view = cls(
            aftercare_delay_minutes=aftercare_delay_minutes,
            artist_id=artist_id,
            review_delay_minutes=review_delay_minutes,
            text=text,
            touch_up_days=touch_up_days,
            updated_at=updated_at,
        )

        aftercare_view.additional_properties = d
        return aftercare_view

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
