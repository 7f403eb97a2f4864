"""SIGTERM to ``inkslot payment-edge`` drains as ``inkslot serve`` does
(test_graceful_drain.py): ``/health`` turns 503 first (a load balancer takes the edge out),
callbacks are still passed on meanwhile, with ``Connection: close``, one in flight is
answered, and then the process stops and exits 0."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from tests.support.server import free_port

pytestmark = pytest.mark.serial

DRAIN = 4.0
HELD = "INK7K3M9Q01"  # the callback the fake API holds until the test lets it go


class _Api(ThreadingHTTPServer):
    """The API's callback endpoint: takes every callback at once, but ``HELD``'s only once
    ``release`` is set (so it is in flight when the edge is told to stop)."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _CallbackHandler)
        self.arrived = threading.Event()
        self.release = threading.Event()
        self.taken: list[str] = []


class _CallbackHandler(BaseHTTPRequestHandler):
    server: _Api

    def do_GET(self) -> None:
        number = self.path.split("?")[0].rsplit("/", 1)[-1]
        if number == HELD:
            self.server.arrived.set()
            self.server.release.wait(timeout=30)
        self.server.taken.append(number)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _api() -> Iterator[_Api]:
    api = _Api()
    thread = threading.Thread(target=api.serve_forever, daemon=True)
    thread.start()
    try:
        yield api
    finally:
        api.release.set()
        api.shutdown()
        api.server_close()


@contextmanager
def _edge(api: _Api, log_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")},
        "INKSLOT_QPAY_CLIENT_ID": "edge-test",
        "INKSLOT_QPAY_CLIENT_SECRET": "edge-test-secret",
        "INKSLOT_QPAY_INVOICE_CODE": "EDGE_TEST",
        "INKSLOT_PAYMENT_EDGE_SECRET": "e" * 32,
        "INKSLOT_DATA_DIR": str(log_path.parent),
        "INKSLOT_PAYMENT_EDGE_FORWARD_URL": (
            f"http://127.0.0.1:{api.server_address[1]}/api/v1/payments/callback"
        ),
        "INKSLOT_SHUTDOWN_DRAIN_SECONDS": str(DRAIN),
    }
    command = [sys.executable, "-m", "entrypoints.cli", "payment-edge", "--port", str(port)]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while _health(base_url) != 200:
            assert process.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, "the payment edge was not up in time"
            time.sleep(0.2)  # polling a starting process, not waiting for domain time
        yield base_url, process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def _health(base_url: str) -> int | None:
    try:
        return httpx.get(f"{base_url}/health", timeout=5).status_code
    except httpx.HTTPError:
        return None


def test_sigterm_turns_health_503_while_callbacks_are_still_passed_on(tmp_path: Path) -> None:
    with _api() as api, _edge(api, tmp_path / "edge.log") as (base_url, process):
        answers: list[httpx.Response] = []
        in_flight = threading.Thread(
            target=lambda: answers.append(
                httpx.get(f"{base_url}/v1/callbacks/{HELD}?token=held", timeout=30)
            )
        )
        in_flight.start()
        assert api.arrived.wait(timeout=30), "the held callback never reached the API"

        process.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        while (health := _health(base_url)) == 200:
            assert time.monotonic() - signalled < DRAIN / 2, "health did not turn"
        assert health == 503
        # QPay calls back while the load balancer takes the edge out: still passed on.
        late = httpx.get(f"{base_url}/v1/callbacks/INK7K3M9Q02?token=late", timeout=10)
        assert (late.status_code, late.text) == (200, "SUCCESS")
        assert late.headers["connection"] == "close"
        api.release.set()
        in_flight.join(timeout=30)
        assert [(a.status_code, a.text) for a in answers] == [(200, "SUCCESS")]
        assert time.monotonic() - signalled < DRAIN  # all of this inside the drain

        process.wait(timeout=60)
        assert time.monotonic() - signalled >= DRAIN  # it stopped only after the drain
        assert process.returncode == 0, (tmp_path / "edge.log").read_text()
        assert sorted(api.taken) == [HELD, "INK7K3M9Q02"]
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"{base_url}/health", timeout=5)
