from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SessionStartsView")


@_attrs_define
class SessionStartsView:
    """
    Attributes:
        items (list[datetime.datetime]):
        next_from (datetime.datetime | None | Unset):
    """

    items: list[datetime.datetime]
    next_from: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.isoformat()
            items.append(items_item)

        next_from: None | str | Unset
        if isinstance(self.next_from, Unset):
            next_from = UNSET
        elif isinstance(self.next_from, datetime.datetime):
            next_from = self.next_from.isoformat()
        else:
            next_from = self.next_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
            }
        )
        if next_from is not UNSET:
            field_dict["nextFrom"] = next_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = datetime.datetime.fromisoformat(items_item_data)

            items.append(items_item)

        def _parse_next_from(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_from_type_0 = datetime.datetime.fromisoformat(data)

                return next_from_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        next_from = _parse_next_from(d.pop("nextFrom", UNSET))

        session_starts_view = cls(
            items=items,
            next_from=next_from,
        )

        session_starts_view.additional_properties = d
        return session_starts_view

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
