from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InboxItemView")


@_attrs_define
class InboxItemView:
    """
    Attributes:
        body (str):
        booking_id (None | UUID):
        created_at (datetime.datetime):
        id (UUID):
        kind (str):
        link (None | str):
        read_at (datetime.datetime | None):
        title (str):
        unread (bool):
    """

    body: str
    booking_id: None | UUID
    created_at: datetime.datetime
    id: UUID
    kind: str
    link: None | str
    read_at: datetime.datetime | None
    title: str
    unread: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        body = self.body

        booking_id: None | str
        if isinstance(self.booking_id, UUID):
            booking_id = str(self.booking_id)
        else:
            booking_id = self.booking_id

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind

        link: None | str
        link = self.link

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        title = self.title

        unread = self.unread

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "body": body,
                "bookingId": booking_id,
                "createdAt": created_at,
                "id": id,
                "kind": kind,
                "link": link,
                "readAt": read_at,
                "title": title,
                "unread": unread,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        body = d.pop("body")

        def _parse_booking_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booking_id_type_0 = UUID(data)

                return booking_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        booking_id = _parse_booking_id(d.pop("bookingId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_link(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        link = _parse_link(d.pop("link"))

        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)

                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("readAt"))

        title = d.pop("title")

        unread = d.pop("unread")

        inbox_item_view = cls(
            body=body,
            booking_id=booking_id,
            created_at=created_at,
            id=id,
            kind=kind,
            link=link,
            read_at=read_at,
            title=title,
            unread=unread,
        )

        inbox_item_view.additional_properties = d
        return inbox_item_view

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
