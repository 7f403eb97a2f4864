"""The payment edge refuses what the API did not sign, or signed too long ago, or sent
before: 401, and nothing reaches QPay. Each test runs against the Python edge and against
the Cloudflare Worker of ``edge-worker/`` under Miniflare (skipped without Node 20); the
Worker must also answer every request byte for byte as the Python edge does."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
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
from tests.support.worker_edge import WorkerEdge, serving_worker_edge, skip_reason

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


@pytest.fixture(scope="module")
def worker_edge() -> Iterator[WorkerEdge]:
    """The Worker edge of this module's tests (each test gets a fresh fake QPay behind it)."""
    reason = skip_reason()
    if reason is not None:
        pytest.skip(reason)
    with serving_worker_edge(SECRET.decode(), isolates=2) as edge:
        yield edge


@asynccontextmanager
async def _python_edge() -> AsyncIterator[Edge]:
    fake = FakeQPay()
    with serving(fake) as qpay_url:
        credentials = QPayCredentials(qpay_url, CLIENT_ID, CLIENT_SECRET, INVOICE_CODE)
        qpay = QPayGateway(credentials, SystemClock(), InMemoryProviderTokenStore())
        try:
            with serving(PaymentEdge(qpay, Verifier(SECRET))) as url:
                yield Edge(url, fake)
        finally:
            await qpay.close()


@pytest.fixture(params=["python", "worker"])
async def edge(request: pytest.FixtureRequest) -> AsyncIterator[Edge]:
    if request.param == "worker":
        worker: WorkerEdge = request.getfixturevalue("worker_edge")
        yield Edge(worker.url, worker.fresh_fake())
        return
    async with _python_edge() as python_edge:
        yield python_edge


async def _post(edge: Edge, headers: dict[str, str], body: bytes = BODY) -> httpx.Response:
    return await _post_to(edge.url, headers, body)


async def _post_to(url: str, headers: dict[str, str], body: bytes = BODY) -> httpx.Response:
    async with httpx.AsyncClient(base_url=url) as client:
        return await client.post("/v1/invoices", content=body, headers=headers)


async def test_a_signed_request_is_served_once_and_its_replay_refused(edge: Edge) -> None:
    headers = signed_headers(SECRET, "POST", "/v1/invoices", BODY)
    first = await _post(edge, headers)
    assert first.status_code == 200, first.text
    replay = await _post(edge, headers)
    assert (replay.status_code, replay.json()) == (401, {"error": "unauthorised"})
    assert len(edge.fake.invoices) == 1


async def test_each_isolate_of_the_worker_refuses_a_replay_and_shares_the_token(
    worker_edge: WorkerEdge,
) -> None:
    """The Worker keeps its nonces and QPay's token in Durable Objects: a request one isolate
    served is refused when replayed to another, and the other logs in to QPay no more."""
    fake = worker_edge.fresh_fake()
    first, other = worker_edge.urls
    headers = signed_headers(SECRET, "POST", "/v1/invoices", BODY)
    served = await _post_to(first, headers)
    assert served.status_code == 200, served.text
    logins = fake.token_logins
    replay = await _post_to(other, headers)
    assert (replay.status_code, replay.json()) == (401, {"error": "unauthorised"})
    assert len(fake.invoices) == 1
    body = BODY.replace(b"INKEDGE01", b"INKEDGE02")
    fresh = await _post_to(other, signed_headers(SECRET, "POST", "/v1/invoices", body), body)
    assert fresh.status_code == 200, fresh.text
    assert (len(fake.invoices), fake.token_logins) == (2, logins)


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


def _invoice(number: str, amount: int = 1_500_000, currency: str = "MNT") -> dict[str, Any]:
    return {
        "number": number,
        "amount": {"amount": amount, "currency": currency},
        "description": f"Inkslot deposit {number}",
        "callbackUrl": f"https://api.example/cb/{number}?t=x",
    }


