from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BookingEventView")


@_attrs_define
class BookingEventView:
    """
    Attributes:
        actor_id (None | UUID):
        actor_role (None | str):
        at (datetime.datetime):
        from_ (None | str):
        kind (str):
        to (str):
        version (int):
        amount (int | None | Unset):
        currency (None | str | Unset):
        reason (None | str | Unset):
    """

    actor_id: None | UUID
    actor_role: None | str
    at: datetime.datetime
    from_: None | str
    kind: str
    to: str
    version: int
    amount: int | None | Unset = UNSET
    currency: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        actor_role: None | str
        actor_role = self.actor_role

        at = self.at.isoformat()

        from_: None | str
        from_ = self.from_

        kind = self.kind

        to = self.to

        version = self.version

        amount: int | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actorId": actor_id,
                "actorRole": actor_role,
                "at": at,
                "from": from_,
                "kind": kind,
                "to": to,
                "version": version,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actorId"))

        def _parse_actor_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_role = _parse_actor_role(d.pop("actorRole"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_from_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_ = _parse_from_(d.pop("from"))

        kind = d.pop("kind")

        to = d.pop("to")

        version = d.pop("version")

        def _parse_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        booking_event_view = cls(
            actor_id=actor_id,
            actor_role=actor_role,
            at=at,
            from_=from_,
            kind=kind,
            to=to,
            version=version,
            amount=amount,
            currency=currency,
            reason=reason,
        )

        booking_event_view.additional_properties = d
        return booking_event_view

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
