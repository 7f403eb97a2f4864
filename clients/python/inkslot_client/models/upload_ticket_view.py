from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.upload_ticket_view_headers import UploadTicketViewHeaders


T = TypeVar("T", bound="UploadTicketView")


@_attrs_define
class UploadTicketView:
    """
    Attributes:
        expires_at (datetime.datetime):
        headers (UploadTicketViewHeaders):
        method (str):
        upload_id (UUID):
        url (str):
    """

    expires_at: datetime.datetime
    headers: UploadTicketViewHeaders
    method: str
    upload_id: UUID
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        headers = self.headers.to_dict()

        method = self.method

        upload_id = str(self.upload_id)

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expiresAt": expires_at,
                "headers": headers,
                "method": method,
                "uploadId": upload_id,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upload_ticket_view_headers import UploadTicketViewHeaders  # noqa: PLC0415

        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        headers = UploadTicketViewHeaders.from_dict(d.pop("headers"))

        method = d.pop("method")

        upload_id = UUID(d.pop("uploadId"))

        url = d.pop("url")

        upload_ticket_view = cls(
            expires_at=expires_at,
            headers=headers,
            method=method,
            upload_id=upload_id,
            url=url,
        )

        upload_ticket_view.additional_properties = d
        return upload_ticket_view

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
