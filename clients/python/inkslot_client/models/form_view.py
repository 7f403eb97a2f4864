from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.form_content_view import FormContentView


T = TypeVar("T", bound="FormView")


@_attrs_define
class FormView:
    """
    Attributes:
        artist_id (UUID):
        content (FormContentView):
        created_at (datetime.datetime):
        id (UUID):
        required (bool):
        status (str):
        updated_at (datetime.datetime):
        version (int):
        versions (list[int]):
    """

    artist_id: UUID
    content: FormContentView
    created_at: datetime.datetime
    id: UUID
    required: bool
    status: str
    updated_at: datetime.datetime
    version: int
    versions: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        content = self.content.to_dict()

        created_at = self.created_at.isoformat()

        id = str(self.id)

        required = self.required

        status = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        versions = self.versions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "content": content,
                "createdAt": created_at,
                "id": id,
                "required": required,
                "status": status,
                "updatedAt": updated_at,
                "version": version,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.form_content_view import FormContentView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        content = FormContentView.from_dict(d.pop("content"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        required = d.pop("required")

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        version = d.pop("version")

        versions = cast(list[int], d.pop("versions"))

        form_view = cls(
            artist_id=artist_id,
            content=content,
            created_at=created_at,
            id=id,
            required=required,
            status=status,
            updated_at=updated_at,
            version=version,
            versions=versions,
        )

        form_view.additional_properties = d
        return form_view

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
