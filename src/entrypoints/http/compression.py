"""Gzip for the answers worth it: text (HTML, CSS, scripts, JSON, CSV, calendars) of at
least ``MINIMUM_SIZE`` bytes, to clients that accept gzip (docs/performance.md,
"Compression").

Plain ASGI inside the request middleware (``build_app``), so every routed and unrouted
answer passes it. Rules:
- only when the request's ``Accept-Encoding`` takes gzip (not ``gzip;q=0``); anything else
  passes untouched, at the cost of reading one header;
- only a compressible type (``COMPRESSIBLE``) not already encoded; never the event stream
  (``text/event-stream`` is not among them, and it passes on the spot, unbuffered: each
  event must reach the client when it is sent), never pictures or files already compressed;
- a body of fewer than ``MINIMUM_SIZE`` bytes goes as it is: its header and framing would
  save little, and most API answers (a booking, a problem) are that small;
- a body sent in parts is gathered up to ``MAX_BUFFERED`` bytes and compressed whole; a
  longer one goes as it is, streamed on from there;
- ``LEVEL`` 1: a 61 KB slots answer goes as 6.9 KB for 67 us of CPU, where level 5 makes
  5.2 KB for 212 us and level 6 takes twice that again; on the slots path, the hottest
  read, the third of the CPU is worth more than the last 1.6 KB (docs/performance.md,
  "Compression"). A compressed answer says ``Content-Encoding: gzip`` and ``Vary:
  Accept-Encoding``.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from typing import Any, Final, cast

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

MINIMUM_SIZE: Final = 1024
LEVEL: Final = 1
MAX_BUFFERED: Final = 4 * 1024 * 1024
COMPRESSIBLE: Final = (
    b"text/html",
    b"text/css",
    b"text/javascript",
    b"text/plain",
    b"text/csv",
    b"text/calendar",
    b"application/json",
    b"application/problem+json",
    b"application/javascript",
    b"application/vnd.oai.openapi",
    b"image/svg+xml",
)


def accepts_gzip(headers: Iterable[tuple[bytes, bytes]]) -> bool:
    """Whether ``Accept-Encoding`` takes gzip (``gzip`` or ``*``, not at ``q=0``)."""
    for name, value in headers:
        if name == b"accept-encoding":
            return any(_takes_gzip(part) for part in value.lower().split(b","))
    return False


def _takes_gzip(part: bytes) -> bool:
    coding, _, params = part.partition(b";")
    if coding.strip() not in (b"gzip", b"*"):
        return False
    for param in params.split(b";"):
        key, _, quality = param.partition(b"=")
        if key.strip() == b"q":
            try:
                return float(quality) > 0
            except ValueError:
                return False
    return True


def _compressible(headers: list[tuple[bytes, bytes]]) -> bool:
    kind = b""
    for name, value in headers:
        if name.lower() == b"content-encoding":
            return False
        if name.lower() == b"content-type":
            kind = value.lower()
    return kind.startswith(COMPRESSIBLE)


class GzipMiddleware:
    def __init__(self, app: ASGIApp, *, minimum_size: int = MINIMUM_SIZE) -> None:
        self.app = app
        self.minimum_size = minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP or not accepts_gzip(scope["headers"]):
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, _Gathering(send, self.minimum_size).send)


class _Gathering:
    """One response on its way: held back while its body is gathered, then sent once,
    compressed or not; passed on as it comes once it proves not worth it."""

    def __init__(self, send: Send, minimum_size: int) -> None:
        self._send = send
        self._minimum = minimum_size
        self._start: dict[str, Any] | None = None
        self._parts: list[bytes] = []
        self._size = 0
        self._passing = False

    async def send(self, message: Message) -> None:
        if self._passing:
            await self._send(message)
        elif message["type"] == "http.response.start":
            if _compressible(list(message.get("headers", []))):
                self._start = dict(message)
            else:
                self._passing = True
                await self._send(message)
        elif message["type"] == "http.response.body" and self._start is not None:
            await self._body(self._start, message)
        else:  # anything else (a file sent by path, trailers): what is held goes first
            self._passing = True
            if self._start is not None:
                await self._send(cast("Message", self._start))
            await self._send(message)

    async def _body(self, start: dict[str, Any], message: Message) -> None:
        body = cast("bytes", message.get("body", b""))
        self._parts.append(body)
        self._size += len(body)
        more = bool(message.get("more_body", False))
        if more and self._size <= MAX_BUFFERED:
            return
        whole = b"".join(self._parts)
        self._parts = []
        self._passing = True  # from here on, whatever comes is passed on as it is
        if not more and len(whole) >= self._minimum:
            whole = gzip.compress(whole, LEVEL, mtime=0)
            start = {**start, "headers": _encoded(list(start.get("headers", [])), len(whole))}
        # Too long to hold (``more``): sent as it is, the rest streamed after it.
        await self._send(cast("Message", start))
        await self._send({"type": "http.response.body", "body": whole, "more_body": more})


def _encoded(headers: list[tuple[bytes, bytes]], length: int) -> list[tuple[bytes, bytes]]:
    kept = [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"vary")]
    vary = [v for k, v in headers if k.lower() == b"vary"]
    kept.append((b"vary", b", ".join([*vary, b"Accept-Encoding"])))
    kept.append((b"content-encoding", b"gzip"))
    kept.append((b"content-length", str(length).encode()))
    return kept
