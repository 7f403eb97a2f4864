"""Which payment gateway a deployment talks to: the sandbox in the local profile (QPay's
stand-in, its books in the deployment's database). QPay itself and the payment edge come
with their adapters; until then a production deployment answers "payments unavailable"
rather than take sandbox money."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

import httpx

from adapters.payments.sandbox import MemorySandboxLedger, SandboxGateway, SandboxLedger
from booking_domain.payments import (
    CancelOutcome,
    InvoiceRequest,
    IssuedInvoice,
    PaymentCheck,
    PaymentGateway,
    PaymentProviderUnavailableError,
    ProviderPayment,
    RefundOutcome,
)
from booking_domain.shared import Clock
from entrypoints.settings import Settings

CALLBACK_PATH = "/api/v1/payments/callback"
MAX_CALLBACK_URL = 255  # QPay's limit on callback_url


@dataclass
class Payments:
    """The gateway, the sandbox behind it when it is the sandbox, and what to close."""

    gateway: PaymentGateway
    sandbox: SandboxGateway | None
    client: httpx.AsyncClient

    async def close(self) -> None:
        await self.client.aclose()


def callback_url_for(settings: Settings) -> CallbackUrl:
    return CallbackUrl(settings.base_url)


@dataclass(frozen=True, slots=True)
class CallbackUrl:
    """``<public URL>/api/v1/payments/callback/<number>?t=<token>``: QPay appends
    ``&qpay_payment_id=...``. None of our parameters is named ``payment_id``."""

    base_url: str

    def __call__(self, number: str, token: str) -> str:
        url = f"{self.base_url}{CALLBACK_PATH}/{number}?t={token}"
        if len(url) > MAX_CALLBACK_URL:
            raise ValueError("INKSLOT_PUBLIC_URL is too long for QPay's 255-character callback")
        return url


class NoGateway(PaymentGateway):
    """Production until QPay's adapter is configured: every call is "provider unavailable"
    (a deployment never takes sandbox money for real)."""

    async def _away(self) -> NoReturn:
        raise PaymentProviderUnavailableError("Payments are not configured on this deployment.")

    async def create_invoice(self, request: InvoiceRequest) -> IssuedInvoice:
        await self._away()

    async def check_payments(self, invoice_id: str) -> PaymentCheck:
        await self._away()

    async def get_payment(self, payment_id: str) -> ProviderPayment:
        await self._away()

    async def cancel_invoice(self, invoice_id: str) -> CancelOutcome:
        await self._away()

    async def refund_payment(self, payment_id: str, note: str) -> RefundOutcome:
        await self._away()


def payments_for(settings: Settings, clock: Clock, ledger: SandboxLedger | None) -> Payments:
    """``ledger``: the database's sandbox books (None: in memory, for memory adapters)."""
    client = httpx.AsyncClient(timeout=httpx.Timeout(10.0), follow_redirects=False)
    if not settings.is_local:
        return Payments(NoGateway(), None, client)

    async def call_back(url: str) -> int:
        return (await client.get(url)).status_code

    base = settings.base_url
    sandbox = SandboxGateway(
        ledger or MemorySandboxLedger(), clock, call_back,
        pay_url=lambda invoice_id: f"{base}/api/v1/sandbox/invoices/{invoice_id}/pay",
    )  # fmt: skip
    return Payments(sandbox, sandbox, client)
