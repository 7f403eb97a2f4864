from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DeviceSessionView")


@_attrs_define
class DeviceSessionView:
    """
    Attributes:
        address (None | str):
        created_at (datetime.datetime):
        current (bool):
        device (str):
        id (UUID):
        last_used_at (datetime.datetime):
        sign_in_address (None | str):
        user_agent (str):
    """

    address: None | str
    created_at: datetime.datetime
    current: bool
    device: str
    id: UUID
    last_used_at: datetime.datetime
    sign_in_address: None | str
    user_agent: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        created_at = self.created_at.isoformat()

        current = self.current

        device = self.device

        id = str(self.id)

        last_used_at = self.last_used_at.isoformat()

        sign_in_address: None | str
        sign_in_address = self.sign_in_address

        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "createdAt": created_at,
                "current": current,
                "device": device,
                "id": id,
                "lastUsedAt": last_used_at,
                "signInAddress": sign_in_address,
                "userAgent": user_agent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        current = d.pop("current")

        device = d.pop("device")

        id = UUID(d.pop("id"))

        last_used_at = datetime.datetime.fromisoformat(d.pop("lastUsedAt"))

        def _parse_sign_in_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sign_in_address = _parse_sign_in_address(d.pop("signInAddress"))

        user_agent = d.pop("userAgent")

        device_session_view = cls(
            address=address,
            created_at=created_at,
            current=current,
            device=device,
            id=id,
            last_used_at=last_used_at,
            sign_in_address=sign_in_address,
            user_agent=user_agent,
        )

        device_session_view.additional_properties = d
        return device_session_view

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
