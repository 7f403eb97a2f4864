from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FailedNotificationView")


@_attrs_define
class FailedNotificationView:
    """
    Attributes:
        attempts (int):
        booking_id (None | UUID):
        channel (str):
        client_id (None | UUID):
        created_at (datetime.datetime):
        id (UUID):
        kind (str):
        last_error (None | str):
        recipient_id (None | UUID):
        updated_at (datetime.datetime):
    """

    attempts: int
    booking_id: None | UUID
    channel: str
    client_id: None | UUID
    created_at: datetime.datetime
    id: UUID
    kind: str
    last_error: None | str
    recipient_id: None | UUID
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        booking_id: None | str
        if isinstance(self.booking_id, UUID):
            booking_id = str(self.booking_id)
        else:
            booking_id = self.booking_id

        channel = self.channel

        client_id: None | str
        if isinstance(self.client_id, UUID):
            client_id = str(self.client_id)
        else:
            client_id = self.client_id

        created_at = self.created_at.isoformat()

        id = str(self.id)

        kind = self.kind

        last_error: None | str
        last_error = self.last_error

        recipient_id: None | str
        if isinstance(self.recipient_id, UUID):
            recipient_id = str(self.recipient_id)
        else:
            recipient_id = self.recipient_id

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "bookingId": booking_id,
                "channel": channel,
                "clientId": client_id,
                "createdAt": created_at,
                "id": id,
                "kind": kind,
                "lastError": last_error,
                "recipientId": recipient_id,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempts = d.pop("attempts")

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

        channel = d.pop("channel")

        def _parse_client_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                client_id_type_0 = UUID(data)

                return client_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        client_id = _parse_client_id(d.pop("clientId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("lastError"))

        def _parse_recipient_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_id_type_0 = UUID(data)

                return recipient_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recipient_id = _parse_recipient_id(d.pop("recipientId"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        failed_notification_view = cls(
            attempts=attempts,
            booking_id=booking_id,
            channel=channel,
            client_id=client_id,
            created_at=created_at,
            id=id,
            kind=kind,
            last_error=last_error,
            recipient_id=recipient_id,
            updated_at=updated_at,
        )

        failed_notification_view.additional_properties = d
        return failed_notification_view

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
