from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SentMessageView")


@_attrs_define
class SentMessageView:
    """
    Attributes:
        address (None | str):
        at (datetime.datetime):
        channel (str):
        delivery (None | str):
        id (UUID):
        kind (str):
        reason (None | str):
        recipient (str):
        status (str):
    """

    address: None | str
    at: datetime.datetime
    channel: str
    delivery: None | str
    id: UUID
    kind: str
    reason: None | str
    recipient: str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address: None | str
        address = self.address

        at = self.at.isoformat()

        channel = self.channel

        delivery: None | str
        delivery = self.delivery

        id = str(self.id)

        kind = self.kind

        reason: None | str
        reason = self.reason

        recipient = self.recipient

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "at": at,
                "channel": channel,
                "delivery": delivery,
                "id": id,
                "kind": kind,
                "reason": reason,
                "recipient": recipient,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_address(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        address = _parse_address(d.pop("address"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        channel = d.pop("channel")

        def _parse_delivery(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivery = _parse_delivery(d.pop("delivery"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        recipient = d.pop("recipient")

        status = d.pop("status")

        sent_message_view = cls(
            address=address,
            at=at,
            channel=channel,
            delivery=delivery,
            id=id,
            kind=kind,
            reason=reason,
            recipient=recipient,
            status=status,
        )

        sent_message_view.additional_properties = d
        return sent_message_view

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
