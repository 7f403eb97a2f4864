"""The two roads money takes, for tests that run one payment scenario over both: QPay
(``FakeQPay`` over real HTTP, its callback the provider's word) and Stripe (the fake
Stripe of ``entrypoints.fake_stripe`` over real HTTP, its signed webhook events the
provider's word). Each gives the app's settings, a service priced in its currency, and the
customer's and the bank's sides: paying an invoice (or failing to), and what the provider
then tells the app, as deliveries the test makes in the order and number it chooses.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from entrypoints.fake_stripe import FakeStripe, FakeStripeApi
from tests.support.fake_qpay import CLIENT_ID, CLIENT_SECRET, INVOICE_CODE, FakeQPay
from tests.support.http_servers import serving

STRIPE_EVENTS = "/api/v1/payments/stripe/events"
Deliver = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


@dataclass
class Rail:
    name: str
    settings: dict[str, Any]
    service: dict[str, Any]  # 20 % deposit of 1,500.00 in the rail's currency: 300.00
    deposit: int  # minor units
    _pay: Callable[[str, bool], list[Deliver]]
    _refunded: Callable[[str], bool]
    _dispute: Callable[[str], list[Deliver]] | None = None
    delivered: list[int] = field(default_factory=list)

    def pay(self, invoice_id: str, *, declined: bool = False) -> list[Deliver]:
        """The customer pays (a card declined: tries and fails); what the provider then
        tells the app, undelivered."""
        return self._pay(invoice_id, declined)

    def refunded(self, payment_id: str) -> bool:
        """Whether the provider paid the payment back in full."""
        return self._refunded(payment_id)

    @property
    def has_chargebacks(self) -> bool:
        return self._dispute is not None

    def dispute(self, payment_id: str) -> list[Deliver]:
        assert self._dispute is not None
        return self._dispute(payment_id)


@contextmanager
def qpay_rail(clock: Callable[[], float]) -> Iterator[Rail]:
    fake = FakeQPay(clock=clock, payment_clock=clock)
    with serving(fake) as url:

        def pay(invoice_id: str, declined: bool) -> list[Deliver]:
            if declined:
                return []  # the bank app never paid: QPay calls nobody
            payment_id = fake.pay(invoice_id, "CARD")
            callback = fake.invoices[invoice_id].callback_url + f"&qpay_payment_id={payment_id}"
            return [lambda client: client.get(callback)]

        def refunded(payment_id: str) -> bool:
            return fake.payments[payment_id].status == "REFUNDED"

        settings = {
            "payment_gateway": "qpay",
            "qpay_base_url": url,
            "qpay_client_id": CLIENT_ID,
            "qpay_client_secret": CLIENT_SECRET,
            "qpay_invoice_code": INVOICE_CODE,
        }
        service = {"deposit": {"percent": 20}}
        yield Rail("qpay", settings, service, 30_000, pay, refunded)


@contextmanager
def stripe_rail(clock: Callable[[], float]) -> Iterator[Rail]:
    """Stripe alone (``payment_gateway="none"``): every deposit is a card payment."""
    state = FakeStripe(clock=clock)
    app = FakeStripeApi(state)  # no webhook URL: the test delivers the events itself
    with serving(app) as url:
        state.base_url = url

        def deliveries(seen: int) -> list[Deliver]:
            return [_delivery(state, event) for event in state.events_after(seen)]

        def pay(invoice_id: str, declined: bool) -> list[Deliver]:
            seen = len(state.events)
            state.pay(invoice_id, "declined" if declined else "success")
            return deliveries(seen)

        def refunded(payment_id: str) -> bool:
            charge = state.charges[state.intents[payment_id]["latest_charge"]]
            return bool(charge["refunded"])

        def dispute(payment_id: str) -> list[Deliver]:
            seen = len(state.events)
            state.dispute(payment_id)
            return deliveries(seen)

        settings = stripe_settings(state, url)
        service = {"price": {"amount": 150_000, "currency": "USD"}, "deposit": {"percent": 20}}
        yield Rail("stripe", settings, service, 30_000, pay, refunded, dispute)


def stripe_settings(state: FakeStripe, url: str) -> dict[str, Any]:
    return {
        "payment_gateway": "none",
        "stripe_secret_key": state.secret_key,
        "stripe_webhook_secret": state.webhook_secret,
        "stripe_api_url": url,
    }


def _delivery(state: FakeStripe, event: dict[str, Any]) -> Deliver:
    """The event's delivery, signed when it is made (a delivery Stripe retries later carries
    a fresh signature)."""

    def deliver(client: httpx.AsyncClient) -> Awaitable[httpx.Response]:
        payload, signature = state.signed(event)
        headers = {"content-type": "application/json", "stripe-signature": signature}
        return client.post(STRIPE_EVENTS, content=payload, headers=headers)

    return deliver
