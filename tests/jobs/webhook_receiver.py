"""A webhook receiver for tests: a real HTTP server on loopback that records every request
and answers 500 to the first attempts of the first message to arrive (``fail_first``)."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer

from tests.support.http_servers import QuietHandler, start_http_server


@dataclass
class Received:
    headers: dict[str, str]
    body: str
    status: int


@dataclass
class Receiver:
    # The first message to arrive is refused this many times. Chosen on arrival, not named
    # ahead: a dispatcher may deliver a message before a test could learn its id.
    fail_first: int = 0
    received: list[Received] = field(default_factory=list)
    first_message: str | None = None
    _seen: Counter[str] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, headers: dict[str, str], body: str) -> int:
        with self._lock:
            message = headers.get("webhook-id", "")
            if self.first_message is None:
                self.first_message = message
            self._seen[message] += 1
            refused = message == self.first_message and self._seen[message] <= self.fail_first
            status = 500 if refused else 204
            self.received.append(Received(headers, body, status))
            return status

    def delivered(self) -> list[Received]:
        with self._lock:
            return [r for r in self.received if r.status < 300]


def serve(receiver: Receiver) -> tuple[ThreadingHTTPServer, str]:
    class Handler(QuietHandler):
        def do_POST(self) -> None:  # noqa: N802 - the name http.server calls
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length).decode()
            headers = {k.lower(): v for k, v in self.headers.items()}
            self.send_response(receiver.answer(headers, body))
            self.send_header("content-length", "0")
            self.end_headers()

    server = start_http_server(Handler)
    return server, f"http://127.0.0.1:{server.server_port}/hooks"
