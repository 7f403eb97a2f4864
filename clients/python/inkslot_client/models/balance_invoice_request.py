from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BalanceInvoiceRequest")


@_attrs_define
class BalanceInvoiceRequest:
    """
    Attributes:
        adjustment (int | Unset):  Default: 0.
        adjustment_reason (None | str | Unset):
        redeem_points (int | None | Unset):
    """

    adjustment: int | Unset = 0
    adjustment_reason: None | str | Unset = UNSET
    redeem_points: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjustment = self.adjustment

        adjustment_reason: None | str | Unset
        if isinstance(self.adjustment_reason, Unset):
            adjustment_reason = UNSET
        else:
            adjustment_reason = self.adjustment_reason

        redeem_points: int | None | Unset
        if isinstance(self.redeem_points, Unset):
            redeem_points = UNSET
        else:
            redeem_points = self.redeem_points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if adjustment is not UNSET:
            field_dict["adjustment"] = adjustment
        if adjustment_reason is not UNSET:
            field_dict["adjustmentReason"] = adjustment_reason
        if redeem_points is not UNSET:
            field_dict["redeemPoints"] = redeem_points

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        adjustment = d.pop("adjustment", UNSET)

        def _parse_adjustment_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adjustment_reason = _parse_adjustment_reason(d.pop("adjustmentReason", UNSET))

        def _parse_redeem_points(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        redeem_points = _parse_redeem_points(d.pop("redeemPoints", UNSET))

        balance_invoice_request = cls(
            adjustment=adjustment,
            adjustment_reason=adjustment_reason,
            redeem_points=redeem_points,
        )

        balance_invoice_request.additional_properties = d
        return balance_invoice_request

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
