from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IdCheckView")


@_attrs_define
class IdCheckView:
    """
    Attributes:
        checked_at (datetime.datetime):
        checked_by (UUID):
        document_type (str):
        shows_adult (bool):
    """

    checked_at: datetime.datetime
    checked_by: UUID
    document_type: str
    shows_adult: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        checked_at = self.checked_at.isoformat()

        checked_by = str(self.checked_by)

        document_type = self.document_type

        shows_adult = self.shows_adult

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checkedAt": checked_at,
                "checkedBy": checked_by,
                "documentType": document_type,
                "showsAdult": shows_adult,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        checked_at = datetime.datetime.fromisoformat(d.pop("checkedAt"))

        checked_by = UUID(d.pop("checkedBy"))

        document_type = d.pop("documentType")

        shows_adult = d.pop("showsAdult")

        id_check_view = cls(
            checked_at=checked_at,
            checked_by=checked_by,
            document_type=document_type,
            shows_adult=shows_adult,
        )

        id_check_view.additional_properties = d
        return id_check_view

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
