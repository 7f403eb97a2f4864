from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.studio_kind import StudioKind
from ..models.studio_method import StudioMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="StudioPaymentCreate")


@_attrs_define
class StudioPaymentCreate:
    """
    Attributes:
        amount (int):
        kind (StudioKind):
        method (StudioMethod):
        note (None | str | Unset):
    """

    amount: int
    kind: StudioKind
    method: StudioMethod
    note: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        kind = self.kind.value

        method = self.method.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "kind": kind,
                "method": method,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        kind = StudioKind(d.pop("kind"))

        method = StudioMethod(d.pop("method"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        studio_payment_create = cls(
            amount=amount,
            kind=kind,
            method=method,
            note=note,
        )

        studio_payment_create.additional_properties = d
        return studio_payment_create

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
