from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LedgerEntryView")


@_attrs_define
class LedgerEntryView:
    """
    Attributes:
        amount (int):
        booking_id (None | UUID):
        created_at (datetime.datetime):
        currency (str):
        id (UUID):
        kind (str):
        note (None | str):
        recorded_by (None | UUID):
        reference (None | str):
        signed (int):
    """

    amount: int
    booking_id: None | UUID
    created_at: datetime.datetime
    currency: str
    id: UUID
    kind: str
    note: None | str
    recorded_by: None | UUID
    reference: None | str
    signed: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        booking_id: None | str
        if isinstance(self.booking_id, UUID):
            booking_id = str(self.booking_id)
        else:
            booking_id = self.booking_id

        created_at = self.created_at.isoformat()

        currency = self.currency

        id = str(self.id)

        kind = self.kind

        note: None | str
        note = self.note

        recorded_by: None | str
        if isinstance(self.recorded_by, UUID):
            recorded_by = str(self.recorded_by)
        else:
            recorded_by = self.recorded_by

        reference: None | str
        reference = self.reference

        signed = self.signed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "bookingId": booking_id,
                "createdAt": created_at,
                "currency": currency,
                "id": id,
                "kind": kind,
                "note": note,
                "recordedBy": recorded_by,
                "reference": reference,
                "signed": signed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_booking_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booking_id_type_0 = UUID(data)

                return booking_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        booking_id = _parse_booking_id(d.pop("bookingId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        currency = d.pop("currency")

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_recorded_by(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recorded_by_type_0 = UUID(data)

                return recorded_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recorded_by = _parse_recorded_by(d.pop("recordedBy"))

        def _parse_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reference = _parse_reference(d.pop("reference"))

        signed = d.pop("signed")

        ledger_entry_view = cls(
            amount=amount,
            booking_id=booking_id,
            created_at=created_at,
            currency=currency,
            id=id,
            kind=kind,
            note=note,
            recorded_by=recorded_by,
            reference=reference,
            signed=signed,
        )

        ledger_entry_view.additional_properties = d
        return ledger_entry_view

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
