from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.link_counts_view import LinkCountsView


T = TypeVar("T", bound="BookingLinkView")


@_attrs_define
class BookingLinkView:
    """
    Attributes:
        created_at (datetime.datetime):
        id (UUID):
        last_30_days (LinkCountsView):
        service_id (None | UUID):
        token (str):
        token_created_at (datetime.datetime):
        total (LinkCountsView):
        url (str):
    """

    created_at: datetime.datetime
    id: UUID
    last_30_days: LinkCountsView
    service_id: None | UUID
    token: str
    token_created_at: datetime.datetime
    total: LinkCountsView
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        id = str(self.id)

        last_30_days = self.last_30_days.to_dict()

        service_id: None | str
        if isinstance(self.service_id, UUID):
            service_id = str(self.service_id)
        else:
            service_id = self.service_id

        token = self.token

        token_created_at = self.token_created_at.isoformat()

        total = self.total.to_dict()

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "createdAt": created_at,
                "id": id,
                "last30Days": last_30_days,
                "serviceId": service_id,
                "token": token,
                "tokenCreatedAt": token_created_at,
                "total": total,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.link_counts_view import LinkCountsView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        id = UUID(d.pop("id"))

        last_30_days = LinkCountsView.from_dict(d.pop("last30Days"))

        def _parse_service_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                service_id_type_0 = UUID(data)

                return service_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        service_id = _parse_service_id(d.pop("serviceId"))

        token = d.pop("token")

        token_created_at = datetime.datetime.fromisoformat(d.pop("tokenCreatedAt"))

        total = LinkCountsView.from_dict(d.pop("total"))

        url = d.pop("url")

        booking_link_view = cls(
            created_at=created_at,
            id=id,
            last_30_days=last_30_days,
            service_id=service_id,
            token=token,
            token_created_at=token_created_at,
            total=total,
            url=url,
        )

        booking_link_view.additional_properties = d
        return booking_link_view

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
