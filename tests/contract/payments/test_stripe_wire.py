"""Stripe's side of the wire, beyond the gateway contract: its failures as the port's
errors (a 429, a 5xx, a wrong key, a declined card), and its webhook deliveries verified
and read (``adapters.payments.stripe_webhooks``) with signatures made as Stripe makes them.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.payments.stripe_gateway import StripeGateway, is_stripe_id
from adapters.payments.stripe_webhooks import StripeWebhook
from booking_domain.payments import (
    GatewayEventKind,
    GatewayEventRefusedError,
    InvoiceRequest,
    PaymentProviderError,
    PaymentProviderUnavailableError,
)
from booking_domain.shared import Money
from entrypoints.fake_stripe import FakeStripe, FakeStripeApi, sign
from tests.support.http_servers import serving

SECRET = "whsec_test_wire"
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def fake() -> Iterator[tuple[FakeStripe, str]]:
    state = FakeStripe()
    with serving(FakeStripeApi(state)) as url:
        state.base_url = url
        yield state, url


@pytest.fixture
async def gateway(fake: tuple[FakeStripe, str]) -> AsyncIterator[StripeGateway]:
    state, url = fake
    made = StripeGateway(state.secret_key, api_base=url)
    yield made
    await made.close()


def _request(number: str = "INK7K3M9Q01") -> InvoiceRequest:
    return InvoiceRequest(
        number, Money(2_000, "USD"), f"Inkslot deposit {number}", "", "https://app.example/b/1"
    )


@pytest.mark.anyio
@pytest.mark.parametrize(
    ("status", "error"),
    [(429, PaymentProviderUnavailableError), (500, PaymentProviderUnavailableError)],
)
async def test_a_busy_or_failing_stripe_is_unavailable(
    fake: tuple[FakeStripe, str], gateway: StripeGateway, status: int, error: type[Exception]
) -> None:
    fake[0].fail_next(status)
    with pytest.raises(error):
        await gateway.create_invoice(_request())
    issued = await gateway.create_invoice(_request())  # the next call goes through
    assert is_stripe_id(issued.invoice_id)


@pytest.mark.anyio
async def test_a_wrong_key_is_a_provider_error(fake: tuple[FakeStripe, str]) -> None:
    wrong = StripeGateway("sk_test_wrong", api_base=fake[1])
    try:
        with pytest.raises(PaymentProviderError):
            await wrong.create_invoice(_request())
    finally:
        await wrong.close()


@pytest.mark.anyio
async def test_the_session_asks_what_the_invoice_asks_and_sends_the_customer_back(
    fake: tuple[FakeStripe, str], gateway: StripeGateway
) -> None:
    issued = await gateway.create_invoice(_request())
    session = fake[0].sessions[issued.invoice_id]
    assert (session["amount_total"], session["currency"], session["mode"]) == (
        2_000,
        "usd",
        "payment",
    )
    assert session["client_reference_id"] == "INK7K3M9Q01"
    assert session["success_url"] == "https://app.example/b/1?paid=1"
    assert session["cancel_url"] == "https://app.example/b/1"
    assert issued.short_url == session["url"] == issued.deep_links[0].link


@pytest.mark.anyio
async def test_a_declined_card_pays_nothing(
    fake: tuple[FakeStripe, str], gateway: StripeGateway
) -> None:
    issued = await gateway.create_invoice(_request())
    fake[0].pay(issued.invoice_id, "declined")
    check = await gateway.check_payments(issued.invoice_id)
    assert (check.payments, check.paid_total) == ((), Money(0, "USD"))


# --- webhooks ---------------------------------------------------------------------------


def _event(kind: str, obj: dict[str, Any]) -> dict[str, Any]:
    created = int(NOW.timestamp())
    return {
        "id": "evt_1",
        "object": "event",
        "type": kind,
        "created": created,
        "data": {"object": obj},
    }


def _signed(body: dict[str, Any], at: datetime = NOW, secret: str = SECRET) -> tuple[bytes, str]:
    payload = json.dumps(body).encode()
    return payload, sign(payload, secret, int(at.timestamp()))


SESSION = {"id": "cs_test_1", "object": "checkout.session", "payment_intent": "pi_test_1"}
DISPUTE = {
    "id": "dp_1",
    "object": "dispute",
    "amount": 2_000,
    "currency": "usd",
    "payment_intent": "pi_test_1",
    "reason": "fraudulent",
}


def test_a_paid_session_is_read_as_paid() -> None:
    payload, signature = _signed(_event("checkout.session.completed", SESSION))
    event = StripeWebhook(SECRET).event(payload, signature, NOW)
    assert (event.gateway, event.event_id, event.kind) == ("stripe", "evt_1", GatewayEventKind.PAID)
    assert (event.invoice_id, event.payment_id, event.occurred_at) == (
        "cs_test_1",
        "pi_test_1",
        NOW,
    )
    assert event.raw == payload.decode()


def test_a_dispute_is_read_with_its_amount_and_reason() -> None:
    payload, signature = _signed(_event("charge.dispute.created", DISPUTE))
    event = StripeWebhook(SECRET).event(payload, signature, NOW)
    assert (event.kind, event.payment_id) == (GatewayEventKind.DISPUTED, "pi_test_1")
    assert (event.amount, event.reason) == (Money(2_000, "USD"), "fraudulent")


def test_other_events_are_kept_with_nothing_to_do() -> None:
    for kind in ("checkout.session.expired", "payment_intent.payment_failed", "charge.refunded"):
        payload, signature = _signed(_event(kind, SESSION))
        assert StripeWebhook(SECRET).event(payload, signature, NOW).kind is GatewayEventKind.OTHER


@pytest.mark.parametrize(
    "forged",
    [
        "another secret",
        "five minutes and a second old",
        "from the future",
        "no header",
        "a header without a signature",
        "a signed body that is no event",
        "a fresh second timestamp beside the signed one",
        "a space before the timestamp",
        "a timestamp out of range",
    ],
)
def test_deliveries_that_do_not_verify_are_refused(forged: str) -> None:
    body = _event("checkout.session.completed", SESSION)
    payload, signature = _signed(body)
    if forged == "another secret":
        payload, signature = _signed(body, secret="whsec_other")
    elif forged == "five minutes and a second old":
        payload, signature = _signed(body, at=NOW - timedelta(minutes=5, seconds=1))
    elif forged == "from the future":
        payload, signature = _signed(body, at=NOW + timedelta(minutes=6))
    elif forged == "no header":
        signature = ""
    elif forged == "a header without a signature":
        signature = f"t={int(NOW.timestamp())}"
    elif forged == "a fresh second timestamp beside the signed one":
        payload, old = _signed(body, at=NOW - timedelta(days=3))  # a captured delivery
        signature = f"{old},t={int(NOW.timestamp())}"
    elif forged == "a space before the timestamp":  # the library reads the second t
        payload, old = _signed(body, at=NOW - timedelta(days=3))
        signature = f" t={int(NOW.timestamp())},{old}"
    elif forged == "a timestamp out of range":
        signature = signature.replace(f"t={int(NOW.timestamp())}", "t=999999999999")
    else:
        payload = b'["not", "an", "event"]'
        signature = sign(payload, SECRET, int(NOW.timestamp()))
    with pytest.raises(GatewayEventRefusedError):
        StripeWebhook(SECRET).event(payload, signature, NOW)


@given(st.binary(min_size=1, max_size=300), st.data())
def test_any_changed_byte_of_a_signed_body_is_refused(payload: bytes, data: st.DataObject) -> None:
    """The signature covers every byte: whatever the body, changing one byte of it (or
    appending one) after signing is refused before anything of it is read."""
    signature = sign(payload, SECRET, int(NOW.timestamp()))
    at = data.draw(st.integers(0, len(payload)))
    changed = (
        payload[:at]
        + bytes([(payload[at] + 1) % 256 if at < len(payload) else 0])
        + payload[at + 1 :]
    )
    with pytest.raises(GatewayEventRefusedError):
        StripeWebhook(SECRET).event(changed, signature, NOW)
