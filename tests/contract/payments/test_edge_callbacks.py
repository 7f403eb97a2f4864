"""QPay's callbacks through the payment edge: passed on to the API with the query QPay sent,
``SUCCESS`` once the API took them, refused when they cannot be ours. Against the Python
edge and the Cloudflare Worker of ``edge-worker/`` (skipped without Node 20)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from adapters.payments.edge_wire import Verifier
from adapters.payments.qpay import InMemoryProviderTokenStore, QPayCredentials, QPayGateway
from adapters.system.clock import SystemClock
from entrypoints.payment_edge import PaymentEdge
from entrypoints.payment_edge.forward import CallbackForwarder
from tests.support.fake_qpay import CLIENT_ID, CLIENT_SECRET, INVOICE_CODE, FakeQPay, serving
from tests.support.server import free_port
from tests.support.worker_edge import WorkerEdge, serving_worker_edge, skip_reason

pytestmark = pytest.mark.anyio
SECRET = "edge-callback-secret-" + "c" * 24
CALLBACK_PATH = "/api/v1/payments/callback"


@dataclass
class FakeApi:
    """The API's callback endpoint: what it was called with, and what it answers."""

    heard: list[tuple[str, str, str]] = field(default_factory=list)
    status: int = 200

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        query = scope["query_string"].decode("latin-1")
        self.heard.append((scope["method"], scope["path"], query))
        await send({"type": "http.response.start", "status": self.status, "headers": []})
        await send({"type": "http.response.body", "body": b"SUCCESS"})


@dataclass
class Edge:
    url: str
    api: FakeApi


@pytest.fixture(scope="module")
def api_url() -> Iterator[tuple[str, FakeApi]]:
    """One fake API for the module (the Worker is started once, with its URL); each test
    clears what it heard."""
    api = FakeApi()
    with serving(api) as url:
        yield url, api


@pytest.fixture(scope="module")
def worker_edge(api_url: tuple[str, FakeApi]) -> Iterator[WorkerEdge]:
    reason = skip_reason()
    if reason is not None:
        pytest.skip(reason)
    with serving_worker_edge(SECRET, forward_url=api_url[0] + CALLBACK_PATH) as edge:
        yield edge


@asynccontextmanager
async def _python_edge(forward_url: str) -> AsyncIterator[str]:
    with serving(FakeQPay()) as qpay_url:
        credentials = QPayCredentials(qpay_url, CLIENT_ID, CLIENT_SECRET, INVOICE_CODE)
        qpay = QPayGateway(credentials, SystemClock(), InMemoryProviderTokenStore())
        forwarder = CallbackForwarder(forward_url)
        try:
            edge = PaymentEdge(qpay, Verifier(SECRET.encode()), forwarder=forwarder)
            with serving(edge) as url:
                yield url
        finally:
            await forwarder.close()
            await qpay.close()


@pytest.fixture(params=["python", "worker"])
async def edge(request: pytest.FixtureRequest, api_url: tuple[str, FakeApi]) -> AsyncIterator[Edge]:
    url, api = api_url
    api.heard.clear()
    api.status = 200
    if request.param == "worker":
        worker: WorkerEdge = request.getfixturevalue("worker_edge")
        yield Edge(worker.url, api)
        return
    async with _python_edge(url + CALLBACK_PATH) as edge_url:
        yield Edge(edge_url, api)


async def _call(edge: Edge, path: str, method: str = "GET") -> httpx.Response:
    async with httpx.AsyncClient(base_url=edge.url) as client:
        return await client.request(method, path)


async def test_a_callback_is_passed_on_with_its_query_and_answered_success(edge: Edge) -> None:
    query = "t=6b1f0c2e9a4d47b8&qpay_payment_id=593285218"
    for method in ("GET", "POST"):
        answer = await _call(edge, f"/v1/callbacks/INK7K3M9Q02?{query}", method)
        assert (answer.status_code, answer.text) == (200, "SUCCESS")
        assert answer.headers["content-type"].startswith("text/plain")
    expected = ("GET", f"{CALLBACK_PATH}/INK7K3M9Q02", query)
    assert edge.api.heard == [expected, expected]


async def test_what_cannot_be_our_callback_is_never_passed_on(edge: Edge) -> None:
    for path in (
        "/v1/callbacks/INK-7K3M9Q02?t=x",  # not an invoice number
        "/v1/callbacks/" + "A" * 33 + "?t=x",
        "/v1/callbacks/INK01%2F..%2Fadmin?t=x",  # a path of its own, once decoded
        "/v1/callbacks/INK01?t=" + "x" * 1100,
        "/v1/callbacks/INK01?t=%0d%0aHost:%20evil",  # passed on as sent: still printable
        "/v1/callbacks/?t=x",
    ):
        answer = await _call(edge, path)
        if answer.status_code == 200:
            assert edge.api.heard[-1][1] == f"{CALLBACK_PATH}/INK01", path
            edge.api.heard.clear()
            continue
        assert (answer.status_code, answer.text) == (404, "FAILED"), path
    assert edge.api.heard == []


async def test_an_api_that_does_not_take_the_callback_makes_it_a_502(edge: Edge) -> None:
    edge.api.status = 500
    answer = await _call(edge, "/v1/callbacks/INK7K3M9Q02?t=x")
    assert (answer.status_code, answer.text) == (502, "FAILED")
    assert len(edge.api.heard) == 1


async def test_an_edge_without_a_forward_url_has_no_callbacks() -> None:
    with serving(FakeQPay()) as qpay_url:
        credentials = QPayCredentials(qpay_url, CLIENT_ID, CLIENT_SECRET, INVOICE_CODE)
        qpay = QPayGateway(credentials, SystemClock(), InMemoryProviderTokenStore())
        with serving(PaymentEdge(qpay, Verifier(SECRET.encode()))) as url:
            async with httpx.AsyncClient(base_url=url) as client:
                answer = await client.get("/v1/callbacks/INK7K3M9Q02?t=x")
        await qpay.close()
    assert (answer.status_code, answer.json()) == (401, {"error": "unauthorised"})


async def test_the_edge_logs_a_callback_without_its_token(
    api_url: tuple[str, FakeApi], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="inkslot.payment_edge")
    api_url[1].status = 200
    forwarder = CallbackForwarder(api_url[0] + CALLBACK_PATH)
    with serving(FakeQPay()) as qpay_url:
        credentials = QPayCredentials(qpay_url, CLIENT_ID, CLIENT_SECRET, INVOICE_CODE)
        qpay = QPayGateway(credentials, SystemClock(), InMemoryProviderTokenStore())
        edge = PaymentEdge(qpay, Verifier(SECRET.encode()), forwarder=forwarder, access_log=True)
        with serving(edge) as url:
            async with httpx.AsyncClient(base_url=url) as client:
                answer = await client.get("/v1/callbacks/INK7K3M9Q02?t=secret-callback-token")
        await qpay.close()
    await forwarder.close()
    assert answer.text == "SUCCESS"
    assert "GET /v1/callbacks/INK7K3M9Q02 200" in caplog.text
    assert "secret-callback-token" not in caplog.text


async def test_an_api_that_cannot_be_reached_makes_it_a_502() -> None:
    nowhere = f"http://127.0.0.1:{free_port()}{CALLBACK_PATH}"
    async with _python_edge(nowhere) as url, httpx.AsyncClient(base_url=url) as client:
        answer = await client.get("/v1/callbacks/INK7K3M9Q02?t=x")
    assert (answer.status_code, answer.text) == (502, "FAILED")
