"""The payment edge refuses what the API did not sign, or signed too long ago, or sent
before: 401, and nothing reaches QPay."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest

from adapters.payments.edge_wire import Verifier, signed_headers
from adapters.payments.qpay import MemoryTokenStore, QPayCredentials, QPayGateway
from adapters.system.clock import SystemClock
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
    qpay = QPayGateway(credentials, SystemClock(), MemoryTokenStore())
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
