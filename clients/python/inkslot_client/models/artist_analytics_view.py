from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.analytics_service_view import AnalyticsServiceView
    from ..models.method_revenue_view import MethodRevenueView
    from ..models.period_view import PeriodView


T = TypeVar("T", bound="ArtistAnalyticsView")


@_attrs_define
class ArtistAnalyticsView:
    """
    Attributes:
        artist_id (UUID):
        customers (int):
        from_ (datetime.date):
        granularity (str):
        periods (list[PeriodView]):
        repeat_customers (int):
        revenue_by_method (list[MethodRevenueView]):
        time_zone (str):
        to (datetime.date):
        top_services (list[AnalyticsServiceView]):
        total (PeriodView):
    """

    artist_id: UUID
    customers: int
    from_: datetime.date
    granularity: str
    periods: list[PeriodView]
    repeat_customers: int
    revenue_by_method: list[MethodRevenueView]
    time_zone: str
    to: datetime.date
    top_services: list[AnalyticsServiceView]
    total: PeriodView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        artist_id = str(self.artist_id)

        customers = self.customers

        from_ = self.from_.isoformat()

        granularity = self.granularity

        periods = []
        for periods_item_data in self.periods:
            periods_item = periods_item_data.to_dict()
            periods.append(periods_item)

        repeat_customers = self.repeat_customers

        revenue_by_method = []
        for revenue_by_method_item_data in self.revenue_by_method:
            revenue_by_method_item = revenue_by_method_item_data.to_dict()
            revenue_by_method.append(revenue_by_method_item)

        time_zone = self.time_zone

        to = self.to.isoformat()

        top_services = []
        for top_services_item_data in self.top_services:
            top_services_item = top_services_item_data.to_dict()
            top_services.append(top_services_item)

        total = self.total.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "customers": customers,
                "from": from_,
                "granularity": granularity,
                "periods": periods,
                "repeatCustomers": repeat_customers,
                "revenueByMethod": revenue_by_method,
                "timeZone": time_zone,
                "to": to,
                "topServices": top_services,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.analytics_service_view import AnalyticsServiceView  # noqa: PLC0415
        from ..models.method_revenue_view import MethodRevenueView  # noqa: PLC0415
        from ..models.period_view import PeriodView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        customers = d.pop("customers")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        granularity = d.pop("granularity")

        periods = []
        _periods = d.pop("periods")
        for periods_item_data in _periods:
            periods_item = PeriodView.from_dict(periods_item_data)

            periods.append(periods_item)

        repeat_customers = d.pop("repeatCustomers")

        revenue_by_method = []
        _revenue_by_method = d.pop("revenueByMethod")
        for revenue_by_method_item_data in _revenue_by_method:
            revenue_by_method_item = MethodRevenueView.from_dict(revenue_by_method_item_data)

            revenue_by_method.append(revenue_by_method_item)

        time_zone = d.pop("timeZone")

        to = datetime.date.fromisoformat(d.pop("to"))

        top_services = []
        _top_services = d.pop("topServices")
        for top_services_item_data in _top_services:
            top_services_item = AnalyticsServiceView.from_dict(top_services_item_data)

            top_services.append(top_services_item)

        total = PeriodView.from_dict(d.pop("total"))

        artist_analytics_view = cls(
            artist_id=artist_id,
            customers=customers,
            from_=from_,
            granularity=granularity,
            periods=periods,
            repeat_customers=repeat_customers,
            revenue_by_method=revenue_by_method,
            time_zone=time_zone,
            to=to,
            top_services=top_services,
            total=total,
        )

        artist_analytics_view.additional_properties = d
        return artist_analytics_view

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
