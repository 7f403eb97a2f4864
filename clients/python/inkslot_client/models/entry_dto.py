from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.offer_view import OfferView


T = TypeVar("T", bound="EntryDto")


@_attrs_define
class EntryDto:
    """
    Attributes:
        artist_id (UUID):
        first_date (datetime.date):
        id (UUID):
        joined_at (datetime.datetime):
        last_date (datetime.date):
        offer (None | OfferView):
        service_id (UUID):
        status (str):
        updated_at (datetime.datetime):
        version (int):
    """

    artist_id: UUID
    first_date: datetime.date
    id: UUID
    joined_at: datetime.datetime
    last_date: datetime.date
    offer: None | OfferView
    service_id: UUID
    status: str
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.offer_view import OfferView  # noqa: PLC0415

        artist_id = str(self.artist_id)

        first_date = self.first_date.isoformat()

        id = str(self.id)

        joined_at = self.joined_at.isoformat()

        last_date = self.last_date.isoformat()

        offer: dict[str, Any] | None
        if isinstance(self.offer, OfferView):
            offer = self.offer.to_dict()
        else:
            offer = self.offer

        service_id = str(self.service_id)

        status = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "firstDate": first_date,
                "id": id,
                "joinedAt": joined_at,
                "lastDate": last_date,
                "offer": offer,
                "serviceId": service_id,
                "status": status,
                "updatedAt": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offer_view import OfferView  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        first_date = datetime.date.fromisoformat(d.pop("firstDate"))

        id = UUID(d.pop("id"))

        joined_at = datetime.datetime.fromisoformat(d.pop("joinedAt"))

        last_date = datetime.date.fromisoformat(d.pop("lastDate"))

        def _parse_offer(data: object) -> None | OfferView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                offer_type_0 = OfferView.from_dict(data)

                return offer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OfferView, data)

        offer = _parse_offer(d.pop("offer"))

        service_id = UUID(d.pop("serviceId"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        version = d.pop("version")

        entry_dto = cls(
            artist_id=artist_id,
            first_date=first_date,
            id=id,
            joined_at=joined_at,
            last_date=last_date,
            offer=offer,
            service_id=service_id,
            status=status,
            updated_at=updated_at,
            version=version,
        )

        entry_dto.additional_properties = d
        return entry_dto

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
