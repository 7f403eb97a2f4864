"""What the fakes of JSON HTTP providers share (the SMS gateway's, Twilio's): reading one
ASGI request whole and answering JSON, after a scripted delay; counting the requests and
answering scripted failures before anything else is looked at (``ScriptedJsonFake``)."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Scope = dict[str, Any]
Handle = Callable[[str, str, dict[str, str], bytes], tuple[int, dict[str, Any]]]


async def read_request(scope: Scope, receive: Any) -> tuple[str, str, dict[str, str], bytes]:
    """One ASGI HTTP request read whole: its method, path, headers (names in lower case)
    and body."""
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
    return scope["method"], scope["path"], headers, body


async def answer_json(
    scope: Scope, receive: Any, send: Any, handle: Handle, *, delay: float = 0.0
) -> None:
    """Read the request whole, wait ``delay`` seconds (the provider is slow, not the test),
    then send what ``handle(method, path, headers, body)`` answers, as JSON."""
    if scope["type"] != "http":
        return
    method, path, headers, body = await read_request(scope, receive)
    if delay:
        await asyncio.sleep(delay)
    status, answer = handle(method, path, headers, body)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": json.dumps(answer).encode()})


@dataclass
class ScriptedJsonFake:
    """A fake provider as an ASGI app: each request counted, then answered with the next
    scripted failure (``fail_next``) if there is one, else by ``answer``; one request at a
    time, each after ``delay`` seconds."""

    delay: float = 0.0
    requests: int = 0
    _failures: list[int] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, count: int, status: int = 500) -> None:
        with self._lock:
            self._failures.extend([status] * count)

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        await answer_json(scope, receive, send, self._handle, delay=self.delay)

    def _handle(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, Any]]:
        with self._lock:
            self.requests += 1
            if self._failures:
                return self.failed(self._failures.pop(0))
            return self.answer(method, path, headers, body)

    def failed(self, status: int) -> tuple[int, dict[str, Any]]:
        """The provider's own error document for a scripted failure of ``status``."""
        raise NotImplementedError

    def answer(
        self, method: str, path: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict[str, Any]]:
        """The answer to a request that no scripted failure took (under the fake's lock)."""
        raise NotImplementedError
