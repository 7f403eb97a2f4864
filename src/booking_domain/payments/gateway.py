"""The ``PaymentGateway`` port and the small values it exchanges (provider JSON never leaves
the adapter; ``raw`` fields are the provider's answers as text, kept as evidence and never
read by the core).

Every adapter passes ``tests/contract/payments``: the sandbox, QPay over HTTP, and the
payment edge. Errors: ``PaymentNotFoundError`` (unknown invoice or payment),
``PaymentProviderUnavailableError`` (retry later), ``PaymentProviderError`` (our request or
configuration is wrong), ``DepositNotPayableError`` (the provider refuses the amount),
``NothingToRefundError``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

from booking_domain.payments.connect import Payee
from booking_domain.shared.money import Money
from booking_domain.shared.outbox import JsonValue


@dataclass(frozen=True, slots=True)
class InvoiceRequest:
    """``number``: ours, unique per attempt, letters and digits, at most 45 (QPay's
    ``sender_invoice_no``); ``description`` ASCII letters, digits and spaces;
    ``callback_url`` what QPay calls when it is paid; ``return_url`` the page a customer
    paying on the provider's own page (Stripe Checkout) is sent back to; ``payee`` the
    artist's own account a gateway that pays artists (Stripe Connect) pays the artist's
    share to, with the platform's fee (none: the platform collects it all)."""

    number: str
    amount: Money
    description: str
    callback_url: str
    return_url: str = ""
    payee: Payee | None = None


@dataclass(frozen=True, slots=True)
class DeepLink:
    """One bank or wallet app that opens the invoice."""

    name: str
    description: str
    logo: str
    link: str


@dataclass(frozen=True, slots=True)
class IssuedInvoice:
    """What the provider made: its id, the QR payload and image (base64 PNG), a short URL
    and one deep link per bank app (Stripe: its hosted payment page as the URL, the link
    and the QR code's text); ``gateway`` the provider's name (``qpay``, ``stripe``), which
    says how a customer pays it."""

    invoice_id: str
    qr_text: str
    qr_image: str
    short_url: str
    deep_links: tuple[DeepLink, ...]
    raw: str = ""
    gateway: str = "qpay"

    def as_data(self) -> dict[str, JsonValue]:
        """The invoice as JSON data: camelCase keys, deep links as a list of objects. A form
        adapters may send or keep as it is (:meth:`of_data` reads it back)."""
        links: list[JsonValue] = [
            {"name": d.name, "description": d.description, "logo": d.logo, "link": d.link}
            for d in self.deep_links
        ]
        return {
            "invoiceId": self.invoice_id,
            "qrText": self.qr_text,
            "qrImage": self.qr_image,
            "shortUrl": self.short_url,
            "raw": self.raw,
            "deepLinks": links,
            # Named only when not QPay's: the form QPay's roads (the payment edges, older
            # rows) write and read stays as it was.
            **({} if self.gateway == "qpay" else {"gateway": self.gateway}),
        }

    @classmethod
    def of_data(cls, data: Mapping[str, Any]) -> IssuedInvoice:
        """The invoice from :meth:`as_data`'s form (``raw`` and ``gateway`` may be missing:
        older rows, all QPay's)."""
        links = tuple(
            DeepLink(str(d["name"]), str(d["description"]), str(d["logo"]), str(d["link"]))
            for d in data["deepLinks"]
        )
        return cls(
            str(data["invoiceId"]),
            str(data["qrText"]),
            str(data["qrImage"]),
            str(data["shortUrl"]),
            links,
            str(data.get("raw", "")),
            str(data.get("gateway", "qpay")),
        )


class PaymentState(StrEnum):
    NEW = "NEW"
    FAILED = "FAILED"
    PAID = "PAID"
    PARTIAL = "PARTIAL"
    REFUNDED = "REFUNDED"


class PaymentMethod(StrEnum):
    """``p2p``: a bank app transfer (refunds are manual); ``card``: refundable through the
    provider."""

    P2P = "p2p"
    CARD = "card"


@dataclass(frozen=True, slots=True)
class ProviderPayment:
    """One payment against an invoice as the provider reports it. ``paid_at`` only from a
    payment lookup (checks do not carry it); ``gateway`` the name of the gateway that took
    it (the ledger's: ``qpay``, its sandbox included, or ``stripe``)."""

    payment_id: str
    state: PaymentState
    amount: Money
    method: PaymentMethod
    invoice_id: str | None = None
    paid_at: datetime | None = None
    gateway: str = "qpay"
    # A destination charge's split (minor units of ``amount``'s currency): what the gateway
    # paid to the artist's own account, and the platform's fee it kept. 0 and 0 otherwise.
    transferred: int = 0
    fee: int = 0


@dataclass(frozen=True, slots=True)
class PaymentCheck:
    """The provider's answer to "what has been paid on this invoice": every payment row and
    its own total (a cross-check)."""

    invoice_id: str
    payments: tuple[ProviderPayment, ...]
    paid_total: Money
    raw: str = ""


class CancelOutcome(StrEnum):
    CANCELLED = "cancelled"  # now, or it already was, or the provider forgot it
    ALREADY_PAID = "already_paid"  # a payment raced the cancel: verify it


class RefundOutcome(StrEnum):
    REFUNDED = "refunded"  # now, or it already was
    MANUAL_SETTLEMENT = "manual_settlement"  # the provider cannot (bank-app payments)


class PaymentGateway(Protocol):
    # The currencies it takes invoices in (QPay: MNT only). A deposit in any other could
    # never be paid: the catalogue refuses services asking one, and bookings of them
    # (the wiring passes these to both as ``deposit_currencies``).
    currencies: frozenset[str]

    async def create_invoice(self, request: InvoiceRequest) -> IssuedInvoice:
        """A new payable invoice. A request that fails or times out burns its number: the
        caller tries again with a new one."""
        ...

    async def check_payments(self, invoice_id: str) -> PaymentCheck:
        """Every payment on the invoice now (none yet is an empty check, not an error)."""
        ...

    async def get_payment(self, payment_id: str) -> ProviderPayment:
        """One payment, with its invoice and time."""
        ...

    async def cancel_invoice(self, invoice_id: str) -> CancelOutcome:
        """Make the invoice unpayable; idempotent."""
        ...

    async def refund_payment(self, payment_id: str, note: str) -> RefundOutcome:
        """Give the whole payment back; idempotent."""
        ...


class GatewayReport(Protocol):
    """A gateway's own list of the payments made to the platform (QPay's
    ``/v2/payment/list``, Stripe's PaymentIntents), for the daily reconciliation."""

    name: str  # the gateway's name, as payments record it ("qpay", "stripe")

    async def payments_between(self, start: datetime, end: datetime) -> Sequence[ProviderPayment]:
        """Every payment made in ``[start, end)``, whatever its state, with ``paid_at``."""
        ...
