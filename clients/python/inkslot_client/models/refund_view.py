from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RefundView")


@_attrs_define
class RefundView:
    """
    Attributes:
        amount (int):
        booking_id (UUID):
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        method (None | str):
        payment_id (None | str):
        reason (str):
        settled_at (datetime.datetime | None):
        settlement_note (None | str):
        status (str):
    """

    amount: int
    booking_id: UUID
    created_at: datetime.datetime
    currency: str
    id: UUID
    method: None | str
    payment_id: None | str
    reason: str
    settled_at: datetime.datetime | None
    settlement_note: None | str
    status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        booking_id = str(self.booking_id)

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        method: None | str
        method = self.method

        payment_id: None | str
        payment_id = self.payment_id

        reason = self.reason

        settled_at: None | str
        if isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        settlement_note: None | str
        settlement_note = self.settlement_note

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "bookingId": booking_id,
                "createdAt": created_at,
                "currency": currency,
                "id": id,
                "method": method,
                "paymentId": payment_id,
                "reason": reason,
                "settledAt": settled_at,
                "settlementNote": settlement_note,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        booking_id = UUID(d.pop("bookingId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        def _parse_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        method = _parse_method(d.pop("method"))

        def _parse_payment_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payment_id = _parse_payment_id(d.pop("paymentId"))

        reason = d.pop("reason")

        def _parse_settled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        settled_at = _parse_settled_at(d.pop("settledAt"))

        def _parse_settlement_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        settlement_note = _parse_settlement_note(d.pop("settlementNote"))

        status = d.pop("status")

        refund_view = cls(
            amount=amount,
            booking_id=booking_id,
            created_at=created_at,
            currency=currency,
            id=id,
            method=method,
            payment_id=payment_id,
            reason=reason,
            settled_at=settled_at,
            settlement_note=settlement_note,
            status=status,
        )

        refund_view.additional_properties = d
        return refund_view

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
