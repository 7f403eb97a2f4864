from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deep_link_view import DeepLinkView
    from ..models.received_payment_view import ReceivedPaymentView
    from ..models.refund_view import RefundView


T = TypeVar("T", bound="InvoiceView")


@_attrs_define
class InvoiceView:
    """
    Attributes:
        amount (int):
        booking_id (UUID):
        booking_reference (str):
        booking_status (str):
        created_at (datetime.datetime):
        currency (str):
        deep_links (list[DeepLinkView]):
        expires_at (datetime.datetime):
        invoice_id (str):
        number (str):
        paid_at (datetime.datetime | None):
        payment_status (str):
        payments (list[ReceivedPaymentView]):
        qr_image (str):
        qr_text (str):
        refunds (list[RefundView]):
        short_url (str):
        status (str):
        adjustment (int | Unset):  Default: 0.
        adjustment_reason (None | str | Unset):
        credit (int | None | Unset):
        discount (int | Unset):  Default: 0.
        gateway (str | Unset):  Default: 'qpay'.
        kind (str | Unset):  Default: 'deposit'.
        paid_in_full (bool | Unset):  Default: False.
        points_redeemed (int | Unset):  Default: 0.
        price (int | None | Unset):
        prior_discount (int | Unset):  Default: 0.
    """

    amount: int
    booking_id: UUID
    booking_reference: str
    booking_status: str
    created_at: datetime.datetime
    currency: str
    deep_links: list[DeepLinkView]
    expires_at: datetime.datetime
    invoice_id: str
    number: str
    paid_at: datetime.datetime | None
    payment_status: str
    payments: list[ReceivedPaymentView]
    qr_image: str
    qr_text: str
    refunds: list[RefundView]
    short_url: str
    status: str
    adjustment: int | Unset = 0
    adjustment_reason: None | str | Unset = UNSET
    credit: int | None | Unset = UNSET
    discount: int | Unset = 0
    gateway: str | Unset = "qpay"
    kind: str | Unset = "deposit"
    paid_in_full: bool | Unset = False
    points_redeemed: int | Unset = 0
    price: int | None | Unset = UNSET
    prior_discount: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        booking_id = str(self.booking_id)

        booking_reference = self.booking_reference

        booking_status = self.booking_status

        created_at = self.created_at.isoformat()

        currency = self.currency

        deep_links = []
        for deep_links_item_data in self.deep_links:
            deep_links_item = deep_links_item_data.to_dict()
            deep_links.append(deep_links_item)

        expires_at = self.expires_at.isoformat()

        invoice_id = self.invoice_id

        number = self.number

        paid_at: None | str
        if isinstance(self.paid_at, datetime.datetime):
            paid_at = self.paid_at.isoformat()
        else:
            paid_at = self.paid_at

        payment_status = self.payment_status

        payments = []
        for payments_item_data in self.payments:
            payments_item = payments_item_data.to_dict()
            payments.append(payments_item)

        qr_image = self.qr_image

        qr_text = self.qr_text

        refunds = []
        for refunds_item_data in self.refunds:
            refunds_item = refunds_item_data.to_dict()
            refunds.append(refunds_item)

        short_url = self.short_url

        status = self.status

        adjustment = self.adjustment

        adjustment_reason: None | str | Unset
        if isinstance(self.adjustment_reason, Unset):
            adjustment_reason = UNSET
        else:
            adjustment_reason = self.adjustment_reason

        credit: int | None | Unset
        if isinstance(self.credit, Unset):
            credit = UNSET
        else:
            credit = self.credit

        discount = self.discount

        gateway = self.gateway

        kind = self.kind

        paid_in_full = self.paid_in_full

        points_redeemed = self.points_redeemed

        price: int | None | Unset
        if isinstance(self.price, Unset):
            price = UNSET
        else:
            price = self.price

        prior_discount = self.prior_discount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "bookingId": booking_id,
                "bookingReference": booking_reference,
                "bookingStatus": booking_status,
                "createdAt": created_at,
                "currency": currency,
                "deepLinks": deep_links,
                "expiresAt": expires_at,
                "invoiceId": invoice_id,
                "number": number,
                "paidAt": paid_at,
                "paymentStatus": payment_status,
                "payments": payments,
                "qrImage": qr_image,
                "qrText": qr_text,
                "refunds": refunds,
                "shortUrl": short_url,
                "status": status,
            }
        )
        if adjustment is not UNSET:
            field_dict["adjustment"] = adjustment
        if adjustment_reason is not UNSET:
            field_dict["adjustmentReason"] = adjustment_reason
        if credit is not UNSET:
            field_dict["credit"] = credit
        if discount is not UNSET:
            field_dict["discount"] = discount
        if gateway is not UNSET:
            field_dict["gateway"] = gateway
        if kind is not UNSET:
            field_dict["kind"] = kind
        if paid_in_full is not UNSET:
            field_dict["paidInFull"] = paid_in_full
        if points_redeemed is not UNSET:
            field_dict["pointsRedeemed"] = points_redeemed
        if price is not UNSET:
            field_dict["price"] = price
        if prior_discount is not UNSET:
            field_dict["priorDiscount"] = prior_discount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deep_link_view import DeepLinkView  # noqa: PLC0415
        from ..models.received_payment_view import ReceivedPaymentView  # noqa: PLC0415
        from ..models.refund_view import RefundView  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        booking_id = UUID(d.pop("bookingId"))

        booking_reference = d.pop("bookingReference")

        booking_status = d.pop("bookingStatus")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        currency = d.pop("currency")

        deep_links = []
        _deep_links = d.pop("deepLinks")
        for deep_links_item_data in _deep_links:
            deep_links_item = DeepLinkView.from_dict(deep_links_item_data)

            deep_links.append(deep_links_item)

        expires_at = datetime.datetime.fromisoformat(d.pop("expiresAt"))

        invoice_id = d.pop("invoiceId")

        number = d.pop("number")

        def _parse_paid_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paid_at_type_0 = datetime.datetime.fromisoformat(data)

                return paid_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        paid_at = _parse_paid_at(d.pop("paidAt"))

        payment_status = d.pop("paymentStatus")

        payments = []
        _payments = d.pop("payments")
        for payments_item_data in _payments:
            payments_item = ReceivedPaymentView.from_dict(payments_item_data)

            payments.append(payments_item)

        qr_image = d.pop("qrImage")

        qr_text = d.pop("qrText")

        refunds = []
        _refunds = d.pop("refunds")
        for refunds_item_data in _refunds:
            refunds_item = RefundView.from_dict(refunds_item_data)

            refunds.append(refunds_item)

        short_url = d.pop("shortUrl")

        status = d.pop("status")

        adjustment = d.pop("adjustment", UNSET)

        def _parse_adjustment_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        adjustment_reason = _parse_adjustment_reason(d.pop("adjustmentReason", UNSET))

        def _parse_credit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        credit = _parse_credit(d.pop("credit", UNSET))

        discount = d.pop("discount", UNSET)

        gateway = d.pop("gateway", UNSET)

        kind = d.pop("kind", UNSET)

        paid_in_full = d.pop("paidInFull", UNSET)

        points_redeemed = d.pop("pointsRedeemed", UNSET)

        def _parse_price(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        price = _parse_price(d.pop("price", UNSET))

        prior_discount = d.pop("priorDiscount", UNSET)

        invoice_view = cls(
            amount=amount,
            booking_id=booking_id,
            booking_reference=booking_reference,
            booking_status=booking_status,
            created_at=created_at,
            currency=currency,
            deep_links=deep_links,
            expires_at=expires_at,
            invoice_id=invoice_id,
            number=number,
            paid_at=paid_at,
            payment_status=payment_status,
            payments=payments,
            qr_image=qr_image,
            qr_text=qr_text,
            refunds=refunds,
            short_url=short_url,
            status=status,
            adjustment=adjustment,
            adjustment_reason=adjustment_reason,
            credit=credit,
            discount=discount,
            gateway=gateway,
            kind=kind,
            paid_in_full=paid_in_full,
            points_redeemed=points_redeemed,
            price=price,
            prior_discount=prior_discount,
        )

        invoice_view.additional_properties = d
        return invoice_view

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
