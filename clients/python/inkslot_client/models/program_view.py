from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tier_view import TierView


T = TypeVar("T", bound="ProgramView")


@_attrs_define
class ProgramView:
    """
    Attributes:
        active (bool):
        artist_id (None | UUID):
        currency (str):
        expiry_days (int):
        id (UUID):
        max_share_percent (int):
        name (str):
        point_value (int):
        review_points (int):
        spend_per_point (int):
        tiers (list[TierView]):
        updated_at (datetime.datetime):
        version (int):
    """

    active: bool
    artist_id: None | UUID
    currency: str
    expiry_days: int
    id: UUID
    max_share_percent: int
    name: str
    point_value: int
    review_points: int
    spend_per_point: int
    tiers: list[TierView]
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active = self.active

        artist_id: None | str
        if isinstance(self.artist_id, UUID):
            artist_id = str(self.artist_id)
        else:
            artist_id = self.artist_id

        currency = self.currency

        expiry_days = self.expiry_days

        id = str(self.id)

        max_share_percent = self.max_share_percent

        name = self.name

        point_value = self.point_value

        review_points = self.review_points

        spend_per_point = self.spend_per_point

        tiers = []
        for tiers_item_data in self.tiers:
            tiers_item = tiers_item_data.to_dict()
            tiers.append(tiers_item)

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "artistId": artist_id,
                "currency": currency,
                "expiryDays": expiry_days,
                "id": id,
                "maxSharePercent": max_share_percent,
                "name": name,
                "pointValue": point_value,
                "reviewPoints": review_points,
                "spendPerPoint": spend_per_point,
                "tiers": tiers,
                "updatedAt": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tier_view import TierView  # noqa: PLC0415

        d = dict(src_dict)
        active = d.pop("active")

        def _parse_artist_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                artist_id_type_0 = UUID(data)

                return artist_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        artist_id = _parse_artist_id(d.pop("artistId"))

        currency = d.pop("currency")

        expiry_days = d.pop("expiryDays")

        id = UUID(d.pop("id"))

        max_share_percent = d.pop("maxSharePercent")

        name = d.pop("name")

        point_value = d.pop("pointValue")

        review_points = d.pop("reviewPoints")

        spend_per_point = d.pop("spendPerPoint")

        tiers = []
        _tiers = d.pop("tiers")
        for tiers_item_data in _tiers:
            tiers_item = TierView.from_dict(tiers_item_data)

            tiers.append(tiers_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        version = d.pop("version")

        program_view = cls(
            active=active,
            artist_id=artist_id,
            currency=currency,
            expiry_days=expiry_days,
            id=id,
            max_share_percent=max_share_percent,
            name=name,
            point_value=point_value,
            review_points=review_points,
            spend_per_point=spend_per_point,
            tiers=tiers,
            updated_at=updated_at,
            version=version,
        )

        program_view.additional_properties = d
        return program_view

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
