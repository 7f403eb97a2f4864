from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MethodRevenueView")


@_attrs_define
class MethodRevenueView:
    """
    Attributes:
        currency (str):
        given_back (int):
        method (str):
        received (int):
    """

    currency: str
    given_back: int
    method: str
    received: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        given_back = self.given_back

        method = self.method

        received = self.received

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "givenBack": given_back,
                "method": method,
                "received": received,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        currency = d.pop("currency")

        given_back = d.pop("givenBack")

        method = d.pop("method")

        received = d.pop("received")

        method_revenue_view = cls(
            currency=currency,
            given_back=given_back,
            method=method,
            received=received,
        )

        method_revenue_view.additional_properties = d
        return method_revenue_view

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
