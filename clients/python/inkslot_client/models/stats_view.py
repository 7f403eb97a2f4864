from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StatsView")


@_attrs_define
class StatsView:
    """
    Attributes:
        accepted (int):
        days (int):
        declined (int):
        fill_rate_percent (int | None):
        filled (int):
        lapsed (int):
        offers (int):
        open_ (int):
        slots (int):
        waiting (int):
        withdrawn (int):
    """

    accepted: int
    days: int
    declined: int
    fill_rate_percent: int | None
    filled: int
    lapsed: int
    offers: int
    open_: int
    slots: int
    waiting: int
    withdrawn: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        accepted = self.accepted

        days = self.days

        declined = self.declined

        fill_rate_percent: int | None
        fill_rate_percent = self.fill_rate_percent

        filled = self.filled

        lapsed = self.lapsed

        offers = self.offers

        open_ = self.open_

        slots = self.slots

        waiting = self.waiting

        withdrawn = self.withdrawn

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "accepted": accepted,
                "days": days,
                "declined": declined,
                "fillRatePercent": fill_rate_percent,
                "filled": filled,
                "lapsed": lapsed,
                "offers": offers,
                "open": open_,
                "slots": slots,
                "waiting": waiting,
                "withdrawn": withdrawn,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accepted = d.pop("accepted")

        days = d.pop("days")

        declined = d.pop("declined")

        def _parse_fill_rate_percent(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        fill_rate_percent = _parse_fill_rate_percent(d.pop("fillRatePercent"))

        filled = d.pop("filled")

        lapsed = d.pop("lapsed")

        offers = d.pop("offers")

        open_ = d.pop("open")

        slots = d.pop("slots")

        waiting = d.pop("waiting")

        withdrawn = d.pop("withdrawn")

        stats_view = cls(
            accepted=accepted,
            days=days,
            declined=declined,
            fill_rate_percent=fill_rate_percent,
            filled=filled,
            lapsed=lapsed,
            offers=offers,
            open_=open_,
            slots=slots,
            waiting=waiting,
            withdrawn=withdrawn,
        )

        stats_view.additional_properties = d
        return stats_view

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
