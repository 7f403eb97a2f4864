from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SlotView")


@_attrs_define
class SlotView:
    """
    Attributes:
        end (datetime.datetime):
        local_end (datetime.datetime):
        local_start (datetime.datetime):
        start (datetime.datetime):
    """

    end: datetime.datetime
    local_end: datetime.datetime
    local_start: datetime.datetime
    start: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end = self.end.isoformat()

        local_end = self.local_end.isoformat()

        local_start = self.local_start.isoformat()

        start = self.start.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "end": end,
                "localEnd": local_end,
                "localStart": local_start,
                "start": start,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        end = datetime.datetime.fromisoformat(d.pop("end"))

        local_end = datetime.datetime.fromisoformat(d.pop("localEnd"))

        local_start = datetime.datetime.fromisoformat(d.pop("localStart"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        slot_view = cls(
            end=end,
            local_end=local_end,
            local_start=local_start,
            start=start,
        )

        slot_view.additional_properties = d
        return slot_view

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
