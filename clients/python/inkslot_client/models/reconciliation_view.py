from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.difference_view import DifferenceView


T = TypeVar("T", bound="ReconciliationView")


@_attrs_define
class ReconciliationView:
    """
    Attributes:
        agrees (bool):
        checked_at (datetime.datetime):
        day (datetime.date):
        differences (list[DifferenceView]):
        gateway (str):
        recorded (int):
        reported (int):
    """

    agrees: bool
    checked_at: datetime.datetime
    day: datetime.date
    differences: list[DifferenceView]
    gateway: str
    recorded: int
    reported: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agrees = self.agrees

        checked_at = self.checked_at.isoformat()

        day = self.day.isoformat()

        differences = []
        for differences_item_data in self.differences:
            differences_item = differences_item_data.to_dict()
            differences.append(differences_item)

        gateway = self.gateway

        recorded = self.recorded

        reported = self.reported

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agrees": agrees,
                "checkedAt": checked_at,
                "day": day,
                "differences": differences,
                "gateway": gateway,
                "recorded": recorded,
                "reported": reported,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.difference_view import DifferenceView  # noqa: PLC0415

        d = dict(src_dict)
        agrees = d.pop("agrees")

        checked_at = datetime.datetime.fromisoformat(d.pop("checkedAt"))

        day = datetime.date.fromisoformat(d.pop("day"))

        differences = []
        _differences = d.pop("differences")
        for differences_item_data in _differences:
            differences_item = DifferenceView.from_dict(differences_item_data)

            differences.append(differences_item)

        gateway = d.pop("gateway")

        recorded = d.pop("recorded")

        reported = d.pop("reported")

        reconciliation_view = cls(
            agrees=agrees,
            checked_at=checked_at,
            day=day,
            differences=differences,
            gateway=gateway,
            recorded=recorded,
            reported=reported,
        )

        reconciliation_view.additional_properties = d
        return reconciliation_view

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
