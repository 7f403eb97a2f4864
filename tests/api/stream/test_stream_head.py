"""``HEAD /api/v1/events/stream`` over a real server and a raw keep-alive connection: the
answer is the stream's headers and ends, and the next request on the same connection is
answered (RFC 9110 9.3.2: HEAD is GET without the content)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.builders import TEST_JWT_SECRET
from tests.support.server import ServerProcess, running_server

pytestmark = pytest.mark.serial

PASSWORD = "violet-needle-harbour"


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    with running_server(
        database_url, tmp_path, workers=1, forked=True, INKSLOT_JWT_SECRET=TEST_JWT_SECRET
    ) as s:
        yield s


def _head_of_answer(conn: socket.socket) -> bytes:
    """Bytes up to the end of one answer's header block (raises on a timeout)."""
    seen = b""
    while b"\r\n\r\n" not in seen:
        chunk = conn.recv(4096)
        if not chunk:
            raise EOFError(seen)
        seen += chunk
    return seen


def test_head_answers_the_streams_headers_and_the_connection_serves_the_next_request(
    server: ServerProcess,
) -> None:
    body = {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "role": "customer"}
    registered = httpx.post(server.base_url + "/api/v1/auth/register", json=body, timeout=30)
    token = registered.json()["tokens"]["accessToken"]
    with socket.create_connection((server.host, server.port), timeout=5) as conn:
        conn.sendall(
            b"HEAD /api/v1/events/stream HTTP/1.1\r\nHost: inkslot\r\n"
            b"Authorization: Bearer " + token.encode() + b"\r\n\r\n"
        )
        head = _head_of_answer(conn)
        status, _, rest = head.partition(b"\r\n\r\n")
        assert status.startswith(b"HTTP/1.1 200"), head
        assert b"content-type: text/event-stream" in status.lower()
        assert rest == b""  # no content
        conn.sendall(b"GET /health/live HTTP/1.1\r\nHost: inkslot\r\n\r\n")
        answered = _head_of_answer(conn)  # the bug: the connection never answers again
        assert answered.startswith(b"HTTP/1.1 200"), answered
