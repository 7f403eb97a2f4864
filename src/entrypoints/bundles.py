"""What the entrypoints receive from the composition root: every context's use cases (an
instance of the registry, ``entrypoints.contexts.Contexts``) and the few services that are
no context's.

The HTTP layer registers each bundle as its own dependency, under the context's name, so a
controller sees only its context's use cases; the CLI and the worker take the few they run.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any, Protocol

from booking_domain.payments import PaymentMethod
from booking_domain.shared import Clock, HealthProbe, OutboxRelay
from booking_domain.shared.ports import OperationsReadout
from entrypoints.contexts import Contexts

ASGIMessage = MutableMapping[str, Any]
ASGIApp = Callable[
    [ASGIMessage, Callable[[], Awaitable[ASGIMessage]], Callable[[ASGIMessage], Awaitable[None]]],
    Awaitable[None],
]


@dataclass(frozen=True, slots=True)
class Bundles(Contexts):
    health: HealthProbe
    operations: OperationsReadout  # what /metrics reads from the store
    relay: OutboxRelay  # pushes committed events to this process's stream listeners
    clock: Clock  # the core's clock: what "now" and "today" are to the pages it renders
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
