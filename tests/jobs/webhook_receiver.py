"""A webhook receiver for tests: a real HTTP server on loopback that records every request
and answers 500 to the first ``fail_first`` attempts of chosen messages."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    headers: dict[str, str]
    body: str
    status: int


@dataclass
class Receiver:
    fail_first: dict[str, int] = field(default_factory=dict)  # webhook-id -> failures
    received: list[Received] = field(default_factory=list)
    _seen: Counter[str] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, headers: dict[str, str], body: str) -> int:
        with self._lock:
            message = headers.get("webhook-id", "")
            self._seen[message] += 1
            status = 500 if self._seen[message] <= self.fail_first.get(message, 0) else 204
            self.received.append(Received(headers, body, status))
            return status

    def delivered(self) -> list[Received]:
        with self._lock:
            return [r for r in self.received if r.status < 300]


def serve(receiver: Receiver) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length).decode()
            headers = {k.lower(): v for k, v in self.headers.items()}
            self.send_response(receiver.answer(headers, body))
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *_: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/hooks"
