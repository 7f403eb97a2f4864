from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.window_dto import WindowDto


T = TypeVar("T", bound="OverrideRequest")


@_attrs_define
class OverrideRequest:
    """
    Attributes:
        date (datetime.date):
        artist_id (None | Unset | UUID):
        closed (bool | Unset):  Default: False.
        windows (list[WindowDto] | Unset):
    """

    date: datetime.date
    artist_id: None | Unset | UUID = UNSET
    closed: bool | Unset = False
    windows: list[WindowDto] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        artist_id: None | str | Unset
        if isinstance(self.artist_id, Unset):
            artist_id = UNSET
        elif isinstance(self.artist_id, UUID):
            artist_id = str(self.artist_id)
        else:
            artist_id = self.artist_id

        closed = self.closed

        windows: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.windows, Unset):
            windows = []
            for windows_item_data in self.windows:
                windows_item = windows_item_data.to_dict()
                windows.append(windows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
            }
        )
        if artist_id is not UNSET:
            field_dict["artistId"] = artist_id
        if closed is not UNSET:
            field_dict["closed"] = closed
        if windows is not UNSET:
            field_dict["windows"] = windows

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.window_dto import WindowDto  # noqa: PLC0415

        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

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

        closed = d.pop("closed", UNSET)

        _windows = d.pop("windows", UNSET)
        windows: list[WindowDto] | Unset = UNSET
        if _windows is not UNSET:
            windows = []
            for windows_item_data in _windows:
                windows_item = WindowDto.from_dict(windows_item_data)

                windows.append(windows_item)

        override_request = cls(
            date=date,
            artist_id=artist_id,
            closed=closed,
            windows=windows,
        )

        override_request.additional_properties = d
        return override_request

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
