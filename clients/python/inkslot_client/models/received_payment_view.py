from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReceivedPaymentView")


@_attrs_define
class ReceivedPaymentView:
    """
    Attributes:
        amount (int):
        currency (str):
        method (str):
        outcome (str):
        payment_id (str):
        received_at (datetime.datetime):
    """

    amount: int
    currency: str
    method: str
    outcome: str
    payment_id: str
    received_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        currency = self.currency

        method = self.method

        outcome = self.outcome

        payment_id = self.payment_id

        received_at = self.received_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "currency": currency,
                "method": method,
                "outcome": outcome,
                "paymentId": payment_id,
                "receivedAt": received_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        currency = d.pop("currency")

        method = d.pop("method")

        outcome = d.pop("outcome")

        payment_id = d.pop("paymentId")

        received_at = datetime.datetime.fromisoformat(d.pop("receivedAt"))

        received_payment_view = cls(
            amount=amount,
            currency=currency,
            method=method,
            outcome=outcome,
            payment_id=payment_id,
            received_at=received_at,
        )

        received_payment_view.additional_properties = d
        return received_payment_view

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
