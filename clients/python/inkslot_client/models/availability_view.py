from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.override_view import OverrideView
    from ..models.rule_view import RuleView


T = TypeVar("T", bound="AvailabilityView")


@_attrs_define
class AvailabilityView:
    """
    Attributes:
        artist_id (UUID):
        overrides (list[OverrideView]):
        rules (list[RuleView]):
        time_zone (str):
    """

    artist_id: UUID
    overrides: list[OverrideView]
    rules: list[RuleView]
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        overrides = []
        for overrides_item_data in self.overrides:
            overrides_item = overrides_item_data.to_dict()
            overrides.append(overrides_item)

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "overrides": overrides,
                "rules": rules,
                "timeZone": time_zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.override_view import OverrideView  # noqa: PLC0415
        from ..models.rule_view import RuleView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        overrides = []
        _overrides = d.pop("overrides")
        for overrides_item_data in _overrides:
            overrides_item = OverrideView.from_dict(overrides_item_data)

            overrides.append(overrides_item)

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = RuleView.from_dict(rules_item_data)

            rules.append(rules_item)

        time_zone = d.pop("timeZone")

        availability_view = cls(
            artist_id=artist_id,
            overrides=overrides,
            rules=rules,
            time_zone=time_zone,
        )

        availability_view.additional_properties = d
        return availability_view

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