async def _script(edge: Edge) -> list[tuple[str, int, str]]:
    """The same requests, and the same doings of QPay, against one edge: what it answered,
    its ids (random at the fake QPay) written as the order they were made in."""
    fake = edge.fake
    answers: list[tuple[str, int, str]] = []
    async with httpx.AsyncClient(base_url=edge.url, timeout=30) as client:

        async def ask(
            label: str, method: str, path: str, body: dict[str, Any] | bytes | None = None
        ) -> dict[str, Any]:
            if isinstance(body, bytes):
                content = body
            else:
                content = b"" if body is None else json.dumps(body).encode()
            headers = signed_headers(SECRET, method, path, content)
            answer = await client.request(method, path, content=content, headers=headers)
            answers.append((label, answer.status_code, answer.text))
            parsed = answer.json()
            return parsed if isinstance(parsed, dict) else {}

        invoice = (await ask("create", "POST", "/v1/invoices", _invoice("INKP01")))["invoiceId"]
        await ask("check none", "POST", f"/v1/invoices/{invoice}/check", {})
        card = fake.pay(invoice, "CARD")
        await ask("check paid", "POST", f"/v1/invoices/{invoice}/check", {})
        await ask("get", "GET", f"/v1/payments/{card}")
        await ask("refund card", "POST", f"/v1/payments/{card}/refund", {"note": "é" * 300})
        await ask("refund again", "POST", f"/v1/payments/{card}/refund", {})
        await ask("cancel paid", "POST", f"/v1/invoices/{invoice}/cancel", {})
        await ask("number again", "POST", "/v1/invoices", _invoice("INKP01"))
        await ask("möngö", "POST", "/v1/invoices", _invoice("INKP02", 1_500_050))
        await ask("negative", "POST", "/v1/invoices", _invoice("INKP03", -100))
        await ask("no field", "POST", "/v1/invoices", {"number": "INKP04"})
        await ask("not json", "POST", "/v1/invoices", b"{nope")
        await ask("no route", "POST", "/v1/nothing", {})
        await ask("unknown", "GET", "/v1/payments/123")
        await ask("odd id", "POST", "/v1/invoices/a%2Fb/cancel", {})
        for failure in ("500", "busy", "not_json", "nested", "401"):
            fake.fail_next("/v2/invoice", failure)
            await ask(f"QPay {failure}", "POST", "/v1/invoices", _invoice(f"INKF{failure[:3]}"))
        fake.expire_tokens()
        other = await ask("after expiry", "POST", "/v1/invoices", _invoice("INKP05"))
        p2p = fake.pay(other["invoiceId"], "P2P")
        fake.payments[p2p].date = "2026-03-02 04:12:09.123456789+05:30"
        await ask("get p2p", "GET", f"/v1/payments/{p2p}")
        await ask("refund p2p", "POST", f"/v1/payments/{p2p}/refund", {"note": "x"})
        open_one = await ask("create open", "POST", "/v1/invoices", _invoice("INKP06"))
        await ask("cancel", "POST", f"/v1/invoices/{open_one['invoiceId']}/cancel", {})
        await ask("cancel again", "POST", f"/v1/invoices/{open_one['invoiceId']}/cancel", {})
        too_large = await client.post("/v1/invoices", content=b"x" * (16 * 1024 + 1))
        answers.append(("too large", too_large.status_code, too_large.text))
    names = {p: f"<payment {n}>" for n, p in enumerate(fake.payments)}
    for n, invoice_id in enumerate(fake.invoices):
        short = invoice_id.replace("-", "")[:12]
        names |= {invoice_id: f"<invoice {n}>", short: f"<qr {n}>", invoice_id[:8]: f"<url {n}>"}
    return [(label, status, _placeholders(text, names)) for label, status, text in answers]


def _placeholders(text: str, names: dict[str, str]) -> str:
    for real, placeholder in names.items():
        text = text.replace(real, placeholder)
    return text


async def test_the_worker_answers_as_the_python_edge_does(worker_edge: WorkerEdge) -> None:
    """Byte for byte, QPay's failures included: the Worker is a port, not a lookalike."""
    async with _python_edge() as python_edge:
        expected = await _script(python_edge)
    worker = await _script(Edge(worker_edge.url, worker_edge.fresh_fake()))
    assert worker == expected
