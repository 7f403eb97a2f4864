from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DifferenceView")


@_attrs_define
class DifferenceView:
    """
    Attributes:
        currency (str):
        kind (str):
        our_amount (int | None):
        payment_id (str):
        their_amount (int | None):
    """

    currency: str
    kind: str
    our_amount: int | None
    payment_id: str
    their_amount: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        kind = self.kind

        our_amount: int | None
        our_amount = self.our_amount

        payment_id = self.payment_id

        their_amount: int | None
        their_amount = self.their_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "kind": kind,
                "ourAmount": our_amount,
                "paymentId": payment_id,
                "theirAmount": their_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        kind = d.pop("kind")

        def _parse_our_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        our_amount = _parse_our_amount(d.pop("ourAmount"))

        payment_id = d.pop("paymentId")

        def _parse_their_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        their_amount = _parse_their_amount(d.pop("theirAmount"))

        difference_view = cls(
            currency=currency,
            kind=kind,
            our_amount=our_amount,
            payment_id=payment_id,
            their_amount=their_amount,
        )

        difference_view.additional_properties = d
        return difference_view

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
