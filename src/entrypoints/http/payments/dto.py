"""Payments on the wire: money as integer minor units beside one ``currency``."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from msgspec import Meta

from booking_domain.loyalty import MAX_REDEEM
from booking_domain.payments import Refund
from booking_domain.payments.balance import MAX_ADJUSTMENT, MAX_REASON
from booking_domain.payments.ledger import Transaction
from booking_domain.payments.refunds import MAX_NOTE
from booking_domain.payments.studio import MAX_AMOUNT as STUDIO_MAX_AMOUNT
from booking_domain.payments.studio import MAX_NOTE as STUDIO_MAX_NOTE
from booking_domain.payments.studio import StudioKind, StudioMethod, StudioPayment
from booking_domain.payments.use_cases import PaymentView, StudioPayments
from entrypoints.http.wire import Dto, PageView, View, utc


class DeepLinkView(View, frozen=True):
    name: str
    description: str
    logo: str
    link: str


class ReceivedPaymentView(View, frozen=True):
    payment_id: str
    amount: int
    currency: str
    method: str  # p2p (bank app) | card
    outcome: str  # confirmed | owed_back | review
    received_at: datetime


class RefundView(View, frozen=True):
    id: UUID
    booking_id: UUID
    amount: int
    currency: str
    status: str  # pending | refunded | manual (awaiting manual settlement) | settled
    payment_id: str | None
    method: str | None
    reason: str
    created_at: datetime
    settled_at: datetime | None
    settlement_note: str | None

    @classmethod
    def of(cls, r: Refund) -> RefundView:
        return cls(
            r.id,
            r.booking_id,
            r.amount.amount,
            r.amount.currency,
            r.status.value,
            r.payment_id,
            None if r.method is None else r.method.value,
            r.reason,
            utc(r.created_at),
            None if r.settled_at is None else utc(r.settled_at),
            r.settlement_note,
        )


class TransactionView(View, frozen=True):
    """A row of the admins' ledger: a deposit or balance invoice, or a refund."""

    id: UUID
    kind: str  # deposit | balance | refund
    # deposit, balance: creating | open | paid | failed | cancelled;
    # refund: pending | refunded | manual | settled
    status: str
    booking_id: UUID
    customer_id: UUID
    artist_user_id: UUID
    amount: int
    currency: str
    reference: str | None  # an invoice's number; a refund's payment id
    method: str | None  # a refund's: p2p | card
    created_at: datetime
    updated_at: datetime
    settled_at: datetime | None  # a deposit paid, a refund paid back

    @classmethod
    def of(cls, t: Transaction) -> TransactionView:
        return cls(
            t.id,
            t.kind.value,
            t.status,
            t.booking_id,
            t.customer_id,
            t.artist_user_id,
            t.amount.amount,
            t.amount.currency,
            t.reference,
            None if t.method is None else t.method.value,
            utc(t.created_at),
            utc(t.updated_at),
            None if t.settled_at is None else utc(t.settled_at),
        )


class InvoiceView(View, frozen=True):
    """A deposit or balance invoice (``kind``): with ``gateway`` qpay, pay it by scanning
    ``qrImage`` (base64 PNG of ``qrText``) in a bank app, or by opening ``shortUrl`` or a
    deep link on the phone; with ``gateway`` stripe, open ``shortUrl`` (Stripe's hosted
    card page; the QR code carries the same address, for paying on a phone)."""

    invoice_id: str
    number: str
    booking_id: UUID
    booking_reference: str
    amount: int
    currency: str
    status: str  # open | paid | cancelled
    expires_at: datetime
    qr_text: str
    qr_image: str
    short_url: str
    deep_links: list[DeepLinkView]
    payments: list[ReceivedPaymentView]
    refunds: list[RefundView]  # of the booking: owed back, paid back, awaiting settlement
    booking_status: str
    payment_status: str
    created_at: datetime
    paid_at: datetime | None
    kind: str = "deposit"  # deposit | balance
    # A balance's terms (null on deposits): amount = price - credit + adjustment.
    price: int | None = None
    credit: int | None = None  # what the booking held: paid, neither refunded nor owed back
    adjustment: int = 0  # signed minor units
    adjustment_reason: str | None = None
    paid_in_full: bool = False  # the booking holds its price plus the adjustment
    # Loyalty points that paid part of it and their value: ``amount`` is what is left to
    # pay (docs/loyalty.md); a balance also names what points took off earlier invoices.
    points_redeemed: int = 0
    discount: int = 0
    prior_discount: int = 0
    gateway: str = "qpay"  # qpay | stripe: how the customer pays it

    @classmethod
    def of(cls, view: PaymentView) -> InvoiceView:
        invoice, issued = view.invoice, view.invoice.issued
        links = (
            []
            if issued is None
            else [DeepLinkView(d.name, d.description, d.logo, d.link) for d in issued.deep_links]
        )
        return cls(
            invoice_id=invoice.provider_invoice_id or "",
            number=invoice.number,
            booking_id=invoice.booking_id,
            booking_reference=view.booking_reference,
            amount=invoice.amount.amount,
            currency=invoice.amount.currency,
            status=invoice.status.value,
            expires_at=utc(invoice.expires_at),
            qr_text="" if issued is None else issued.qr_text,
            qr_image="" if issued is None else issued.qr_image,
            short_url="" if issued is None else issued.short_url,
            deep_links=links,
            payments=[
                ReceivedPaymentView(
                    p.payment_id,
                    p.amount.amount,
                    p.amount.currency,
                    p.method.value,
                    p.outcome.value,
                    utc(p.received_at),
                )
                for p in view.payments
            ],
            refunds=[RefundView.of(r) for r in view.refunds],
            booking_status=view.booking_status.value,
            payment_status=view.payment_status.value,
            created_at=utc(invoice.created_at),
            paid_at=None if invoice.paid_at is None else utc(invoice.paid_at),
            kind=invoice.kind.value,
            price=None if invoice.price is None else invoice.price.amount,
            credit=None if invoice.credit is None else invoice.credit.amount,
            adjustment=invoice.adjustment,
            adjustment_reason=invoice.adjustment_reason,
            paid_in_full=view.paid_in_full,
            points_redeemed=invoice.points,
            discount=invoice.discount,
            prior_discount=invoice.prior_discount,
            gateway="qpay" if issued is None else issued.gateway,
        )


