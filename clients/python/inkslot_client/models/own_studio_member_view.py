from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OwnStudioMemberView")


@_attrs_define
class OwnStudioMemberView:
    """
    Attributes:
        display_name (str):
        id (UUID):
        status (str):
        suspended (bool):
        time_zone (str):
        user_id (UUID):
    """

    display_name: str
    id: UUID
    status: str
    suspended: bool
    time_zone: str
    user_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        id = str(self.id)

        status = self.status

        suspended = self.suspended

        time_zone = self.time_zone

        user_id = str(self.user_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "displayName": display_name,
                "id": id,
                "status": status,
                "suspended": suspended,
                "timeZone": time_zone,
                "userId": user_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("displayName")

        id = UUID(d.pop("id"))

        status = d.pop("status")

        suspended = d.pop("suspended")

        time_zone = d.pop("timeZone")

        user_id = UUID(d.pop("userId"))

        own_studio_member_view = cls(
            display_name=display_name,
            id=id,
            status=status,
            suspended=suspended,
            time_zone=time_zone,
            user_id=user_id,
        )

        own_studio_member_view.additional_properties = d
        return own_studio_member_view

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
