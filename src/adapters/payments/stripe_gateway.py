"""Stripe as a ``PaymentGateway``, through Stripe's own library (``stripe``, its async
methods on its httpx client): an invoice is a Checkout Session, a payment its
PaymentIntent (docs/payments.md, "Stripe").

- ``create_invoice``: a Checkout Session in payment mode for the invoice's amount and
  currency (the hosted page: no card data reaches us), its number as the session's
  ``client_reference_id`` and metadata and as the request's idempotency key (a retry of the
  same number answers the same session, never a second). The issued invoice's link is the
  hosted page's URL, and its QR code that URL (a customer at a desk pays on the phone).
- ``check_payments``: the session with its PaymentIntent; a paid session is one ``PAID``
  card payment whose id is the PaymentIntent's.
- ``cancel_invoice``: the session expired; one completed meanwhile is ``ALREADY_PAID``.
- ``refund_payment``: a refund of the whole PaymentIntent (one refunded before is
  ``REFUNDED``: asking twice is harmless).

Every call is made once: the library's own retries are off, because the jobs that call the
gateway retry on their schedule (``PaymentProviderUnavailableError``). Stripe's 404 is
``PaymentNotFoundError``; a 429, a 5xx or no answer ``PaymentProviderUnavailableError``;
any other refusal ``PaymentProviderError`` (our key or request is wrong).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Awaitable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import stripe

from adapters.payments.qr import qr_png_base64
from booking_domain.payments import (
    CancelOutcome,
    DeepLink,
    DepositNotPayableError,
    GatewayReport,
    InvoiceRequest,
    IssuedInvoice,
    PaymentCheck,
    PaymentGateway,
    PaymentMethod,
    PaymentNotFoundError,
    PaymentProviderError,
    PaymentProviderUnavailableError,
    PaymentState,
    ProviderPayment,
    RefundOutcome,
)
from booking_domain.payments.connect import GatewayAccountState, PayoutAccountGateway
from booking_domain.shared.money import Money

_log = logging.getLogger("inkslot.payments.stripe")
T = TypeVar("T")

# Stripe's smallest charge is about half a dollar; 50 smallest units is that in the
# two-decimal currencies (docs/payments.md lists what Stripe takes).
MINIMUM_AMOUNT = 50
MAX_NOTE = 500  # Stripe's limit on one metadata value
REPORT_PAGE = 100  # Stripe's largest list page
# The currencies a deployment enabling Stripe takes by default (INKSLOT_STRIPE_CURRENCIES
# names others): two-decimal ones, whose amounts are minor units as Money keeps them.
DEFAULT_CURRENCIES = frozenset({"USD", "EUR", "GBP", "CAD", "AUD", "NZD", "SGD", "HKD", "CHF"})


STRIPE_ID_PREFIXES = ("cs_", "pi_")  # a Checkout Session's, a PaymentIntent's


def is_stripe_id(provider_id: str) -> bool:
    """Whether an invoice or payment id is one of Stripe's (its objects' ids carry their
    kind's prefix; QPay's are UUIDs)."""
    return provider_id.startswith(STRIPE_ID_PREFIXES)


class StripeGateway(PaymentGateway, PayoutAccountGateway, GatewayReport):
    """``secret_key``: the account's secret API key; ``api_base``: Stripe's API (the local
    fake's in tests and ``make run``); ``currencies``: the ones it takes invoices in.

    Also Stripe Connect's Express accounts (``PayoutAccountGateway``): an artist's account
    opened, its onboarding link (Stripe's hosted page), and its state."""

    name = "stripe"

    def __init__(
        self,
        secret_key: str,
        *,
        currencies: frozenset[str] = DEFAULT_CURRENCIES,
        api_base: str | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.currencies = currencies
        self._http = stripe.HTTPXClient(timeout=timeout)
        bases: Any = {"api": api_base} if api_base else None
        self._stripe = stripe.StripeClient(
            secret_key, base_addresses=bases, http_client=self._http, max_network_retries=0
        )

    async def close(self) -> None:
        await self._http.close_async()  # type: ignore[no-untyped-call]  # untyped in stripe

    async def create_invoice(self, request: InvoiceRequest) -> IssuedInvoice:
        amount = request.amount
        if amount.currency not in self.currencies or amount.amount < MINIMUM_AMOUNT:
            raise DepositNotPayableError(
                f"Card payments take {', '.join(sorted(self.currencies))} from "
                f"{MINIMUM_AMOUNT} minor units; this one is {amount}."
            )
        back = request.return_url or request.callback_url
        params: Any = {
            "mode": "payment",
            "client_reference_id": request.number,
            "metadata": {"number": request.number},
            "payment_intent_data": {"metadata": {"number": request.number}},
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": amount.currency.lower(),
                        "unit_amount": amount.amount,
                        "product_data": {"name": request.description},
                    },
                }
            ],
            "success_url": _with_query(back, "paid=1"),
            "cancel_url": back,
        }
        if request.payee is not None:
            # A destination charge: Stripe pays the artist's account, keeping our fee.
            params["payment_intent_data"].update(
                application_fee_amount=request.payee.fee.amount,
                transfer_data={"destination": request.payee.account_id},
            )
        options: Any = {"idempotency_key": f"invoice-{request.number}"}
        session = await _call(self._stripe.v1.checkout.sessions.create_async(params, options))
        url = str(session.url)
        link = DeepLink("card", "Pay by card", "", url)
        return IssuedInvoice(
            session.id,
            url,
            qr_png_base64(url),
            url,
            (link,),
            raw=_evidence(session),
            gateway="stripe",
        )

    async def check_payments(self, invoice_id: str) -> PaymentCheck:
        params: Any = {"expand": ["payment_intent"]}
        session = await _call(self._stripe.v1.checkout.sessions.retrieve_async(invoice_id, params))
        currency = str(session.currency).upper()
        intent = session.payment_intent
        payments: tuple[ProviderPayment, ...] = ()
        if session.payment_status == "paid" and intent is not None and not isinstance(intent, str):
            payments = (_payment(intent, invoice_id),)
        total = sum(p.amount.amount for p in payments)
        return PaymentCheck(invoice_id, payments, Money(total, currency), raw=_evidence(session))

    async def get_payment(self, payment_id: str) -> ProviderPayment:
        intent = await _call(self._stripe.v1.payment_intents.retrieve_async(payment_id))
        listed: Any = {"payment_intent": payment_id, "limit": 1}
        sessions = await _call(self._stripe.v1.checkout.sessions.list_async(listed))
        invoice_id = sessions.data[0].id if sessions.data else None
        return _payment(intent, invoice_id)

    async def cancel_invoice(self, invoice_id: str) -> CancelOutcome:
        session = await _call(self._stripe.v1.checkout.sessions.retrieve_async(invoice_id))
        if session.status == "open":
            try:
                session = await _call(self._stripe.v1.checkout.sessions.expire_async(invoice_id))
            except PaymentProviderError:
                # Paid between the two calls: a payment raced the cancel.
                session = await _call(self._stripe.v1.checkout.sessions.retrieve_async(invoice_id))
        if session.status == "complete" or session.payment_status == "paid":
            return CancelOutcome.ALREADY_PAID
        return CancelOutcome.CANCELLED

    async def refund_payment(self, payment_id: str, note: str) -> RefundOutcome:
        intent = await _call(self._stripe.v1.payment_intents.retrieve_async(payment_id))
        params: Any = {
            "payment_intent": payment_id,
            "reason": "requested_by_customer",
            "metadata": {"note": note[:MAX_NOTE]},
        }
        if intent.transfer_data:
            # A destination charge: the artist's transfer and the platform's fee go back in
            # proportion, so the customer is repaid by both as both were paid.
            params.update(reverse_transfer=True, refund_application_fee=True)
        # No idempotency key: a refund asked again (a retry after no answer, a second job)
        # finds the charge refunded, which is the answer wanted.
        with contextlib.suppress(_AlreadyRefundedError):
            await _call(self._stripe.v1.refunds.create_async(params))
        return RefundOutcome.REFUNDED

    async def payments_between(self, start: datetime, end: datetime) -> Sequence[ProviderPayment]:
        """The PaymentIntents created in ``[start, end)``, a hundred a page (the daily
        reconciliation's report)."""
        found: list[ProviderPayment] = []
        params: Any = {
            "created": {"gte": int(start.timestamp()), "lt": int(end.timestamp())},
            "limit": REPORT_PAGE,
        }
        while True:
            page = await _call(self._stripe.v1.payment_intents.list_async(params))
            # Ours only: the account may take payments of other businesses of the platform's.
            found.extend(_payment(i, None) for i in page.data if "number" in (i.metadata or {}))
            if not page.has_more or not page.data:
                return found
            params["starting_after"] = page.data[-1].id

    # --- Connect --------------------------------------------------------------------------

    async def open_account(self, reference: str) -> str:
        params: Any = {
            "type": "express",
            "metadata": {"inkslot": reference},
            "capabilities": {
                "card_payments": {"requested": True},
                "transfers": {"requested": True},
            },
        }
        options: Any = {"idempotency_key": f"account-{reference}"}
        account = await _call(self._stripe.v1.accounts.create_async(params, options))
        return str(account.id)

    async def onboarding_link(self, account_id: str, return_url: str, refresh_url: str) -> str:
        params: Any = {
            "account": account_id,
            "type": "account_onboarding",
            "return_url": return_url,
            "refresh_url": refresh_url,
        }
        link = await _call(self._stripe.v1.account_links.create_async(params))
        return str(link.url)

    async def account_state(self, account_id: str) -> GatewayAccountState:
        account = await _call(self._stripe.v1.accounts.retrieve_async(account_id))
        return GatewayAccountState(
            charges_enabled=bool(account.charges_enabled),
            payouts_enabled=bool(account.payouts_enabled),
            details_submitted=bool(account.details_submitted),
        )


