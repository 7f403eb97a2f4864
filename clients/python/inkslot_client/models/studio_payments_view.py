from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.studio_payment_view import StudioPaymentView


T = TypeVar("T", bound="StudioPaymentsView")


@_attrs_define
class StudioPaymentsView:
    """
    Attributes:
        amount_paid (int):
        amount_refunded (int):
        currency (str):
        due_balance (int | None):
        due_deposit (int | None):
        items (list[StudioPaymentView]):
        paid_in_full (bool):
        payment_status (str):
    """

    amount_paid: int
    amount_refunded: int
    currency: str
    due_balance: int | None
    due_deposit: int | None
    items: list[StudioPaymentView]
    paid_in_full: bool
    payment_status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_paid = self.amount_paid

        amount_refunded = self.amount_refunded

        currency = self.currency

        due_balance: int | None
        due_balance = self.due_balance

        due_deposit: int | None
        due_deposit = self.due_deposit

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        paid_in_full = self.paid_in_full

        payment_status = self.payment_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amountPaid": amount_paid,
                "amountRefunded": amount_refunded,
                "currency": currency,
                "dueBalance": due_balance,
                "dueDeposit": due_deposit,
                "items": items,
                "paidInFull": paid_in_full,
                "paymentStatus": payment_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.studio_payment_view import StudioPaymentView  # noqa: PLC0415

        d = dict(src_dict)
        amount_paid = d.pop("amountPaid")

        amount_refunded = d.pop("amountRefunded")

        currency = d.pop("currency")

        def _parse_due_balance(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        due_balance = _parse_due_balance(d.pop("dueBalance"))

        def _parse_due_deposit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        due_deposit = _parse_due_deposit(d.pop("dueDeposit"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = StudioPaymentView.from_dict(items_item_data)

            items.append(items_item)

        paid_in_full = d.pop("paidInFull")

        payment_status = d.pop("paymentStatus")

        studio_payments_view = cls(
            amount_paid=amount_paid,
            amount_refunded=amount_refunded,
            currency=currency,
            due_balance=due_balance,
            due_deposit=due_deposit,
            items=items,
            paid_in_full=paid_in_full,
            payment_status=payment_status,
        )

        studio_payments_view.additional_properties = d
        return studio_payments_view

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
