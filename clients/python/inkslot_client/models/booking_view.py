from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BookingView")


@_attrs_define
class BookingView:
    """
    Attributes:
        amount_paid (int):
        amount_refunded (int):
        approved (bool):
        artist_id (UUID):
        cancellation_reason (None | str):
        client_id (None | UUID):
        created_at (datetime.datetime):
        currency (str):
        customer_id (None | UUID):
        deposit_amount (int):
        end (datetime.datetime):
        hold_expires_at (datetime.datetime | None):
        id (UUID):
        notes (str):
        paid_in_full (bool):
        payment_status (str):
        price_amount (int | None):
        reference (str):
        refund_due (int):
        requires_approval (bool):
        service_id (UUID):
        start (datetime.datetime):
        status (str):
        updated_at (datetime.datetime):
        version (int):
        customer_name (None | str | Unset):
        offer (None | str | Unset):
        service_name (None | str | Unset):
        touch_up_of (None | Unset | UUID):
        waiting_for (list[str] | Unset):
    """

    amount_paid: int
    amount_refunded: int
    approved: bool
    artist_id: UUID
    cancellation_reason: None | str
    client_id: None | UUID
    created_at: datetime.datetime
    currency: str
    customer_id: None | UUID
    deposit_amount: int
    end: datetime.datetime
    hold_expires_at: datetime.datetime | None
    id: UUID
    notes: str
    paid_in_full: bool
    payment_status: str
    price_amount: int | None
    reference: str
    refund_due: int
    requires_approval: bool
    service_id: UUID
    start: datetime.datetime
    status: str
    updated_at: datetime.datetime
    version: int
    customer_name: None | str | Unset = UNSET
    offer: None | str | Unset = UNSET
    service_name: None | str | Unset = UNSET
    touch_up_of: None | Unset | UUID = UNSET
    waiting_for: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_paid = self.amount_paid

        amount_refunded = self.amount_refunded

        approved = self.approved

        artist_id = str(self.artist_id)

        cancellation_reason: None | str
        cancellation_reason = self.cancellation_reason

        client_id: None | str
        if isinstance(self.client_id, UUID):
            client_id = str(self.client_id)
        else:
            client_id = self.client_id

        created_at = self.created_at.isoformat()

        currency = self.currency

        customer_id: None | str
        if isinstance(self.customer_id, UUID):
            customer_id = str(self.customer_id)
        else:
            customer_id = self.customer_id

        deposit_amount = self.deposit_amount

        end = self.end.isoformat()

        hold_expires_at: None | str
        if isinstance(self.hold_expires_at, datetime.datetime):
            hold_expires_at = self.hold_expires_at.isoformat()
        else:
            hold_expires_at = self.hold_expires_at

        id = str(self.id)

        notes = self.notes

        paid_in_full = self.paid_in_full

        payment_status = self.payment_status

        price_amount: int | None
        price_amount = self.price_amount

        reference = self.reference

        refund_due = self.refund_due

        requires_approval = self.requires_approval

        service_id = str(self.service_id)

        start = self.start.isoformat()

        status = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        customer_name: None | str | Unset
        if isinstance(self.customer_name, Unset):
            customer_name = UNSET
        else:
            customer_name = self.customer_name

        offer: None | str | Unset
        if isinstance(self.offer, Unset):
            offer = UNSET
        else:
            offer = self.offer

        service_name: None | str | Unset
        if isinstance(self.service_name, Unset):
            service_name = UNSET
        else:
            service_name = self.service_name

        touch_up_of: None | str | Unset
        if isinstance(self.touch_up_of, Unset):
            touch_up_of = UNSET
        elif isinstance(self.touch_up_of, UUID):
            touch_up_of = str(self.touch_up_of)
        else:
            touch_up_of = self.touch_up_of

        waiting_for: list[str] | Unset = UNSET
        if not isinstance(self.waiting_for, Unset):
            waiting_for = self.waiting_for

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amountPaid": amount_paid,
                "amountRefunded": amount_refunded,
                "approved": approved,
                "artistId": artist_id,
                "cancellationReason": cancellation_reason,
                "clientId": client_id,
                "createdAt": created_at,
                "currency": currency,
                "customerId": customer_id,
                "depositAmount": deposit_amount,
                "end": end,
                "holdExpiresAt": hold_expires_at,
                "id": id,
                "notes": notes,
                "paidInFull": paid_in_full,
                "paymentStatus": payment_status,
                "priceAmount": price_amount,
                "reference": reference,
                "refundDue": refund_due,
                "requiresApproval": requires_approval,
                "serviceId": service_id,
                "start": start,
                "status": status,
                "updatedAt": updated_at,
                "version": version,
            }
        )
        if customer_name is not UNSET:
            field_dict["customerName"] = customer_name
        if offer is not UNSET:
            field_dict["offer"] = offer
        if service_name is not UNSET:
            field_dict["serviceName"] = service_name
        if touch_up_of is not UNSET:
            field_dict["touchUpOf"] = touch_up_of
        if waiting_for is not UNSET:
            field_dict["waitingFor"] = waiting_for

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount_paid = d.pop("amountPaid")

        amount_refunded = d.pop("amountRefunded")

        approved = d.pop("approved")

        artist_id = UUID(d.pop("artistId"))

        def _parse_cancellation_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cancellation_reason = _parse_cancellation_reason(d.pop("cancellationReason"))

        def _parse_client_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                client_id_type_0 = UUID(data)

                return client_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        client_id = _parse_client_id(d.pop("clientId"))

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        currency = d.pop("currency")

        def _parse_customer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                customer_id_type_0 = UUID(data)

                return customer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        customer_id = _parse_customer_id(d.pop("customerId"))

        deposit_amount = d.pop("depositAmount")

        end = datetime.datetime.fromisoformat(d.pop("end"))

        def _parse_hold_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hold_expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return hold_expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        hold_expires_at = _parse_hold_expires_at(d.pop("holdExpiresAt"))

        id = UUID(d.pop("id"))

        notes = d.pop("notes")

        paid_in_full = d.pop("paidInFull")

        payment_status = d.pop("paymentStatus")

        def _parse_price_amount(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        price_amount = _parse_price_amount(d.pop("priceAmount"))

        reference = d.pop("reference")

        refund_due = d.pop("refundDue")

        requires_approval = d.pop("requiresApproval")

        service_id = UUID(d.pop("serviceId"))

        start = datetime.datetime.fromisoformat(d.pop("start"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updatedAt"))

        version = d.pop("version")

        def _parse_customer_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_name = _parse_customer_name(d.pop("customerName", UNSET))

        def _parse_offer(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        offer = _parse_offer(d.pop("offer", UNSET))

        def _parse_service_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_name = _parse_service_name(d.pop("serviceName", UNSET))

        def _parse_touch_up_of(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                touch_up_of_type_0 = UUID(data)

                return touch_up_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        touch_up_of = _parse_touch_up_of(d.pop("touchUpOf", UNSET))

        waiting_for = cast(list[str], d.pop("waitingFor", UNSET))

        booking_view = cls(
            amount_paid=amount_paid,
            amount_refunded=amount_refunded,
            approved=approved,
            artist_id=artist_id,
            cancellation_reason=cancellation_reason,
            client_id=client_id,
            created_at=created_at,
            currency=currency,
            customer_id=customer_id,
            deposit_amount=deposit_amount,
            end=end,
            hold_expires_at=hold_expires_at,
            id=id,
            notes=notes,
            paid_in_full=paid_in_full,
            payment_status=payment_status,
            price_amount=price_amount,
            reference=reference,
            refund_due=refund_due,
            requires_approval=requires_approval,
            service_id=service_id,
            start=start,
            status=status,
            updated_at=updated_at,
            version=version,
            customer_name=customer_name,
            offer=offer,
            service_name=service_name,
            touch_up_of=touch_up_of,
            waiting_for=waiting_for,
        )

        booking_view.additional_properties = d
        return booking_view

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
