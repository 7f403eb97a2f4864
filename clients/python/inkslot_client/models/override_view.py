from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.window_view import WindowView


T = TypeVar("T", bound="OverrideView")


@_attrs_define
class OverrideView:
    """
    Attributes:
        artist_id (UUID):
        closed (bool):
        date (datetime.date):
        id (UUID):
        windows (list[WindowView]):
    """

    artist_id: UUID
    closed: bool
    date: datetime.date
    id: UUID
    windows: list[WindowView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        closed = self.closed

        date = self.date.isoformat()

        id = str(self.id)

        windows = []
        for windows_item_data in self.windows:
            windows_item = windows_item_data.to_dict()
            windows.append(windows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "closed": closed,
                "date": date,
                "id": id,
                "windows": windows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.window_view import WindowView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        closed = d.pop("closed")

        date = datetime.date.fromisoformat(d.pop("date"))

        id = UUID(d.pop("id"))

        windows = []
        _windows = d.pop("windows")
        for windows_item_data in _windows:
            windows_item = WindowView.from_dict(windows_item_data)

            windows.append(windows_item)

        override_view = cls(
            artist_id=artist_id,
            closed=closed,
            date=date,
            id=id,
            windows=windows,
        )

        override_view.additional_properties = d
        return override_view

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
