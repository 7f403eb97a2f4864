from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DepositInvoiceRequest")


@_attrs_define
class DepositInvoiceRequest:
    """
    Attributes:
        redeem_points (int | None | Unset):
    """

    redeem_points: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        redeem_points: int | None | Unset
        if isinstance(self.redeem_points, Unset):
            redeem_points = UNSET
        else:
            redeem_points = self.redeem_points

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if redeem_points is not UNSET:
            field_dict["redeemPoints"] = redeem_points

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_redeem_points(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        redeem_points = _parse_redeem_points(d.pop("redeemPoints", UNSET))

        deposit_invoice_request = cls(
            redeem_points=redeem_points,
        )

        deposit_invoice_request.additional_properties = d
        return deposit_invoice_request

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
