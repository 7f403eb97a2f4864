from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReminderOffsetsView")


@_attrs_define
class ReminderOffsetsView:
    """
    Attributes:
        artist_id (UUID):
        offsets_minutes (list[int]):
    """

    artist_id: UUID
    offsets_minutes: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        offsets_minutes = self.offsets_minutes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "offsetsMinutes": offsets_minutes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        offsets_minutes = cast(list[int], d.pop("offsetsMinutes"))

        reminder_offsets_view = cls(
            artist_id=artist_id,
            offsets_minutes=offsets_minutes,
        )

        reminder_offsets_view.additional_properties = d
        return reminder_offsets_view

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
