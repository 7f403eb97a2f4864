"""What the HTTP server itself refuses, over raw sockets to a real ``inkslot serve`` (the
app's test client never meets the server's parser): a request head past the 32 KiB limit
is 431, a control character in a header 400, both as problem documents with a request id
and the security headers; a method the server's fast parser does not know reaches the app,
which answers 405 with ``Allow``. The payment edge, a process of its own, bounds heads and
refuses the same way."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from entrypoints.http.protocols import HEAD_LIMIT
from tests.support import postgres
from tests.support.server import ServerProcess, free_port, running_server

pytestmark = pytest.mark.serial

SECURITY_HEADERS = ("x-content-type-options", "x-frame-options", "strict-transport-security")


@pytest.fixture(scope="module")
def server(
    pg_server: postgres.TestServer, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    with (
        postgres.fresh_database(pg_server, pg_template) as url,
        running_server(url, tmp_path_factory.mktemp("refusals"), workers=1, forked=True) as running,
    ):
        yield running


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def problem(self) -> dict[str, object]:
        assert self.headers["content-type"] == "application/problem+json", self
        document: dict[str, object] = json.loads(self.body)
        return document


def _read_answer(conn: socket.socket, buffered: bytes = b"") -> tuple[Answer, bytes]:
    """One response (framed by Content-Length) and whatever followed it."""
    data = buffered
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        assert chunk, f"the connection closed before a response: {data!r}"
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = conn.recv(65536)
        assert chunk, "the connection closed inside the body"
        rest += chunk
    return Answer(int(status_line.split()[1]), headers, rest[:length]), rest[length:]


def _send_all_quietly(conn: socket.socket, data: bytes) -> None:
    """Send what the server takes: it may close the connection before the end."""
    with contextlib.suppress(OSError):
        conn.sendall(data)


def _exchange(server: ServerProcess, request: bytes) -> Answer:
    """Send while reading (the server answers a head it refuses before it is all sent)."""
    with socket.create_connection((server.host, server.port), timeout=30) as conn:
        sender = threading.Thread(target=_send_all_quietly, args=(conn, request))
        sender.start()
        try:
            answer, _ = _read_answer(conn)
        finally:
            sender.join(timeout=60)
        return answer


def _get(path: str, *headers: bytes) -> bytes:
    lines = [f"GET {path} HTTP/1.1".encode(), b"Host: 127.0.0.1", *headers, b"", b""]
    return b"\r\n".join(lines)


def _head_of(size: int) -> bytes:
    """A request to /health/live whose head is ``size`` bytes long in all."""
    base = len(_get("/health/live", b"X-Padding: "))
    return _get("/health/live", b"X-Padding: " + b"a" * (size - base))


def _assert_refusal(answer: Answer, status: int, code: str) -> None:
    assert answer.status == status, answer
    problem = answer.problem()
    assert problem["code"] == code and problem["status"] == status
    assert answer.headers["x-request-id"] == problem["requestId"]
    assert all(name in answer.headers for name in SECURITY_HEADERS), answer.headers
    assert answer.headers["connection"] == "close"


@pytest.mark.parametrize("megabytes", [8, 20])
def test_a_huge_header_is_refused_with_431(server: ServerProcess, megabytes: int) -> None:
    request = _get("/health/live", b"X-Huge: " + b"a" * (megabytes * 1024 * 1024))
    _assert_refusal(_exchange(server, request), 431, "headers_too_large")


def test_the_head_limit_is_exact_enough_to_state(server: ServerProcess) -> None:
    assert _exchange(server, _head_of(HEAD_LIMIT)).status == 200
    _assert_refusal(_exchange(server, _head_of(HEAD_LIMIT + 1)), 431, "headers_too_large")


def test_many_headers_count_together(server: ServerProcess) -> None:
    padding = [f"X-Padding-{n}: {'a' * 1000}".encode() for n in range(40)]
    _assert_refusal(_exchange(server, _get("/health/live", *padding)), 431, "headers_too_large")


def test_a_control_character_in_a_header_is_a_problem(server: ServerProcess) -> None:
    answer = _exchange(server, _get("/health/live", b"X-Note: a\x01b"))
    _assert_refusal(answer, 400, "malformed_request")


def test_an_unknown_method_is_405_with_allow(server: ServerProcess) -> None:
    answer = _exchange(server, b"BREW /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert answer.status == 405, answer
    assert answer.problem()["code"] == "method_not_allowed"
    assert "GET" in answer.headers["allow"]
    assert answer.headers["x-request-id"] == answer.problem()["requestId"]
    assert all(name in answer.headers for name in SECURITY_HEADERS), answer.headers


def test_an_unknown_method_on_a_kept_alive_connection_and_after_it(
    server: ServerProcess,
) -> None:
    with socket.create_connection((server.host, server.port), timeout=30) as conn:
        conn.sendall(_get("/health/live"))
        first, _ = _read_answer(conn)
        conn.sendall(b"BREW /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        brewed, _ = _read_answer(conn)
        conn.sendall(_get("/health/live"))
        after, _ = _read_answer(conn)
    assert (first.status, brewed.status, after.status) == (200, 405, 200)
    assert "POST" in brewed.headers["allow"]


def test_an_unknown_path_with_an_unknown_method_is_404(server: ServerProcess) -> None:
    answer = _exchange(server, b"BREW /api/v1/nothing HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert answer.status == 404 and answer.problem()["code"] == "not_found"


@contextlib.contextmanager
def running_edge(data_dir: Path) -> Iterator[ServerProcess]:
    """``inkslot payment-edge`` as its own process (it needs no database)."""
    port = free_port()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")},
        "INKSLOT_QPAY_CLIENT_ID": "edge-test",
        "INKSLOT_QPAY_CLIENT_SECRET": "edge-test-secret",
        "INKSLOT_QPAY_INVOICE_CODE": "EDGE_TEST",
        "INKSLOT_PAYMENT_EDGE_SECRET": "e" * 32,
        "INKSLOT_DATA_DIR": str(data_dir),
    }
    command = [sys.executable, "-m", "entrypoints.cli", "payment-edge", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    running = ServerProcess("127.0.0.1", port, None, env, process, Path(os.devnull))
    try:
        deadline = time.monotonic() + 60
        while _status(running, "/health") != 200:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "the payment edge was not up in time"
            time.sleep(0.2)  # polling a starting process, not waiting for domain time
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    with running_edge(tmp_path_factory.mktemp("edge")) as running:
        yield running


def _status(server: ServerProcess, path: str) -> int | None:
    with contextlib.suppress(OSError):
        return _exchange(server, _get(path)).status
    return None


def test_the_payment_edge_bounds_heads_and_refuses_as_the_api_does(edge: ServerProcess) -> None:
    request = _get("/health", b"X-Huge: " + b"a" * (8 * 1024 * 1024))
    _assert_refusal(_exchange(edge, request), 431, "headers_too_large")
    _assert_refusal(_exchange(edge, _get("/health", b"X-Note: a\x01b")), 400, "malformed_request")


def test_the_payment_edge_stopped_by_sigterm_exits_0(tmp_path: Path) -> None:
    """An orchestrator's stop carried out is a success (compose's `down`, docs/containers.md)."""
    with running_edge(tmp_path) as stopping:
        stopping.process.send_signal(signal.SIGTERM)
        assert stopping.process.wait(timeout=30) == 0
