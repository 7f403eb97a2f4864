from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AftercareRequest")


@_attrs_define
class AftercareRequest:
    """
    Attributes:
        aftercare_delay_minutes (int):
        review_delay_minutes (int):
        text (str):
        touch_up_days (int):
    """

    aftercare_delay_minutes: int
    review_delay_minutes: int
    text: str
    touch_up_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aftercare_delay_minutes = self.aftercare_delay_minutes

        review_delay_minutes = self.review_delay_minutes

        text = self.text

        touch_up_days = self.touch_up_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aftercareDelayMinutes": aftercare_delay_minutes,
                "reviewDelayMinutes": review_delay_minutes,
                "text": text,
                "touchUpDays": touch_up_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aftercare_delay_minutes = d.pop("aftercareDelayMinutes")

        review_delay_minutes = d.pop("reviewDelayMinutes")

        text = d.pop("text")

        touch_up_days = d.pop("touchUpDays")

        aftercare_request = cls(
            aftercare_delay_minutes=aftercare_delay_minutes,
            review_delay_minutes=review_delay_minutes,
            text=text,
            touch_up_days=touch_up_days,
        )

        aftercare_request.additional_properties = d
        return aftercare_request

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
