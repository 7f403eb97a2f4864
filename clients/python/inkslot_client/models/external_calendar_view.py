from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fetch_outcome_view import FetchOutcomeView


T = TypeVar("T", bound="ExternalCalendarView")


@_attrs_define
class ExternalCalendarView:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        last_fetch (FetchOutcomeView | None):
        name (str):
        url (str):
    """

    created_at: datetime.datetime
    id: UUID
    last_fetch: FetchOutcomeView | None
    name: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.fetch_outcome_view import FetchOutcomeView  # noqa: PLC0415

        created_at = self.created_at.isoformat()

        id = str(self.id)

        last_fetch: dict[str, Any] | None
        if isinstance(self.last_fetch, FetchOutcomeView):
            last_fetch = self.last_fetch.to_dict()
        else:
            last_fetch = self.last_fetch

        name = self.name

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "id": id,
                "lastFetch": last_fetch,
                "name": name,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fetch_outcome_view import FetchOutcomeView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        def _parse_last_fetch(data: object) -> FetchOutcomeView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_fetch_type_0 = FetchOutcomeView.from_dict(data)

                return last_fetch_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FetchOutcomeView | None, data)

        last_fetch = _parse_last_fetch(d.pop("lastFetch"))

        name = d.pop("name")

        url = d.pop("url")

        external_calendar_view = cls(
            created_at=created_at,
            id=id,
            last_fetch=last_fetch,
            name=name,
            url=url,
        )

        external_calendar_view.additional_properties = d
        return external_calendar_view

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
