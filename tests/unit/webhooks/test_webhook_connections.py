"""The webhook sender over real loopback HTTP: deliveries to one receiver share a kept-alive
connection (the answer's body is read and dropped so the connection can carry the next), and
an answer's body that is long, slow or broken off changes nothing the attempt records."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from adapters.webhooks.http import DRAIN_BYTES, HttpWebhookSender
from tests.support.http_servers import QuietHandler, start_http_server
from tests.unit.webhooks.test_webhook_targets import SECRET

pytestmark = pytest.mark.anyio


@contextmanager
def receiver(body: bytes) -> Iterator[tuple[str, list[int]]]:
    """A receiver answering 200 with ``body``; yields its URL and the client port of each
    request (one port per connection)."""
    ports: list[int] = []

    class Handler(QuietHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real receivers answer

        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            self.rfile.read(int(self.headers.get("content-length", "0")))
            ports.append(self.client_address[1])
            self.send_response(200)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except OSError:  # the sender stopped reading a long body and hung up
                self.close_connection = True

    server = start_http_server(Handler)
    try:
        yield f"http://127.0.0.1:{server.server_port}/hooks", ports
    finally:
        server.shutdown()
        server.server_close()


async def send_five(url: str, sender: HttpWebhookSender) -> None:
    for n in range(5):
        outcome = await sender.send(url, secret=SECRET, message_id=f"m{n}", body={"n": n})
        assert outcome.succeeded and outcome.status_code == 200, outcome


async def test_deliveries_to_one_receiver_share_one_connection() -> None:
    sender = HttpWebhookSender(allow_private_targets=True)
    try:
        with receiver(b'{"ok":true}') as (url, ports):
            await send_five(url, sender)
        assert len(ports) == 5 and len(set(ports)) == 1, ports
    finally:
        await sender.close()


async def test_a_body_longer_than_the_drain_is_left_and_its_connection_closed() -> None:
    sender = HttpWebhookSender(allow_private_targets=True)
    try:
        with receiver(b"x" * (DRAIN_BYTES * 4)) as (url, ports):
            await send_five(url, sender)
        assert len(ports) == 5 and len(set(ports)) == 5, ports
    finally:
        await sender.close()


@contextmanager
def stalling_receiver() -> Iterator[str]:
    """A receiver that answers 200 and the first bytes of its body, then sends nothing more
    while the test runs."""
    listener = socket.create_server(("127.0.0.1", 0))
    done = threading.Event()

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nab")
            done.wait(30)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/hooks"
    finally:
        done.set()
        thread.join(timeout=10)
        listener.close()


async def test_a_body_that_stalls_does_not_hold_the_attempt() -> None:
    sender = HttpWebhookSender(allow_private_targets=True, drain_seconds=0.05)
    try:
        with stalling_receiver() as url:
            started = time.monotonic()
            outcome = await sender.send(url, secret=SECRET, message_id="m", body={})
            waited = time.monotonic() - started
        assert outcome.succeeded and outcome.status_code == 200, outcome
        assert waited < 5, waited  # the drain's bound, not the 10 s read timeout
    finally:
        await sender.close()


async def test_a_connection_pinned_to_a_hosts_tls_name_is_kept_for_that_host_alone() -> None:
    # Outside the local profile a request goes to the checked address, the host's name in
    # the TLS server name only: a connection kept for one host must never carry another's.
    sender = HttpWebhookSender(allow_private_targets=True)
    try:
        with receiver(b'{"ok":true}') as (url, ports):
            for host in ("a.example", "b.example", "a.example", "b.example"):
                extensions = {"sni_hostname": host}
                status = await sender._post(httpx.URL(url), b"{}", {}, extensions)
                assert status == 200
        assert len(ports) == 4 and ports[0] == ports[2] and ports[1] == ports[3], ports
        assert ports[0] != ports[1], ports
    finally:
        await sender.close()


async def test_a_kept_connection_closed_under_a_request_is_tried_once_more() -> None:
    # The receiver drops each connection's second request unanswered: what a sender meets
    # when the receiver closes an idle connection just as it is reused.
    seen: list[str] = []

    class Handler(QuietHandler):
        protocol_version = "HTTP/1.1"
        answered = 0

        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            self.rfile.read(int(self.headers.get("content-length", "0")))
            seen.append(self.headers["webhook-id"])
            if self.answered == 1:
                self.close_connection = True
                return
            self.answered += 1
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

    server = start_http_server(Handler)
    sender = HttpWebhookSender(allow_private_targets=True)
    try:
        url = f"http://127.0.0.1:{server.server_port}/hooks"
        outcomes = [await sender.send(url, secret=SECRET, message_id=m, body={}) for m in "xyz"]
        assert all(o.succeeded for o in outcomes), outcomes
        assert seen == ["x", "y", "y", "z", "z"]  # the same webhook-id again: dropped by it
    finally:
        await sender.close()
        server.shutdown()
        server.server_close()
