from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StudioInviteView")


@_attrs_define
class StudioInviteView:
    """
    Attributes:
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        id (UUID):
        note (str):
        studio_id (UUID):
    """

    created_at: datetime.datetime
    expires_at: datetime.datetime
    id: UUID
    note: str
    studio_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        id = str(self.id)

        note = self.note

        studio_id = str(self.studio_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "expiresAt": expires_at,
                "id": id,
                "note": note,
                "studioId": studio_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        id = UUID(d.pop("id"))

        note = d.pop("note")

        studio_id = UUID(d.pop("studioId"))

        studio_invite_view = cls(
            created_at=created_at,
            expires_at=expires_at,
            id=id,
            note=note,
            studio_id=studio_id,
        )

        studio_invite_view.additional_properties = d
        return studio_invite_view

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
