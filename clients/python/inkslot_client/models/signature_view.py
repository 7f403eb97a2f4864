from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SignatureView")


@_attrs_define
class SignatureView:
    """
    Attributes:
        address (str):
        in_person (bool):
        signed_at (datetime.datetime):
        signed_by (UUID):
        signed_name (str):
        user_agent (str):
    """

    address: str
    in_person: bool
    signed_at: datetime.datetime
    signed_by: UUID
    signed_name: str
    user_agent: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address

        in_person = self.in_person

        signed_at = self.signed_at.isoformat()

        signed_by = str(self.signed_by)

        signed_name = self.signed_name

        user_agent = self.user_agent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "inPerson": in_person,
                "signedAt": signed_at,
                "signedBy": signed_by,
                "signedName": signed_name,
                "userAgent": user_agent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address = d.pop("address")

        in_person = d.pop("inPerson")

        signed_at = datetime.datetime.fromisoformat(d.pop("signedAt"))

        signed_by = UUID(d.pop("signedBy"))

        signed_name = d.pop("signedName")

        user_agent = d.pop("userAgent")

        signature_view = cls(
            address=address,
            in_person=in_person,
            signed_at=signed_at,
            signed_by=signed_by,
            signed_name=signed_name,
            user_agent=user_agent,
        )

        signature_view.additional_properties = d
        return signature_view

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
