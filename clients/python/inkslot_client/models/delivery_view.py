from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.delivery_view_body import DeliveryViewBody


T = TypeVar("T", bound="DeliveryView")


@_attrs_define
class DeliveryView:
    """
    Attributes:
        attempts (int):
        body (DeliveryViewBody):
        created_at (datetime.datetime):
        event_id (UUID):
        event_type (str):
        id (UUID):
        last_error (None | str):
        last_status_code (int | None):
        next_attempt_at (datetime.datetime | None):
        status (str):
        subject (str):
        updated_at (datetime.datetime):
    """

    attempts: int
    body: DeliveryViewBody
    created_at: datetime.datetime
    event_id: UUID
    event_type: str
    id: UUID
    last_error: None | str
    last_status_code: int | None
    next_attempt_at: datetime.datetime | None
    status: str
    subject: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempts = self.attempts

        body = self.body.to_dict()

        created_at = self.created_at.isoformat()

        event_id = str(self.event_id)

        event_type = self.event_type

        id = str(self.id)

        last_error: None | str
        last_error = self.last_error

        last_status_code: int | None
        last_status_code = self.last_status_code

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        status = self.status

        subject = self.subject

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempts": attempts,
                "body": body,
                "createdAt": created_at,
                "eventId": event_id,
                "eventType": event_type,
                "id": id,
                "lastError": last_error,
                "lastStatusCode": last_status_code,
                "nextAttemptAt": next_attempt_at,
                "status": status,
                "subject": subject,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_view_body import DeliveryViewBody  # noqa: PLC0415

        d = dict(src_dict)
        attempts = d.pop("attempts")

        body = DeliveryViewBody.from_dict(d.pop("body"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        event_id = UUID(d.pop("eventId"))

        event_type = d.pop("eventType")

        id = UUID(d.pop("id"))

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("lastError"))

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("lastStatusCode"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("nextAttemptAt"))

        status = d.pop("status")

        subject = d.pop("subject")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        delivery_view = cls(
            attempts=attempts,
            body=body,
            created_at=created_at,
            event_id=event_id,
            event_type=event_type,
            id=id,
            last_error=last_error,
            last_status_code=last_status_code,
            next_attempt_at=next_attempt_at,
            status=status,
            subject=subject,
            updated_at=updated_at,
        )

        delivery_view.additional_properties = d
        return delivery_view

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
