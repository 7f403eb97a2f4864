from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CancellationQuoteView")


@_attrs_define
class CancellationQuoteView:
    """
    Attributes:
        currency (str):
        free_until (datetime.datetime):
        kept_amount (int):
        may_move (bool):
        refund_amount (int):
    """

    currency: str
    free_until: datetime.datetime
    kept_amount: int
    may_move: bool
    refund_amount: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        free_until = self.free_until.isoformat()

        kept_amount = self.kept_amount

        may_move = self.may_move

        refund_amount = self.refund_amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "freeUntil": free_until,
                "keptAmount": kept_amount,
                "mayMove": may_move,
                "refundAmount": refund_amount,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        free_until = datetime.datetime.fromisoformat(d.pop("freeUntil"))

        kept_amount = d.pop("keptAmount")

        may_move = d.pop("mayMove")

        refund_amount = d.pop("refundAmount")

        cancellation_quote_view = cls(
            currency=currency,
            free_until=free_until,
            kept_amount=kept_amount,
            may_move=may_move,
            refund_amount=refund_amount,
        )

        cancellation_quote_view.additional_properties = d
        return cancellation_quote_view

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
