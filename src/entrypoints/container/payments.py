"""Which payment gateway a deployment talks to (``INKSLOT_PAYMENT_GATEWAY``): the sandbox
(the local profile's QPay stand-in, its books in the deployment's database), QPay itself
(this process holds the credentials; the token is shared through the database), or the
payment edge (which holds them; requests signed with ``INKSLOT_PAYMENT_EDGE_SECRET``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import httpx

from adapters.payments.edge import EdgeGateway
from adapters.payments.qpay import InMemoryProviderTokenStore, QPayCredentials, QPayGateway
from adapters.payments.sandbox import InMemorySandboxLedger, SandboxGateway
from adapters.postgres.database import Database
from adapters.postgres.provider_tokens import PostgresTokenStore
from adapters.postgres.sandbox import PostgresSandboxLedger
from adapters.tls import verifying_context
from booking_domain.payments import PaymentGateway, ProviderTokenStore, SandboxLedger
from booking_domain.shared import Clock, SecretBox
from entrypoints.settings import Settings


@dataclass
class Payments:
    """The gateway, the sandbox behind it when it is the sandbox, and how to close it (its
    HTTP client)."""

    gateway: PaymentGateway
    sandbox: SandboxGateway | None
    close: Callable[[], Awaitable[None]]


def payments_for(
    settings: Settings, clock: Clock, database: Database | None, secrets: SecretBox | None
) -> Payments:
    """``database``: where the sandbox keeps its books and QPay's token is shared, sealed by
    ``secrets`` (None for both: in memory, for memory adapters)."""
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
        return Payments(qpay, None, qpay.close)
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
    return Payments(sandbox, sandbox, client.aclose)
