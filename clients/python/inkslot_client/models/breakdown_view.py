from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.period_view import PeriodView


T = TypeVar("T", bound="BreakdownView")


@_attrs_define
class BreakdownView:
    """
    Attributes:
        figures (PeriodView):
        key (str):
        label (str):
    """

    figures: PeriodView
    key: str
    label: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        figures = self.figures.to_dict()

        key = self.key

        label = self.label

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "figures": figures,
                "key": key,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.period_view import PeriodView  # noqa: PLC0415

        d = dict(src_dict)
        figures = PeriodView.from_dict(d.pop("figures"))

        key = d.pop("key")

        label = d.pop("label")

        breakdown_view = cls(
            figures=figures,
            key=key,
            label=label,
        )

        breakdown_view.additional_properties = d
        return breakdown_view

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
