"""The sandbox gateway: QPay's behaviour without QPay, for the local profile and tests.

Invoices and payments live in a ledger (memory, or PostgreSQL so that every process of a
deployment and the CLI see the same ones). Paying an invoice (``pay``: the local-only
endpoint or ``inkslot sandbox pay``) records a ``PAID`` payment and then calls the
invoice's callback URL exactly as QPay does: ``GET <callback_url>&qpay_payment_id=<id>``,
expecting ``200 SUCCESS``. Like QPay: checks list payments with their amounts; cancelling
an invoice that was paid says so; refunds work for card payments only (``p2p``, the
default method, answers "manual settlement", as QPay's ``PAYMENT_SETTLED`` does).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime
from urllib.parse import urlencode

from adapters.payments.qr import qr_png_base64
from booking_domain.payments import (
    PROVIDER_CURRENCY,
    CancelOutcome,
    DeepLink,
    DepositNotPayableError,
    GatewayReport,
    InvoiceRequest,
    IssuedInvoice,
    NothingToRefundError,
    PaymentCheck,
    PaymentGateway,
    PaymentMethod,
    PaymentNotFoundError,
    PaymentState,
    ProviderPayment,
    RefundOutcome,
    SandboxInvoice,
    SandboxLedger,
    SandboxPayment,
    provider_amount,
)
from booking_domain.shared.clock import Clock
from booking_domain.shared.errors import ConflictError
from booking_domain.shared.money import Money

_log = logging.getLogger("inkslot.payments.sandbox")


class InMemorySandboxLedger(SandboxLedger):
    """The sandbox's books in one process (no database to share them through)."""

    def __init__(self) -> None:
        self._invoices: dict[str, SandboxInvoice] = {}
        self._payments: dict[str, SandboxPayment] = {}

    async def add_invoice(self, invoice: SandboxInvoice) -> None:
        if any(i.number == invoice.number for i in self._invoices.values()):
            raise ConflictError("invoice number used before")
        self._invoices[invoice.invoice_id] = invoice

    async def invoice(self, invoice_id: str) -> SandboxInvoice | None:
        return self._invoices.get(invoice_id)

    async def set_invoice_status(self, invoice_id: str, status: str) -> None:
        self._invoices[invoice_id] = replace(self._invoices[invoice_id], status=status)

    async def add_payment(self, payment: SandboxPayment) -> None:
        self._payments[payment.payment_id] = payment

    async def payment(self, payment_id: str) -> SandboxPayment | None:
        return self._payments.get(payment_id)

    async def payments_between(self, start: datetime, end: datetime) -> Sequence[SandboxPayment]:
        found = [p for p in self._payments.values() if start <= p.paid_at < end]
        return sorted(found, key=lambda p: (p.paid_at, p.payment_id))

    async def payments_of(self, invoice_id: str) -> Sequence[SandboxPayment]:
        return [p for p in self._payments.values() if p.invoice_id == invoice_id]

    async def set_payment_state(self, payment_id: str, state: PaymentState) -> None:
        self._payments[payment_id] = replace(self._payments[payment_id], state=state)


CallBack = Callable[[str], Awaitable[int]]  # GET the URL; the HTTP status it answered


