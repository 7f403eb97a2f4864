from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TransactionView")


@_attrs_define
class TransactionView:
    """
    Attributes:
        amount (int):
        artist_user_id (UUID):
        booking_id (UUID):
        created_at (datetime.datetime):
        currency (str):
        customer_id (UUID):
        id (UUID):
        kind (str):
        method (None | str):
        reference (None | str):
        settled_at (datetime.datetime | None):
        status (str):
        updated_at (datetime.datetime):
    """

    amount: int
    artist_user_id: UUID
    booking_id: UUID
    created_at: datetime.datetime
    currency: str
    customer_id: UUID
    id: UUID
    kind: str
    method: None | str
    reference: None | str
    settled_at: datetime.datetime | None
    status: str
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        artist_user_id = str(self.artist_user_id)

        booking_id = str(self.booking_id)

        created_at = self.created_at.isoformat()

        currency = self.currency

        customer_id = str(self.customer_id)

        id = str(self.id)

        kind = self.kind

        method: None | str
        method = self.method

        reference: None | str
        reference = self.reference

        settled_at: None | str
        if isinstance(self.settled_at, datetime.datetime):
            settled_at = self.settled_at.isoformat()
        else:
            settled_at = self.settled_at

        status = self.status

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "artistUserId": artist_user_id,
                "bookingId": booking_id,
                "createdAt": created_at,
                "currency": currency,
                "customerId": customer_id,
                "id": id,
                "kind": kind,
                "method": method,
                "reference": reference,
                "settledAt": settled_at,
                "status": status,
                "updatedAt": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        artist_user_id = UUID(d.pop("artistUserId"))

        booking_id = UUID(d.pop("bookingId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        currency = d.pop("currency")

        customer_id = UUID(d.pop("customerId"))

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_method(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        method = _parse_method(d.pop("method"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        def _parse_settled_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                settled_at_type_0 = datetime.datetime.fromisoformat(data)

                return settled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        settled_at = _parse_settled_at(d.pop("settledAt"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        transaction_view = cls(
            amount=amount,
            artist_user_id=artist_user_id,
            booking_id=booking_id,
            created_at=created_at,
            currency=currency,
            customer_id=customer_id,
            id=id,
            kind=kind,
            method=method,
            reference=reference,
            settled_at=settled_at,
            status=status,
            updated_at=updated_at,
        )

        transaction_view.additional_properties = d
        return transaction_view

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
