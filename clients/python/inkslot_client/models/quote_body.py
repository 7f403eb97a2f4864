from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuoteBody")


@_attrs_define
class QuoteBody:
    """
    Attributes:
        expires_at (datetime.datetime): ISO 8601 with a UTC offset
        price_max (int):
        price_min (int):
        session_minutes (int):
        sessions (int):
        currency (str | Unset):  Default: 'MNT'.
        deposit (int | Unset):  Default: 0.
        gap_days (int | Unset):  Default: 0.
        note (str | Unset):  Default: ''.
    """

    expires_at: datetime.datetime
    price_max: int
    price_min: int
    session_minutes: int
    sessions: int
    currency: str | Unset = "MNT"
    deposit: int | Unset = 0
    gap_days: int | Unset = 0
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        price_max = self.price_max

        price_min = self.price_min

        session_minutes = self.session_minutes

        sessions = self.sessions

        currency = self.currency

        deposit = self.deposit

        gap_days = self.gap_days

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expiresAt": expires_at,
                "priceMax": price_max,
                "priceMin": price_min,
                "sessionMinutes": session_minutes,
                "sessions": sessions,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if deposit is not UNSET:
            field_dict["deposit"] = deposit
        if gap_days is not UNSET:
            field_dict["gapDays"] = gap_days
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        price_max = d.pop("priceMax")

        price_min = d.pop("priceMin")

        session_minutes = d.pop("sessionMinutes")

        sessions = d.pop("sessions")

        currency = d.pop("currency", UNSET)

        deposit = d.pop("deposit", UNSET)

        gap_days = d.pop("gapDays", UNSET)

        note = d.pop("note", UNSET)

        quote_body = cls(
            expires_at=expires_at,
            price_max=price_max,
            price_min=price_min,
            session_minutes=session_minutes,
            sessions=sessions,
            currency=currency,
            deposit=deposit,
            gap_days=gap_days,
            note=note,
        )

        quote_body.additional_properties = d
        return quote_body

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
