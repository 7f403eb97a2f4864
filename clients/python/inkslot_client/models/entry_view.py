from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EntryView")


@_attrs_define
class EntryView:
    """
    Attributes:
        at (datetime.datetime):
        balance_after (int):
        expires_at (datetime.datetime | None):
        forgiven (int):
        id (UUID):
        kind (str):
        points (int):
        reason (str):
        sequence (int):
        source (None | str):
    """

    at: datetime.datetime
    balance_after: int
    expires_at: datetime.datetime | None
    forgiven: int
    id: UUID
    kind: str
    points: int
    reason: str
    sequence: int
    source: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        balance_after = self.balance_after

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        forgiven = self.forgiven

        id = str(self.id)

        kind = self.kind

        points = self.points

        reason = self.reason

        sequence = self.sequence

        source: None | str
        source = self.source

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "balanceAfter": balance_after,
                "expiresAt": expires_at,
                "forgiven": forgiven,
                "id": id,
                "kind": kind,
                "points": points,
                "reason": reason,
                "sequence": sequence,
                "source": source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        balance_after = d.pop("balanceAfter")

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expiresAt"))

        forgiven = d.pop("forgiven")

        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        points = d.pop("points")

        reason = d.pop("reason")

        sequence = d.pop("sequence")

        def _parse_source(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        source = _parse_source(d.pop("source"))

        entry_view = cls(
            at=at,
            balance_after=balance_after,
            expires_at=expires_at,
            forgiven=forgiven,
            id=id,
            kind=kind,
            points=points,
            reason=reason,
            sequence=sequence,
            source=source,
        )

        entry_view.additional_properties = d
        return entry_view

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
