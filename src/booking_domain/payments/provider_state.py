"""State a payment gateway keeps that every process of a deployment shares.

A gateway runs in each API process, each worker and the CLI; what one of them learns of the
provider must hold for all of them. Two such things, each a port served by the PostgreSQL
adapter in a deployment (and in memory for one process):

- the provider's access token (``ProviderTokenStore``): providers like QPay issue one token
  per credential set and ask merchants to reuse it until it expires, so it is shared, and
  renewed by one process at a time;
- the sandbox provider's books (``SandboxLedger``): the local profile's stand-in for QPay
  keeps its invoices and payments where every process sees them, as a real provider would.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from booking_domain.payments.gateway import PaymentMethod, PaymentState
from booking_domain.shared.money import Money


@dataclass(frozen=True, slots=True)
class ProviderToken:
    """A provider's access token and the refresh token issued with it, with when each
    expires. ``refresh_used``: the refresh token was spent (a refresh answered with the same
    one), so the next renewal logs in afresh. Bearer credentials: never shown (the repr
    says only when the access token expires)."""

    access: str
    access_expires_at: datetime
    refresh: str
    refresh_expires_at: datetime
    refresh_used: bool = False

    def __repr__(self) -> str:
        return f"ProviderToken(expires={self.access_expires_at.isoformat()})"


class ProviderTokenSlot(Protocol):
    """The shared token while a renewal holds its turn (``ProviderTokenStore.renewing``)."""

    current: ProviderToken | None
    """The shared token as it was when the turn was taken (None: none yet), then as saved."""

    async def save(self, token: ProviderToken | None) -> None:
        """Replace the shared token (None forgets it): every process sharing the store sees
        it from now on, whatever the renewal does next. ``current`` is ``token`` afterwards."""
        ...


class ProviderTokenStore(Protocol):
    """One credential set's token, shared by every process of a deployment."""

    async def get(self) -> ProviderToken | None:
        """The token as last saved (None: none yet, or forgotten). Never waits for a
        renewal under way."""
        ...

    def renewing(self) -> AbstractAsyncContextManager[ProviderTokenSlot]:
        """``async with store.renewing() as slot``: one renewal at a time across every
        process sharing the store (another waits for its turn). The slot's ``current`` is
        read once the turn is taken, so a token another process renewed meanwhile is seen
        and need not be renewed again. Leaving the block, however it is left, gives the
        turn up; no transaction of the caller's is held while it lasts (a renewal talks to
        the provider)."""
        ...


@dataclass(frozen=True, slots=True)
class SandboxInvoice:
    """An invoice in the sandbox provider's books. ``status``: ``open``, ``paid`` or
    ``cancelled``."""

    invoice_id: str
    number: str
    amount: Money
    callback_url: str
    status: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SandboxPayment:
    """A payment in the sandbox provider's books, made on ``invoice_id``."""

    payment_id: str
    invoice_id: str
    amount: Money
    state: PaymentState
    method: PaymentMethod
    paid_at: datetime


class SandboxLedger(Protocol):
    """The sandbox provider's books: its invoices and payments, the same for every process
    of a deployment. Each call stands alone (the sandbox plays a provider, which never
    shares a transaction with us)."""

    async def add_invoice(self, invoice: SandboxInvoice) -> None:
        """Raises ``ConflictError`` when the number was used before (QPay's UNIQUE_ERROR)."""
        ...

    async def invoice(self, invoice_id: str) -> SandboxInvoice | None:
        """The invoice, or None when the books have no such id."""
        ...

    async def set_invoice_status(self, invoice_id: str, status: str) -> None:
        """Change a known invoice's status."""
        ...

    async def add_payment(self, payment: SandboxPayment) -> None:
        """Record a payment on a known invoice (payment ids are never reused)."""
        ...

    async def payment(self, payment_id: str) -> SandboxPayment | None:
        """The payment, or None when the books have no such id."""
        ...

    async def payments_between(self, start: datetime, end: datetime) -> Sequence[SandboxPayment]:
        """Every payment paid in ``[start, end)``, oldest first."""
        ...

    async def payments_of(self, invoice_id: str) -> Sequence[SandboxPayment]:
        """Every payment made on the invoice, in the order they were made (none: empty)."""
        ...

    async def set_payment_state(self, payment_id: str, state: PaymentState) -> None:
        """Change a known payment's state (a refund)."""
        ...
