"""Request id, security headers, ``HEAD``, and the one structured access-log line per request.

Plain ASGI wrapped around the whole application (``build_app`` installs it outside Litestar's
router and exception handling), so it sees every response: routed or not (404, 405), refused
by a middleware (429) or by a handler. It must cost microseconds.

``HEAD`` is answered as ``GET`` without the body (RFC 9110 9.3.2): the inner application sees
a ``GET`` and never needs a ``HEAD`` route of its own; a handler whose ``GET`` does something
more than answer (a booking page counts a visit) asks ``is_head`` and skips it. The answer
ends with its headers: the body is never waited for, so a response that never ends (the
event stream) still answers a ``HEAD`` at once, and the server, its answer complete, tells
the inner application the client is gone (``http.disconnect``), which ends the stream.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from booking_domain.shared.audit import REQUEST_ID
from entrypoints.http.draining import Drain
from entrypoints.http.secret_paths import loggable_path
from entrypoints.http.tracing import trace_id_of
from entrypoints.logs import FieldsRecord

REQUEST_ID_HEADER = b"x-request-id"
# Set on the inner scope: whether the client sent HEAD (the inner application sees GET), for
# the few handlers whose GET has a side effect a HEAD must not have (a booking page's visit).
HEAD_KEY = "inkslot.head"
_VALID_REQUEST_ID = re.compile(rb"^[A-Za-z0-9._:-]{1,64}$")
_access_log = logging.getLogger("inkslot.access")

_SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"strict-transport-security", b"max-age=63072000; includeSubDomains"),
]
# The API returns data, never pages, so nothing may be framed, scripted or cached by
# intermediaries. A response that states its own cache policy (a stored image: media.md)
# keeps it: two Cache-Control headers would leave caches to pick one.
_CACHE_CONTROL = b"cache-control"
_NO_STORE = (_CACHE_CONTROL, b"no-store")
_API_ONLY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'"),
    _NO_STORE,
]
# The documentation page (docs.py) loads its vendored UI from this origin and nothing else.
# Images may also be data: URIs, which is how swagger-ui.css draws its icons.
_DOCS_HEADERS: list[tuple[bytes, bytes]] = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        b"form-action 'none'; frame-ancestors 'none'",
    ),
]
_DOC_PATHS = ("/docs", "/schema")
_END_OF_HEAD: Message = {"type": "http.response.body", "body": b"", "more_body": False}


def api_headers() -> list[tuple[bytes, bytes]]:
    """The headers every API response carries besides its request id (also the server's
    own refusals: ``protocols.py``)."""
    return [*_SECURITY_HEADERS, *_API_ONLY_HEADERS]


_CLOSE = (b"connection", b"close")


class RequestContextMiddleware:
    def __init__(
        self, app: ASGIApp, *, access_log: bool = True, drain: Drain | None = None
    ) -> None:
        self.app = app
        self.access_log = access_log
        self.drain = drain

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:
            await self.app(scope, receive, send)
            return
        request_id = _incoming_request_id(scope) or secrets.token_hex(8)
        method = scope["method"]
        # The server reads the original scope's method to frame the response: only a copy
        # is turned into GET.
        inner: Scope = {**scope, "method": "GET"} if method == "HEAD" else scope
        inner["request_id"] = request_id  # type: ignore[typeddict-unknown-key]
        inner[HEAD_KEY] = method == "HEAD"  # type: ignore[literal-required]
        started = time.perf_counter()
        status = 500
        path = scope["path"]
        is_doc = path in _DOC_PATHS or path.startswith("/schema/")

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((REQUEST_ID_HEADER, request_id.encode()))
                headers.extend(_security_headers(headers))
                headers.extend(_DOCS_HEADERS if is_doc else _api_only(headers))
                if self.drain is not None and self.drain.draining:
                    headers.append(_CLOSE)  # shutting down: no connection kept for later
                message["headers"] = headers
                await send(message)
                if method == "HEAD":  # the whole answer: headers, and an end with no content
                    await send(_END_OF_HEAD)
            elif method != "HEAD":
                await send(message)

        # The audit trail names the request that did each act (booking_domain.shared.audit).
        token = REQUEST_ID.set(request_id)
        try:
            await self.app(inner, receive, send_with_headers)
        finally:
            REQUEST_ID.reset(token)
            if self.access_log:
                _log_request(inner, method, status, started, request_id)


_X_FRAME_OPTIONS = b"x-frame-options"
_CSP = b"content-security-policy"
_FRAMED = [header for header in _SECURITY_HEADERS if header[0] != _X_FRAME_OPTIONS]


def _security_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The security headers, but ``X-Frame-Options: DENY`` for a response whose own policy
    lets it be framed (an artist's booking page, embedded on their site: ``frame-ancestors
    'self' https://...``): the two would disagree, and browsers that read only the old
    header would refuse what the policy allows."""
    for name, value in headers:
        if name == _CSP and b"frame-ancestors" in value and b"frame-ancestors 'none'" not in value:
            return _FRAMED
    return _SECURITY_HEADERS


def is_head(scope: Scope) -> bool:
    """Whether the request the inner application sees as ``GET`` was a ``HEAD``."""
    return bool(scope.get(HEAD_KEY, False))


def _api_only(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The API's own headers, but for those the response states itself: a stored image's
    Cache-Control, the booking page's Content-Security-Policy (two policies would both
    apply, and the API's blocks the page's script)."""
    own = {name for name, _ in headers}
    return [header for header in _API_ONLY_HEADERS if header[0] not in own]


def _incoming_request_id(scope: Scope) -> str | None:
    """Honour a caller's request id only when it is short and plain (it ends up in logs)."""
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER:
            return value.decode() if _VALID_REQUEST_ID.match(value) else None
    return None


def _log_request(scope: Scope, method: str, status: int, started: float, request_id: str) -> None:
    if not _access_log.isEnabledFor(logging.INFO):
        return
    state: dict[str, Any] = scope.get("state") or {}
    actor = state.get("actor")
    user_id = str(actor.user_id) if actor is not None else None
    key = state.get("api_key")  # the API key it came with: its shown prefix, never the secret
    log_access(
        method, scope["path"], status, request_id, started, user_id, trace_id_of(scope),
        api_key=key.prefix if key is not None else None,
    )  # fmt: skip


def log_access(
    method: str | None,
    path: str | None,
    status: int,
    request_id: str,
    started: float | None = None,
    user_id: str | None = None,
    trace_id: str | None = None,
    *,
    api_key: str | None = None,
) -> None:
    """The one access-log line of a request (``method`` and ``path`` are ``None`` for a
    request the server refused before it was parsed; ``traceId`` is there when the process
    traces, ``entrypoints.tracing``)."""
    if not _access_log.isEnabledFor(logging.INFO):
        return
    line = {
        "event": "request",
        "method": method,
        # The path only: query strings may carry tokens (e.g. payment callbacks).
        "path": loggable_path(path),
        "status": status,
        "durationMs": None if started is None else round((time.perf_counter() - started) * 1000, 2),
        "requestId": request_id,
        "userId": user_id,
    }
    if trace_id is not None:
        line["traceId"] = trace_id
    if api_key is not None:
        line["apiKey"] = api_key
    _access_log.handle(FieldsRecord(_access_log.name, logging.INFO, line))
