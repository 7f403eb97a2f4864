"""What the entrypoints receive from the composition root: each context's use cases.

The HTTP layer registers each bundle as its own dependency, so a controller sees only its
context's use cases; the CLI takes the few it runs.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any, Protocol

from booking_domain.accounts.use_cases import AccountUseCases
from booking_domain.bookings.use_cases import BookingUseCases
from booking_domain.catalog.use_cases import CatalogUseCases
from booking_domain.disputes.use_cases import DisputeUseCases
from booking_domain.events.use_cases import EventUseCases
from booking_domain.media.use_cases import MediaUseCases
from booking_domain.notifications.use_cases import NotificationUseCases
from booking_domain.payments import PaymentMethod
from booking_domain.payments.use_cases import PaymentUseCases
from booking_domain.reviews.use_cases import ReviewUseCases
from booking_domain.scheduling.use_cases import SchedulingUseCases
from booking_domain.search.use_cases import SearchUseCases
from booking_domain.shared import EventRelay, HealthProbe
from booking_domain.shared.ports import OperationsReadout
from booking_domain.webhooks.use_cases import WebhookUseCases

ASGIMessage = MutableMapping[str, Any]
ASGIApp = Callable[
    [ASGIMessage, Callable[[], Awaitable[ASGIMessage]], Callable[[ASGIMessage], Awaitable[None]]],
    Awaitable[None],
]


@dataclass(frozen=True, slots=True)
class Bundles:
    accounts: AccountUseCases
    media: MediaUseCases
    catalog: CatalogUseCases
    scheduling: SchedulingUseCases
    bookings: BookingUseCases
    payments: PaymentUseCases
    disputes: DisputeUseCases
    events: EventUseCases
    webhooks: WebhookUseCases
    notifications: NotificationUseCases
    reviews: ReviewUseCases
    search: SearchUseCases
    health: HealthProbe
    operations: OperationsReadout  # what /metrics reads from the store
    relay: EventRelay  # pushes committed events to this process's stream listeners
    # The local stores' HTTP side (signed uploads and downloads, public media), when the
    # deployment keeps files itself; None with R2/S3.
    storage_server: ASGIApp | None = None
    # The sandbox gateway's bank app when the deployment pays through the sandbox.
    sandbox: SandboxBank | None = None


class SandboxPay(Protocol):
    async def pay(self, invoice_id: str, *, method: PaymentMethod = ...) -> str:
        """Pay the sandbox invoice in full, then call back as QPay would; the payment id."""
        ...


@dataclass(frozen=True, slots=True)
class SandboxBank:
    """The local-only pay action (a dataclass, as every dependency the HTTP layer takes)."""

    gateway: SandboxPay

    async def pay(self, invoice_id: str, method: PaymentMethod) -> str:
        return await self.gateway.pay(invoice_id, method=method)
