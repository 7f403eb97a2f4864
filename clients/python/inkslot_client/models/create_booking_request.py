from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.client_dto import ClientDto
    from ..models.customer_lookup_dto import CustomerLookupDto


T = TypeVar("T", bound="CreateBookingRequest")


@_attrs_define
class CreateBookingRequest:
    """
    Attributes:
        artist_id (UUID):
        service_id (UUID):
        start (datetime.datetime): ISO 8601 with a UTC offset
        booking_link (None | str | Unset):
        client (ClientDto | None | Unset):
        customer (CustomerLookupDto | None | Unset):
        deposit (bool | None | Unset):
        notes (str | Unset):  Default: ''.
    """

    artist_id: UUID
    service_id: UUID
    start: datetime.datetime
    booking_link: None | str | Unset = UNSET
    client: ClientDto | None | Unset = UNSET
    customer: CustomerLookupDto | None | Unset = UNSET
    deposit: bool | None | Unset = UNSET
    notes: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.client_dto import ClientDto  # noqa: PLC0415
        from ..models.customer_lookup_dto import CustomerLookupDto  # noqa: PLC0415

        artist_id = str(self.artist_id)

        service_id = str(self.service_id)

        start = self.start.isoformat()

        booking_link: None | str | Unset
        if isinstance(self.booking_link, Unset):
            booking_link = UNSET
        else:
            booking_link = self.booking_link

        client: dict[str, Any] | None | Unset
        if isinstance(self.client, Unset):
            client = UNSET
        elif isinstance(self.client, ClientDto):
            client = self.client.to_dict()
        else:
            client = self.client

        customer: dict[str, Any] | None | Unset
        if isinstance(self.customer, Unset):
            customer = UNSET
        elif isinstance(self.customer, CustomerLookupDto):
            customer = self.customer.to_dict()
        else:
            customer = self.customer

        deposit: bool | None | Unset
        if isinstance(self.deposit, Unset):
            deposit = UNSET
        else:
            deposit = self.deposit

        notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "artistId": artist_id,
                "serviceId": service_id,
                "start": start,
            }
        )
        if booking_link is not UNSET:
            field_dict["bookingLink"] = booking_link
        if client is not UNSET:
            field_dict["client"] = client
        if customer is not UNSET:
            field_dict["customer"] = customer
        if deposit is not UNSET:
            field_dict["deposit"] = deposit
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.client_dto import ClientDto  # noqa: PLC0415
        from ..models.customer_lookup_dto import CustomerLookupDto  # noqa: PLC0415

        d = dict(src_dict)
        artist_id = UUID(d.pop("artistId"))

        service_id = UUID(d.pop("serviceId"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        def _parse_booking_link(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        booking_link = _parse_booking_link(d.pop("bookingLink", UNSET))

        def _parse_client(data: object) -> ClientDto | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                client_type_0 = ClientDto.from_dict(data)

                return client_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClientDto | None | Unset, data)

        client = _parse_client(d.pop("client", UNSET))

        def _parse_customer(data: object) -> CustomerLookupDto | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                customer_type_0 = CustomerLookupDto.from_dict(data)

                return customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CustomerLookupDto | None | Unset, data)

        customer = _parse_customer(d.pop("customer", UNSET))

        def _parse_deposit(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        deposit = _parse_deposit(d.pop("deposit", UNSET))

        notes = d.pop("notes", UNSET)

        create_booking_request = cls(
            artist_id=artist_id,
            service_id=service_id,
            start=start,
            booking_link=booking_link,
            client=client,
            customer=customer,
            deposit=deposit,
            notes=notes,
        )

        create_booking_request.additional_properties = d
        return create_booking_request

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
