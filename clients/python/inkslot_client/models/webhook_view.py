from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WebhookView")


@_attrs_define
class WebhookView:
    """
    Attributes:
        active (bool):
        created_at (datetime.datetime):
        events (list[str]):
        id (UUID):
        owner_id (UUID):
        updated_at (datetime.datetime):
        url (str):
    """

    active: bool
    created_at: datetime.datetime
    events: list[str]
    id: UUID
    owner_id: UUID
    updated_at: datetime.datetime
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        created_at = self.created_at.isoformat()

        events = self.events

        id = str(self.id)

        owner_id = str(self.owner_id)

        updated_at = self.updated_at.isoformat()

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "createdAt": created_at,
                "events": events,
                "id": id,
                "ownerId": owner_id,
                "updatedAt": updated_at,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        events = cast(list[str], d.pop("events"))

        id = UUID(d.pop("id"))

        owner_id = UUID(d.pop("ownerId"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        url = d.pop("url")

        webhook_view = cls(
            active=active,
            created_at=created_at,
            events=events,
            id=id,
            owner_id=owner_id,
            updated_at=updated_at,
            url=url,
        )

        webhook_view.additional_properties = d
        return webhook_view

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
