from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RevenueView")


@_attrs_define
class RevenueView:
    """
    Attributes:
        awaiting_settlement (int):
        balances_paid (int):
        currency (str):
        deposits_paid (int):
        refunded (int):
    """

    awaiting_settlement: int
    balances_paid: int
    currency: str
    deposits_paid: int
    refunded: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        awaiting_settlement = self.awaiting_settlement

        balances_paid = self.balances_paid

        currency = self.currency

        deposits_paid = self.deposits_paid

        refunded = self.refunded

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "awaitingSettlement": awaiting_settlement,
                "balancesPaid": balances_paid,
                "currency": currency,
                "depositsPaid": deposits_paid,
                "refunded": refunded,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        awaiting_settlement = d.pop("awaitingSettlement")

        balances_paid = d.pop("balancesPaid")

        currency = d.pop("currency")

        deposits_paid = d.pop("depositsPaid")

        refunded = d.pop("refunded")

        revenue_view = cls(
            awaiting_settlement=awaiting_settlement,
            balances_paid=balances_paid,
            currency=currency,
            deposits_paid=deposits_paid,
            refunded=refunded,
        )

        revenue_view.additional_properties = d
        return revenue_view

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
