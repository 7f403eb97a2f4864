"""The payment edge refuses what the API did not sign, or signed too long ago, or sent
before: 401, and nothing reaches QPay."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from adapters.payments.edge import EdgeGateway
from adapters.payments.edge_wire import Verifier, signed_headers
from adapters.payments.qpay import InMemoryProviderTokenStore, QPayCredentials, QPayGateway
from adapters.system.clock import SystemClock
from booking_domain.payments import PaymentNotFoundError, PaymentProviderUnavailableError
from entrypoints.payment_edge import PaymentEdge
from tests.support.fake_qpay import CLIENT_ID, CLIENT_SECRET, INVOICE_CODE, FakeQPay, serving

pytestmark = pytest.mark.anyio
SECRET = b"edge-test-secret-" + b"y" * 24
BODY = json.dumps(
    {
        "number": "INKEDGE01",
        "amount": {"amount": 1_500_000, "currency": "MNT"},
        "description": "Inkslot deposit INKEDGE01",
        "callbackUrl": "https://api.example/cb/INKEDGE01?t=x",
    }
).encode()


@dataclass
class Edge:
    url: str
    fake: FakeQPay


@pytest.fixture
def fake() -> FakeQPay:
    return FakeQPay()


@pytest.fixture
def qpay_url(fake: FakeQPay) -> Iterator[str]:
    with serving(fake) as url:
        yield url


@pytest.fixture
async def edge(fake: FakeQPay, qpay_url: str) -> AsyncIterator[Edge]:
    credentials = QPayCredentials(qpay_url, CLIENT_ID, CLIENT_SECRET, INVOICE_CODE)
    qpay = QPayGateway(credentials, SystemClock(), InMemoryProviderTokenStore())
    with serving(PaymentEdge(qpay, Verifier(SECRET))) as url:
        yield Edge(url, fake)
    await qpay.close()


async def _post(edge: Edge, headers: dict[str, str], body: bytes = BODY) -> httpx.Response:
    async with httpx.AsyncClient(base_url=edge.url) as client:
        return await client.post("/v1/invoices", content=body, headers=headers)


async def test_a_signed_request_is_served_once_and_its_replay_refused(edge: Edge) -> None:
    headers = signed_headers(SECRET, "POST", "/v1/invoices", BODY)
    first = await _post(edge, headers)
    assert first.status_code == 200, first.text
    replay = await _post(edge, headers)
    assert (replay.status_code, replay.json()) == (401, {"error": "unauthorised"})
    assert len(edge.fake.invoices) == 1


async def test_unsigned_tampered_stale_and_foreign_requests_do_nothing(edge: Edge) -> None:
    good = signed_headers(SECRET, "POST", "/v1/invoices", BODY)
    tampered_body = BODY.replace(b"1500000", b"1")
    stale = signed_headers(SECRET, "POST", "/v1/invoices", BODY, now=lambda: 1_700_000_000)
    foreign = signed_headers(b"another-secret-" + b"z" * 24, "POST", "/v1/invoices", BODY)
    other_path = signed_headers(SECRET, "POST", "/v1/invoices/x/check", BODY)
    for headers, body in (
        (({}), BODY),
        (good, tampered_body),
        (stale, BODY),
        (foreign, BODY),
        (other_path, BODY),
    ):
        answer = await _post(edge, headers, body)
        assert answer.status_code == 401, answer.text
    assert edge.fake.invoices == {} and edge.fake.token_logins == 0


async def test_odd_signature_headers_are_refused_not_a_crash(edge: Edge) -> None:
    good = signed_headers(SECRET, "POST", "/v1/invoices", BODY)
    odd = [
        {**good, "x-inkslot-timestamp": "²"},
        {**good, "x-inkslot-timestamp": "9" * 5000},
        {**good, "x-inkslot-signature": "v1=" + "é" * 64},
        {**good, "x-inkslot-nonce": "ñ" * 20},
    ]
    for headers in odd:
        raw = {k.encode(): v.encode("utf-8") for k, v in headers.items()}  # sent as bytes, as is
        async with httpx.AsyncClient(base_url=edge.url) as client:
            answer = await client.post("/v1/invoices", content=BODY, headers=raw)
        assert answer.status_code == 401, answer.text
    assert edge.fake.invoices == {}


async def test_the_api_believes_only_answers_the_edge_signed(edge: Edge) -> None:
    async def impostor(scope: dict[str, Any], receive: Any, send: Any) -> None:
        """Sits where the edge should be and says every invoice is paid."""
        if scope["type"] != "http":
            return
        await receive()
        body = json.dumps(
            {
                "invoiceId": "x",
                "payments": [],
                "raw": "",
                "paidTotal": {"amount": 1_500_000, "currency": "MNT"},
            }
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})

    with serving(impostor) as url:
        gateway = EdgeGateway(url, SECRET.decode())
        with pytest.raises(PaymentProviderUnavailableError):
            await gateway.check_payments("x")
        await gateway.close()
    genuine = EdgeGateway(edge.url, SECRET.decode())
    with pytest.raises(PaymentNotFoundError):  # a signed "not found" is believed
        await genuine.check_payments("0b9d6c3e-5f21-4a7e-9c44-2d1e8f7a6b10")
    await genuine.close()
