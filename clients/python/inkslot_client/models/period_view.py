from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.revenue_view import RevenueView


T = TypeVar("T", bound="PeriodView")


@_attrs_define
class PeriodView:
    """
    Attributes:
        available_seconds (int | None):
        booked_seconds (int):
        bookings (int):
        cancellation_rate (float | None):
        cancelled (int):
        mean_lead_seconds (int | None):
        no_show_rate (float | None):
        no_shows (int):
        revenue (list[RevenueView]):
        start (datetime.date):
        utilisation (float | None):
    """

    available_seconds: int | None
    booked_seconds: int
    bookings: int
    cancellation_rate: float | None
    cancelled: int
    mean_lead_seconds: int | None
    no_show_rate: float | None
    no_shows: int
    revenue: list[RevenueView]
    start: datetime.date
    utilisation: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available_seconds: int | None
        available_seconds = self.available_seconds

        booked_seconds = self.booked_seconds

        bookings = self.bookings

        cancellation_rate: float | None
        cancellation_rate = self.cancellation_rate

        cancelled = self.cancelled

        mean_lead_seconds: int | None
        mean_lead_seconds = self.mean_lead_seconds

        no_show_rate: float | None
        no_show_rate = self.no_show_rate

        no_shows = self.no_shows

        revenue = []
        for revenue_item_data in self.revenue:
            revenue_item = revenue_item_data.to_dict()
            revenue.append(revenue_item)

        start = self.start.isoformat()

        utilisation: float | None
        utilisation = self.utilisation

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "availableSeconds": available_seconds,
                "bookedSeconds": booked_seconds,
                "bookings": bookings,
                "cancellationRate": cancellation_rate,
                "cancelled": cancelled,
                "meanLeadSeconds": mean_lead_seconds,
                "noShowRate": no_show_rate,
                "noShows": no_shows,
                "revenue": revenue,
                "start": start,
                "utilisation": utilisation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.revenue_view import RevenueView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_available_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        available_seconds = _parse_available_seconds(d.pop("availableSeconds"))

        booked_seconds = d.pop("bookedSeconds")

        bookings = d.pop("bookings")

        def _parse_cancellation_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        cancellation_rate = _parse_cancellation_rate(d.pop("cancellationRate"))

        cancelled = d.pop("cancelled")

        def _parse_mean_lead_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        mean_lead_seconds = _parse_mean_lead_seconds(d.pop("meanLeadSeconds"))

        def _parse_no_show_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        no_show_rate = _parse_no_show_rate(d.pop("noShowRate"))

        no_shows = d.pop("noShows")

        revenue = []
        _revenue = d.pop("revenue")
        for revenue_item_data in _revenue:
            revenue_item = RevenueView.from_dict(revenue_item_data)

            revenue.append(revenue_item)

        start = datetime.date.fromisoformat(d.pop("start"))

        def _parse_utilisation(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        utilisation = _parse_utilisation(d.pop("utilisation"))

        period_view = cls(
            available_seconds=available_seconds,
            booked_seconds=booked_seconds,
            bookings=bookings,
            cancellation_rate=cancellation_rate,
            cancelled=cancelled,
            mean_lead_seconds=mean_lead_seconds,
            no_show_rate=no_show_rate,
            no_shows=no_shows,
            revenue=revenue,
            start=start,
            utilisation=utilisation,
        )

        period_view.additional_properties = d
        return period_view

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
