from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.studio_column_view import StudioColumnView


T = TypeVar("T", bound="StudioDayView")


@_attrs_define
class StudioDayView:
    """
    Attributes:
        columns (list[StudioColumnView]):
        date (datetime.date):
        studio_id (UUID):
        time_zone (str):
    """

    columns: list[StudioColumnView]
    date: datetime.date
    studio_id: UUID
    time_zone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        columns = []
        for columns_item_data in self.columns:
            columns_item = columns_item_data.to_dict()
            columns.append(columns_item)

        date = self.date.isoformat()

        studio_id = str(self.studio_id)

        time_zone = self.time_zone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "columns": columns,
                "date": date,
                "studioId": studio_id,
                "timeZone": time_zone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.studio_column_view import StudioColumnView  # noqa: PLC0415

        d = dict(src_dict)
        columns = []
        _columns = d.pop("columns")
        for columns_item_data in _columns:
            columns_item = StudioColumnView.from_dict(columns_item_data)

            columns.append(columns_item)

        date = datetime.date.fromisoformat(d.pop("date"))

        studio_id = UUID(d.pop("studioId"))

        time_zone = d.pop("timeZone")

        studio_day_view = cls(
            columns=columns,
            date=date,
            studio_id=studio_id,
            time_zone=time_zone,
        )

        studio_day_view.additional_properties = d
        return studio_day_view

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
