from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BlockRequest")


@_attrs_define
class BlockRequest:
    """
    Attributes:
        date (datetime.date):
        end_time (str): HH:MM, 24:00 allowed
        start_time (str): HH:MM, 24:00 allowed
        artist_id (None | Unset | UUID):
    """

    date: datetime.date
    end_time: str
    start_time: str
    artist_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        end_time = self.end_time

        start_time = self.start_time

        artist_id: None | str | Unset
        if isinstance(self.artist_id, Unset):
            artist_id = UNSET
        elif isinstance(self.artist_id, UUID):
            artist_id = str(self.artist_id)
        else:
            artist_id = self.artist_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "endTime": end_time,
                "startTime": start_time,
            }
        )
        if artist_id is not UNSET:
            field_dict["artistId"] = artist_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        end_time = d.pop("endTime")

        start_time = d.pop("startTime")

        def _parse_artist_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                artist_id_type_0 = UUID(data)

                return artist_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        artist_id = _parse_artist_id(d.pop("artistId", UNSET))

        block_request = cls(
            date=date,
            end_time=end_time,
            start_time=start_time,
            artist_id=artist_id,
        )

        block_request.additional_properties = d
        return block_request

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