class _AlreadyRefundedError(Exception):
    """Stripe's ``charge_already_refunded``: what a refund asked twice finds (the answer
    wanted, never an error beyond this module)."""


def _payment(intent: Any, invoice_id: str | None) -> ProviderPayment:
    state = PaymentState.PAID if intent.status == "succeeded" else PaymentState.NEW
    received = int(intent.amount_received if state is PaymentState.PAID else intent.amount)
    fee = int(intent.application_fee_amount or 0) if intent.transfer_data else 0
    return ProviderPayment(
        payment_id=str(intent.id),
        state=state,
        amount=Money(received, str(intent.currency).upper()),
        method=PaymentMethod.CARD,
        invoice_id=invoice_id,
        paid_at=datetime.fromtimestamp(int(intent.created), UTC),
        gateway="stripe",
        transferred=received - fee if intent.transfer_data else 0,
        fee=fee,
    )


def _evidence(session: Any) -> str:
    """What is kept of a Checkout Session as evidence: its ids, states and amounts, never
    its or its PaymentIntent's client secrets."""
    intent = session.payment_intent
    kept: dict[str, Any] = {
        "id": session.id,
        "status": session.status,
        "payment_status": session.payment_status,
        "amount_total": session.amount_total,
        "currency": session.currency,
        "client_reference_id": session.client_reference_id,
        "payment_intent": intent
        if intent is None or isinstance(intent, str)
        else {
            "id": intent.id,
            "status": intent.status,
            "amount_received": intent.amount_received,
        },
    }
    return json.dumps(kept)


def _with_query(url: str, query: str) -> str:
    return url + ("&" if "?" in url else "?") + query


async def _call(request: Awaitable[T]) -> T:
    """One request to Stripe, its failures as the port's errors (the key never logged)."""
    try:
        return await request
    except stripe.InvalidRequestError as refused:
        if refused.http_status == 404:
            raise PaymentNotFoundError() from None
        if refused.code == "charge_already_refunded":
            raise _AlreadyRefundedError() from None
        _log.warning("Stripe refused a request: %s (%s)", refused.code, refused.http_status)
        raise PaymentProviderError() from None
    except (stripe.RateLimitError, stripe.APIConnectionError) as busy:
        _log.warning("Stripe is unavailable: %s", type(busy).__name__)
        raise PaymentProviderUnavailableError() from None
    except stripe.StripeError as failed:
        status = failed.http_status or 0
        _log.warning("Stripe failed: %s (%s)", type(failed).__name__, status)
        if status >= 500 or status == 0:
            raise PaymentProviderUnavailableError() from None
        raise PaymentProviderError() from None
