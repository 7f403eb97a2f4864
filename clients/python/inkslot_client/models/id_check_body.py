from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.id_check_body_document_type import IdCheckBodyDocumentType

T = TypeVar("T", bound="IdCheckBody")


@_attrs_define
class IdCheckBody:
    """
    Attributes:
        document_type (IdCheckBodyDocumentType):
        shows_adult (bool):
    """

    document_type: IdCheckBodyDocumentType
    shows_adult: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_type = self.document_type.value

        shows_adult = self.shows_adult

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "documentType": document_type,
                "showsAdult": shows_adult,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_type = IdCheckBodyDocumentType(d.pop("documentType"))

        shows_adult = d.pop("showsAdult")

        id_check_body = cls(
            document_type=document_type,
            shows_adult=shows_adult,
        )

        id_check_body.additional_properties = d
        return id_check_body

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
