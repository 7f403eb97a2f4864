from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WaitlistSettingsView")


@_attrs_define
class WaitlistSettingsView:
    """
    Attributes:
        artist_id (UUID):
        enabled (bool):
        hold_minutes (int):
        updated_at (datetime.datetime | None):
    """

    artist_id: UUID
    enabled: bool
    hold_minutes: int
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        enabled = self.enabled

        hold_minutes = self.hold_minutes

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "enabled": enabled,
                "holdMinutes": hold_minutes,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        enabled = d.pop("enabled")

        hold_minutes = d.pop("holdMinutes")

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

        waitlist_settings_view = cls(
            artist_id=artist_id,
            enabled=enabled,
            hold_minutes=hold_minutes,
            updated_at=updated_at,
        )

        waitlist_settings_view.additional_properties = d
        return waitlist_settings_view

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
