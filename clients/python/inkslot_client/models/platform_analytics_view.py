from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.breakdown_view import BreakdownView
    from ..models.period_view import PeriodView


T = TypeVar("T", bound="PlatformAnalyticsView")


@_attrs_define
class PlatformAnalyticsView:
    """
    Attributes:
        artist_id (None | UUID):
        artists (list[BreakdownView]):
        cities (list[BreakdownView]):
        city (None | str):
        from_ (datetime.date):
        granularity (str):
        periods (list[PeriodView]):
        to (datetime.date):
        total (PeriodView):
    """

    artist_id: None | UUID
    artists: list[BreakdownView]
    cities: list[BreakdownView]
    city: None | str
    from_: datetime.date
    granularity: str
    periods: list[PeriodView]
    to: datetime.date
    total: PeriodView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id: None | str
        if isinstance(self.artist_id, UUID):
            artist_id = str(self.artist_id)
        else:
            artist_id = self.artist_id

        artists = []
        for artists_item_data in self.artists:
            artists_item = artists_item_data.to_dict()
            artists.append(artists_item)

        cities = []
        for cities_item_data in self.cities:
            cities_item = cities_item_data.to_dict()
            cities.append(cities_item)

        city: None | str
        city = self.city

        from_ = self.from_.isoformat()

        granularity = self.granularity

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        to = self.to.isoformat()

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "artists": artists,
                "cities": cities,
                "city": city,
                "from": from_,
                "granularity": granularity,
                "periods": periods,
                "to": to,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown_view import BreakdownView  # noqa: PLC0415
        from ..models.period_view import PeriodView  # noqa: PLC0415

        d = dict(src_dict)

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

        artists = []
        _artists = d.pop("artists")
        for artists_item_data in _artists:
            artists_item = BreakdownView.from_dict(artists_item_data)

            artists.append(artists_item)

        cities = []
        _cities = d.pop("cities")
        for cities_item_data in _cities:
            cities_item = BreakdownView.from_dict(cities_item_data)

            cities.append(cities_item)

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        from_ = datetime.date.fromisoformat(d.pop("from"))

        granularity = d.pop("granularity")

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = PeriodView.from_dict(periods_item_data)

            periods.append(periods_item)

        to = datetime.date.fromisoformat(d.pop("to"))

        total = PeriodView.from_dict(d.pop("total"))

        platform_analytics_view = cls(
            artist_id=artist_id,
            artists=artists,
            cities=cities,
            city=city,
            from_=from_,
            granularity=granularity,
            periods=periods,
            to=to,
            total=total,
        )

        platform_analytics_view.additional_properties = d
        return platform_analytics_view

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
