from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tier_dto import TierDto


T = TypeVar("T", bound="ProgramBody")


@_attrs_define
class ProgramBody:
    """
    Attributes:
        active (bool):
        currency (str):
        expiry_days (int):
        max_share_percent (int):
        point_value (int):
        spend_per_point (int):
        review_points (int | Unset):  Default: 0.
        tiers (list[TierDto] | Unset):
    """

    active: bool
    currency: str
    expiry_days: int
    max_share_percent: int
    point_value: int
    spend_per_point: int
    review_points: int | Unset = 0
    tiers: list[TierDto] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        currency = self.currency

        expiry_days = self.expiry_days

        max_share_percent = self.max_share_percent

        point_value = self.point_value

        spend_per_point = self.spend_per_point

        review_points = self.review_points

        tiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tiers, Unset):
            tiers = []
            for tiers_item_data in self.tiers:
                tiers_item = tiers_item_data.to_dict()
                tiers.append(tiers_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "currency": currency,
                "expiryDays": expiry_days,
                "maxSharePercent": max_share_percent,
                "pointValue": point_value,
                "spendPerPoint": spend_per_point,
            }
        )
        if review_points is not UNSET:
            field_dict["reviewPoints"] = review_points
        if tiers is not UNSET:
            field_dict["tiers"] = tiers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tier_dto import TierDto  # noqa: PLC0415

        d = dict(src_dict)
        active = d.pop("active")

        currency = d.pop("currency")

        expiry_days = d.pop("expiryDays")

        max_share_percent = d.pop("maxSharePercent")

        point_value = d.pop("pointValue")

        spend_per_point = d.pop("spendPerPoint")

        review_points = d.pop("reviewPoints", UNSET)

        _tiers = d.pop("tiers", UNSET)
        tiers: list[TierDto] | Unset = UNSET
        if _tiers is not UNSET:
            tiers = []
            for tiers_item_data in _tiers:
                tiers_item = TierDto.from_dict(tiers_item_data)

                tiers.append(tiers_item)

        program_body = cls(
            active=active,
            currency=currency,
            expiry_days=expiry_days,
            max_share_percent=max_share_percent,
            point_value=point_value,
            spend_per_point=spend_per_point,
            review_points=review_points,
            tiers=tiers,
        )

        program_body.additional_properties = d
        return program_body

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