class SandboxGateway(PaymentGateway, GatewayReport):
    currencies = frozenset({PROVIDER_CURRENCY})  # as QPay, which it stands in for
    name = "qpay"  # its payments are QPay's, as far as the ledger knows

    def __init__(
        self,
        ledger: SandboxLedger,
        clock: Clock,
        call_back: CallBack,
        *,
        pay_url: Callable[[str], str],
    ) -> None:
        self._ledger = ledger
        self._clock = clock
        self._call_back = call_back
        self._pay_url = pay_url

    def route_callbacks(self, call_back: CallBack) -> None:
        """Send callbacks another way (a test's in-process client speaking HTTP to the app)."""
        self._call_back = call_back

    async def create_invoice(self, request: InvoiceRequest) -> IssuedInvoice:
        provider_amount(request.amount)  # whole tögrög only, as QPay
        if request.amount.is_zero:
            raise DepositNotPayableError()
        invoice_id = str(uuid.uuid4())
        await self._ledger.add_invoice(
            SandboxInvoice(
                invoice_id,
                request.number,
                request.amount,
                request.callback_url,
                "open",
                self._clock.now(),
            )
        )
        qr_text = f"INKSLOT-SANDBOX|{invoice_id}|{provider_amount(request.amount)}"
        link = DeepLink(
            "Sandbox bank", "Pays this invoice in the sandbox", "", self._pay_url(invoice_id)
        )
        return IssuedInvoice(
            invoice_id, qr_text, qr_png_base64(qr_text), self._pay_url(invoice_id), (link,)
        )

    async def check_payments(self, invoice_id: str) -> PaymentCheck:
        invoice = await self._known(invoice_id)
        payments = tuple(_provider(p) for p in await self._ledger.payments_of(invoice_id))
        paid = sum(p.amount.amount for p in payments if p.state is PaymentState.PAID)
        return PaymentCheck(
            invoice_id,
            payments,
            Money(paid, invoice.amount.currency),
            raw=f"sandbox check of {invoice_id}",
        )

    async def payments_between(self, start: datetime, end: datetime) -> Sequence[ProviderPayment]:
        """The sandbox's own report, as QPay's payment list (the reconciliation's)."""
        return [_provider(p) for p in await self._ledger.payments_between(start, end)]

    async def get_payment(self, payment_id: str) -> ProviderPayment:
        payment = await self._ledger.payment(payment_id)
        if payment is None:
            raise PaymentNotFoundError()
        return _provider(payment)

    async def cancel_invoice(self, invoice_id: str) -> CancelOutcome:
        invoice = await self._known(invoice_id)
        if invoice.status == "paid":
            return CancelOutcome.ALREADY_PAID
        await self._ledger.set_invoice_status(invoice_id, "cancelled")
        return CancelOutcome.CANCELLED

    async def refund_payment(self, payment_id: str, note: str) -> RefundOutcome:
        payment = await self._ledger.payment(payment_id)
        if payment is None:
            raise PaymentNotFoundError()
        if payment.state is PaymentState.REFUNDED:
            return RefundOutcome.REFUNDED
        if payment.state is not PaymentState.PAID:
            raise NothingToRefundError()
        if payment.method is PaymentMethod.P2P:
            return RefundOutcome.MANUAL_SETTLEMENT
        await self._ledger.set_payment_state(payment_id, PaymentState.REFUNDED)
        return RefundOutcome.REFUNDED

    async def pay(self, invoice_id: str, *, method: PaymentMethod = PaymentMethod.P2P) -> str:
        """Pay the invoice in full as a customer's bank app would, then call back; returns
        the payment id. A cancelled invoice cannot be paid (QPay's QR stops working)."""
        invoice = await self._known(invoice_id)
        if invoice.status == "cancelled":
            raise ConflictError("This invoice was cancelled; it cannot be paid.")
        payment_id = str(uuid.uuid4().int)[:20]  # QPay's ids are long digit strings
        await self._ledger.add_payment(
            SandboxPayment(
                payment_id, invoice_id, invoice.amount, PaymentState.PAID, method, self._clock.now()
            )
        )
        await self._ledger.set_invoice_status(invoice_id, "paid")
        joiner = "&" if "?" in invoice.callback_url else "?"
        url = f"{invoice.callback_url}{joiner}{urlencode({'qpay_payment_id': payment_id})}"
        try:
            status = await self._call_back(url)
        except Exception as failed:  # as with QPay, a lost callback loses no money
            status = 0
            _log.warning(
                "sandbox callback failed (%s): the customer's check will find the payment",
                type(failed).__name__,
            )
        if status != 200:  # the URL carries the invoice's secret: never logged
            _log.warning("sandbox callback for invoice %s answered %s", invoice.number, status)
        return payment_id

    async def callback_url_of(self, invoice_id: str) -> str:
        """The callback URL the invoice was made with (what QPay would know of it)."""
        return (await self._known(invoice_id)).callback_url

    async def _known(self, invoice_id: str) -> SandboxInvoice:
        invoice = await self._ledger.invoice(invoice_id)
        if invoice is None:
            raise PaymentNotFoundError()
        return invoice


def _provider(p: SandboxPayment) -> ProviderPayment:
    return ProviderPayment(p.payment_id, p.state, p.amount, p.method, p.invoice_id, p.paid_at)
