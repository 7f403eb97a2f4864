from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RuleView")


@_attrs_define
class RuleView:
    """
    Attributes:
        artist_id (UUID):
        day (int):
        end_time (str):
        id (UUID):
        start_time (str):
    """

    artist_id: UUID
    day: int
    end_time: str
    id: UUID
    start_time: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        day = self.day

        end_time = self.end_time

        id = str(self.id)

        start_time = self.start_time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "day": day,
                "endTime": end_time,
                "id": id,
                "startTime": start_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        day = d.pop("day")

        end_time = d.pop("endTime")

        id = UUID(d.pop("id"))

        start_time = d.pop("startTime")

        rule_view = cls(
            artist_id=artist_id,
            day=day,
            end_time=end_time,
            id=id,
            start_time=start_time,
        )

        rule_view.additional_properties = d
        return rule_view

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
