from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StudioPaymentView")


@_attrs_define
class StudioPaymentView:
    """
    Attributes:
        amount (int):
        booking_id (UUID):
        currency (str):
        id (UUID):
        kind (str):
        method (str):
        note (None | str):
        receipt_label (str):
        receipt_number (int):
        recorded_at (datetime.datetime):
        refunded (int):
        refunded_at (datetime.datetime | None):
        receipt_url (None | str | Unset):
    """

    amount: int
    booking_id: UUID
    currency: str
    id: UUID
    kind: str
    method: str
    note: None | str
    receipt_label: str
    receipt_number: int
    recorded_at: datetime.datetime
    refunded: int
    refunded_at: datetime.datetime | None
    receipt_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        booking_id = str(self.booking_id)

        currency = self.currency

        id = str(self.id)

        kind = self.kind

        method = self.method

        note: None | str
        note = self.note

        receipt_label = self.receipt_label

        receipt_number = self.receipt_number

        recorded_at = self.recorded_at.isoformat()

        refunded = self.refunded

        refunded_at: None | str
        if isinstance(self.refunded_at, datetime.datetime):
            refunded_at = self.refunded_at.isoformat()
        else:
            refunded_at = self.refunded_at

        receipt_url: None | str | Unset
        if isinstance(self.receipt_url, Unset):
            receipt_url = UNSET
        else:
            receipt_url = self.receipt_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "bookingId": booking_id,
                "currency": currency,
                "id": id,
                "kind": kind,
                "method": method,
                "note": note,
                "receiptLabel": receipt_label,
                "receiptNumber": receipt_number,
                "recordedAt": recorded_at,
                "refunded": refunded,
                "refundedAt": refunded_at,
            }
        )
        if receipt_url is not UNSET:
            field_dict["receiptUrl"] = receipt_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        booking_id = UUID(d.pop("bookingId"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        method = d.pop("method")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        receipt_label = d.pop("receiptLabel")

        receipt_number = d.pop("receiptNumber")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recordedAt"))

        refunded = d.pop("refunded")

        def _parse_refunded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                refunded_at_type_0 = datetime.datetime.fromisoformat(data)

                return refunded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        refunded_at = _parse_refunded_at(d.pop("refundedAt"))

        def _parse_receipt_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        receipt_url = _parse_receipt_url(d.pop("receiptUrl", UNSET))

        studio_payment_view = cls(
            amount=amount,
            booking_id=booking_id,
            currency=currency,
            id=id,
            kind=kind,
            method=method,
            note=note,
            receipt_label=receipt_label,
            receipt_number=receipt_number,
            recorded_at=recorded_at,
            refunded=refunded,
            refunded_at=refunded_at,
            receipt_url=receipt_url,
        )

        studio_payment_view.additional_properties = d
        return studio_payment_view

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
