"""Several gateways as one ``PaymentGateway`` (docs/payments.md, "Choosing gateways"): a
deployment enabling QPay (or its sandbox) and Stripe talks to both through this.

- An invoice goes to the first gateway, in the order given, that takes its currency (QPay
  first: a tögrög deposit stays with the bank apps people in Mongolia use).
- Every other call goes to the gateway whose ids the id has the shape of (``owns``): the
  ids of Stripe's objects carry their kind's prefix (``cs_``, ``pi_``), QPay's are UUIDs.
- ``currencies`` is every gateway's together: what the catalogue and bookings accept a
  deposit in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from booking_domain.payments import (
    CancelOutcome,
    DepositNotPayableError,
    InvoiceRequest,
    IssuedInvoice,
    PaymentCheck,
    PaymentGateway,
    PaymentNotFoundError,
    ProviderPayment,
    RefundOutcome,
)


@dataclass(frozen=True, slots=True)
class Route:
    """One gateway and which ids are its."""

    gateway: PaymentGateway
    owns: Callable[[str], bool]


class RoutedGateway(PaymentGateway):
    def __init__(self, routes: Sequence[Route]) -> None:
        if not routes:
            raise ValueError("at least one gateway")
        self.routes = tuple(routes)
        self.currencies = frozenset().union(*(r.gateway.currencies for r in self.routes))

    def gateway_for(self, currency: str) -> Route | None:
        """The route an invoice in ``currency`` takes (None: no enabled gateway takes it)."""
        return next((r for r in self.routes if currency in r.gateway.currencies), None)

    def _owner(self, provider_id: str) -> PaymentGateway:
        route = next((r for r in self.routes if r.owns(provider_id)), None)
        if route is None:
            raise PaymentNotFoundError()
        return route.gateway

    async def create_invoice(self, request: InvoiceRequest) -> IssuedInvoice:
        route = self.gateway_for(request.amount.currency)
        if route is None:
            raise DepositNotPayableError(
                f"No payment method here takes {request.amount.currency}; "
                f"deposits are paid in {', '.join(sorted(self.currencies))}."
            )
        return await route.gateway.create_invoice(request)

    async def check_payments(self, invoice_id: str) -> PaymentCheck:
        return await self._owner(invoice_id).check_payments(invoice_id)

    async def get_payment(self, payment_id: str) -> ProviderPayment:
        return await self._owner(payment_id).get_payment(payment_id)

    async def cancel_invoice(self, invoice_id: str) -> CancelOutcome:
        return await self._owner(invoice_id).cancel_invoice(invoice_id)

    async def refund_payment(self, payment_id: str, note: str) -> RefundOutcome:
        return await self._owner(payment_id).refund_payment(payment_id, note)
