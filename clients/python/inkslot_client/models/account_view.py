from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountView")


@_attrs_define
class AccountView:
    """
    Attributes:
        balance (int):
        collected (int):
        currency (str):
        entries (int):
        fees (int):
        fees_returned (int):
        owed (int):
        paid_out (int):
        refunded (int):
        updated_at (datetime.datetime | None):
        discounts_credited (int | Unset):  Default: 0.
        paid_to_own_account (int | Unset):  Default: 0.
    """

    balance: int
    collected: int
    currency: str
    entries: int
    fees: int
    fees_returned: int
    owed: int
    paid_out: int
    refunded: int
    updated_at: datetime.datetime | None
    discounts_credited: int | Unset = 0
    paid_to_own_account: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        collected = self.collected

        currency = self.currency

        entries = self.entries

        fees = self.fees

        fees_returned = self.fees_returned

        owed = self.owed

        paid_out = self.paid_out

        refunded = self.refunded

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        discounts_credited = self.discounts_credited

        paid_to_own_account = self.paid_to_own_account

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "collected": collected,
                "currency": currency,
                "entries": entries,
                "fees": fees,
                "feesReturned": fees_returned,
                "owed": owed,
                "paidOut": paid_out,
                "refunded": refunded,
                "updatedAt": updated_at,
            }
        )
        if discounts_credited is not UNSET:
            field_dict["discountsCredited"] = discounts_credited
        if paid_to_own_account is not UNSET:
            field_dict["paidToOwnAccount"] = paid_to_own_account

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        collected = d.pop("collected")

        currency = d.pop("currency")

        entries = d.pop("entries")

        fees = d.pop("fees")

        fees_returned = d.pop("feesReturned")

        owed = d.pop("owed")

        paid_out = d.pop("paidOut")

        refunded = d.pop("refunded")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updatedAt"))

        discounts_credited = d.pop("discountsCredited", UNSET)

        paid_to_own_account = d.pop("paidToOwnAccount", UNSET)

        account_view = cls(
            balance=balance,
            collected=collected,
            currency=currency,
            entries=entries,
            fees=fees,
            fees_returned=fees_returned,
            owed=owed,
            paid_out=paid_out,
            refunded=refunded,
            updated_at=updated_at,
            discounts_credited=discounts_credited,
            paid_to_own_account=paid_to_own_account,
        )

        account_view.additional_properties = d
        return account_view

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
