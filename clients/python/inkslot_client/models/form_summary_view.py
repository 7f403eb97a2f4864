from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FormSummaryView")


@_attrs_define
class FormSummaryView:
    """
    Attributes:
        artist_id (UUID):
        created_at (datetime.datetime):
        id (UUID):
        status (str):
        title (str):
        updated_at (datetime.datetime):
        version (int):
    """

    artist_id: UUID
    created_at: datetime.datetime
    id: UUID
    status: str
    title: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        created_at = self.created_at.isoformat()

        id = str(self.id)

        status = self.status

        title = self.title

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "createdAt": created_at,
                "id": id,
                "status": status,
                "title": title,
                "updatedAt": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        status = d.pop("status")

        title = d.pop("title")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        version = d.pop("version")

        form_summary_view = cls(
            artist_id=artist_id,
            created_at=created_at,
            id=id,
            status=status,
            title=title,
            updated_at=updated_at,
            version=version,
        )

        form_summary_view.additional_properties = d
        return form_summary_view

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