RedeemPoints = Annotated[int, Meta(ge=1, le=MAX_REDEEM)]


class DepositInvoiceRequest(Dto, frozen=True):
    """Optional: the customer's loyalty points to pay part of the deposit (docs/loyalty.md).
    Without a body, nothing is redeemed."""

    redeem_points: RedeemPoints | None = None


class BalanceInvoiceRequest(Dto, frozen=True):
    """The artist's adjustment to the service's price: signed minor units, with a reason
    unless zero; and the customer's loyalty points to pay part of it, as the customer asks
    (docs/loyalty.md)."""

    adjustment: Annotated[int, Meta(ge=-MAX_ADJUSTMENT, le=MAX_ADJUSTMENT)] = 0
    adjustment_reason: Annotated[str, Meta(max_length=MAX_REASON)] | None = None
    redeem_points: RedeemPoints | None = None


class SandboxPaymentView(View, frozen=True):
    payment_id: str
    invoice_id: str


class RefundPage(PageView[RefundView], frozen=True):
    items: list[RefundView]


SettlementNote = Annotated[str, Meta(min_length=1, max_length=MAX_NOTE)]


class SettleRequest(Dto, frozen=True):
    """How the money went back (a bank transfer's reference, who did it)."""

    note: SettlementNote


class TransactionPage(PageView[TransactionView], frozen=True):
    items: list[TransactionView]


class StudioPaymentCreate(Dto, frozen=True):
    """A payment taken in the studio: how, what it pays (``deposit``: exactly the deposit of
    a booking awaiting it; ``balance``: some of what is left after the session; ``all``:
    exactly what is left), the amount in minor units of the booking's currency, a note."""

    method: StudioMethod
    kind: StudioKind
    amount: Annotated[int, Meta(ge=1, le=STUDIO_MAX_AMOUNT)]
    note: Annotated[str, Meta(max_length=STUDIO_MAX_NOTE)] | None = None


class StudioRefundCreate(Dto, frozen=True):
    """What of a recorded payment was given back (minor units)."""

    amount: Annotated[int, Meta(ge=1, le=STUDIO_MAX_AMOUNT)]


class StudioPaymentView(View, frozen=True):
    id: UUID
    booking_id: UUID
    receipt_number: int
    receipt_label: str
    method: str  # cash | card_terminal | bank_transfer
    kind: str  # deposit | balance | all
    amount: int
    refunded: int
    currency: str
    note: str | None
    recorded_at: datetime
    refunded_at: datetime | None
    # The receipt's page, openable without signing in: only in the answer that recorded it.
    receipt_url: str | None = None

    @classmethod
    def of(cls, p: StudioPayment, receipt_url: str | None = None) -> StudioPaymentView:
        return cls(
            p.id, p.booking_id, p.receipt_number, p.receipt_label, p.method.value,
            p.kind.value, p.amount.amount, p.refunded.amount, p.amount.currency, p.note,
            utc(p.recorded_at), None if p.refunded_at is None else utc(p.refunded_at),
            receipt_url,
        )  # fmt: skip


class StudioPaymentsView(View, frozen=True):
    """The booking's recorded payments, oldest first, and what each kind takes now (absent:
    not due now); the booking's payment state after them."""

    items: list[StudioPaymentView]
    currency: str
    due_deposit: int | None
    due_balance: int | None
    payment_status: str
    amount_paid: int
    amount_refunded: int
    paid_in_full: bool

    @classmethod
    def of(cls, s: StudioPayments) -> StudioPaymentsView:
        deposit, balance = s.due.get(StudioKind.DEPOSIT), s.due.get(StudioKind.BALANCE)
        b = s.booking
        return cls(
            [StudioPaymentView.of(p) for p in s.payments], b.deposit.currency,
            None if deposit is None else deposit.amount,
            None if balance is None else balance.amount,
            b.payment_status.value, b.amount_paid.amount, b.amount_refunded.amount,
            b.paid_in_full,
        )  # fmt: skip
