"""Which payment gateways a deployment talks to (docs/payments.md, "Choosing gateways").

The road to QPay (``INKSLOT_PAYMENT_GATEWAY``): the sandbox (the local profile's QPay
stand-in, its books in the deployment's database), QPay itself (this process holds the
credentials; the token is shared through the database), the payment edge (which holds
them; requests signed with ``INKSLOT_PAYMENT_EDGE_SECRET``), or none. Stripe beside it
when ``INKSLOT_STRIPE_SECRET_KEY`` is set: both then answer as one gateway
(``adapters.payments.routing``), QPay taking the tögrög and Stripe its currencies."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from adapters.payments.edge import EdgeGateway
from adapters.payments.qpay import InMemoryProviderTokenStore, QPayCredentials, QPayGateway
from adapters.payments.routing import Route, RoutedGateway
from adapters.payments.sandbox import InMemorySandboxLedger, SandboxGateway
from adapters.payments.stripe_gateway import DEFAULT_CURRENCIES, StripeGateway, is_stripe_id
from adapters.payments.stripe_webhooks import StripeWebhook
from adapters.postgres.database import Database
from adapters.postgres.provider_tokens import PostgresTokenStore
from adapters.postgres.sandbox import PostgresSandboxLedger
from adapters.tls import verifying_context
from booking_domain.payments import (
    GatewayEventReader,
    GatewayReport,
    PaymentGateway,
    PayoutAccountGateway,
    ProviderTokenStore,
    SandboxLedger,
)
from booking_domain.shared import Clock, SecretBox
from entrypoints.settings import Settings


@dataclass
class Payments:
    """The gateway, the sandbox behind it when it is the sandbox, and how to close it (its
    HTTP client)."""

    gateway: PaymentGateway
    sandbox: SandboxGateway | None
    close: Callable[[], Awaitable[None]]
    event_reader: GatewayEventReader | None = None  # Stripe's webhooks, when Stripe is on
    payout_gateway: PayoutAccountGateway | None = None  # Stripe Connect, when Stripe is on
    # The gateways' own reports for the daily reconciliation (the payment edge gives none).
    reports: tuple[GatewayReport, ...] = ()


def payments_for(
    settings: Settings, clock: Clock, database: Database | None, secrets: SecretBox | None
) -> Payments:
    """``database``: where the sandbox keeps its books and QPay's token is shared, sealed by
    ``secrets`` (None for both: in memory, for memory adapters)."""
    qpay = None if settings.gateway == "none" else _qpay_for(settings, clock, database, secrets)
    if not settings.stripe_secret_key:
        if qpay is None:
            raise ValueError("no payment gateway is enabled")
        return qpay
    stripe = StripeGateway(
        settings.stripe_secret_key,
        currencies=settings.stripe_currencies or DEFAULT_CURRENCIES,
        api_base=settings.stripe_api_url,
    )
    routes = [Route(stripe, is_stripe_id)]
    reader = StripeWebhook(settings.stripe_webhook_secret or "")
    if qpay is None:
        return Payments(RoutedGateway(routes), None, stripe.close, reader, stripe, (stripe,))
    routes.insert(0, Route(qpay.gateway, lambda provider_id: not is_stripe_id(provider_id)))
    first = qpay

    async def close() -> None:
        await first.close()
        await stripe.close()

    reports = (*qpay.reports, stripe)
    return Payments(RoutedGateway(routes), qpay.sandbox, close, reader, stripe, reports)


def _qpay_for(
    settings: Settings, clock: Clock, database: Database | None, secrets: SecretBox | None
) -> Payments:
    if settings.gateway == "qpay":
        credentials = QPayCredentials(
            settings.qpay_base_url,
            settings.qpay_client_id or "",
            settings.qpay_client_secret or "",
            settings.qpay_invoice_code or "",
        )
        tokens: ProviderTokenStore = InMemoryProviderTokenStore()
        if database is not None and secrets is not None:
            name = f"qpay:{credentials.client_id}"
            tokens = PostgresTokenStore(database, name, secrets=secrets)
        qpay = QPayGateway(credentials, clock, tokens)
        return Payments(qpay, None, qpay.close, reports=(qpay,))
    if settings.gateway == "edge":
        edge = EdgeGateway(settings.payment_edge_url or "", settings.payment_edge_secret or "")
        return Payments(edge, None, edge.close)
    client = httpx.AsyncClient(
        timeout=httpx.Timeout(10.0), follow_redirects=False, verify=verifying_context()
    )
    ledger: SandboxLedger = InMemorySandboxLedger()
    if database is not None:
        ledger = PostgresSandboxLedger(database)

    async def call_back(url: str) -> int:
        return (await client.get(url)).status_code

    base = settings.base_url
    sandbox = SandboxGateway(
        ledger,
        clock,
        call_back,
        pay_url=lambda invoice_id: f"{base}/api/v1/sandbox/invoices/{invoice_id}/pay",
    )
    return Payments(sandbox, sandbox, client.aclose, reports=(sandbox,))
