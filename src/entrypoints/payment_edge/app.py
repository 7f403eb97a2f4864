"""The payment edge: a small ASGI app that alone holds the QPay credentials and serves the
API the ``PaymentGateway`` operations (invoice, check, get, cancel, refund), each request
HMAC-verified (``adapters/payments/edge_wire.py``: unsigned, stale and replayed requests are
401 and do nothing). Started with ``inkslot payment-edge``; ``edge-worker/`` serves the same
contract as a Cloudflare Worker.

    POST /v1/invoices                  {number, amount, description, callbackUrl}
    POST /v1/invoices/{id}/check       {}
    POST /v1/invoices/{id}/cancel      {}
    GET  /v1/payments/{id}
    POST /v1/payments/{id}/refund      {note}
    GET  /health                       (unsigned: is the process up; 503 while draining)
    GET|POST /v1/callbacks/{number}    (unsigned: QPay's callback, passed on to the API when
                                        the edge is given its URL; ``forward.py``)

On SIGTERM the edge drains as an API process does, with the API's own piece
(``entrypoints/http/draining.py``, ``INKSLOT_SHUTDOWN_DRAIN_SECONDS``): for that long it goes
on serving, a callback QPay sends meanwhile included, while ``/health`` answers 503 (a load
balancer takes it out) and every answer closes its connection; then the server stops
listening and finishes what it has in flight.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from adapters.payments import edge_wire as wire
from booking_domain.payments import InvoiceRequest, PaymentGateway
from booking_domain.shared.errors import DomainError
from entrypoints.http.draining import Drain
from entrypoints.payment_edge.forward import CallbackForwarder, forwardable

_log = logging.getLogger("inkslot.payment_edge")
MAX_BODY = 16 * 1024
CALLBACKS = "/v1/callbacks/"
Scope = Mapping[str, Any]
Receive = Callable[[], Awaitable[Mapping[str, Any]]]
Send = Callable[[Mapping[str, Any]], Awaitable[None]]


class _NoRouteError(Exception):
    pass


class PaymentEdge:
    def __init__(
        self,
        gateway: PaymentGateway,
        verifier: wire.Verifier,
        on_shutdown: Callable[[], Awaitable[None]] | None = None,
        forwarder: CallbackForwarder | None = None,
        access_log: bool = False,
        drain: Drain | None = None,
    ) -> None:
        self._gateway = gateway
        self._verifier = verifier
        self._on_shutdown = on_shutdown
        self._forwarder = forwarder
        self._access_log = access_log
        self._drain = drain or Drain(0)  # none: a SIGTERM stops at once

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        if self._drain.draining:  # shutting down: no connection kept for later
            send = _closing(send)
        if self._forwarder is not None and str(scope["path"]).startswith(CALLBACKS):
            status = await self._callback(scope, receive, send, self._forwarder)
        else:
            status = await self._answer(scope, receive, send)
        if self._access_log:  # the path alone: a callback's query holds its token
            _log.info("%s %s %s", scope["method"], scope["path"], status)

    async def _answer(self, scope: Scope, receive: Receive, send: Send) -> int:
        """An operation of the API's, signed both ways."""
        status, answer = await self._handle(scope, receive)
        body = json.dumps(answer).encode()
        signed = wire.response_signature(
            self._verifier.secret, _header(scope, wire.NONCE), status, body
        )
        signature = (wire.SIGNATURE.encode(), signed.encode())
        await _respond(send, status, b"application/json", body, signature)
        return status

    async def _callback(
        self, scope: Scope, receive: Receive, send: Send, forwarder: CallbackForwarder
    ) -> int:
        """QPay's callback, passed on to the API: ``SUCCESS`` once the API took it."""
        number = str(scope["path"])[len(CALLBACKS) :]
        query = bytes(scope.get("query_string", b""))
        if scope["method"] not in ("GET", "POST") or await _body(receive) is None:
            status, text = 405, "FAILED"
        elif not forwardable(number, query):
            status, text = 404, "FAILED"
        elif await forwarder.forward(number, query):
            status, text = 200, "SUCCESS"
        else:
            status, text = 502, "FAILED"
        await _respond(send, status, b"text/plain; charset=utf-8", text.encode())
        return status

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await self._drain.install()  # the server's SIGTERM handler is in place
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._on_shutdown is not None:
                    await self._on_shutdown()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _handle(self, scope: Scope, receive: Receive) -> tuple[int, Any]:
        method, path = str(scope["method"]), str(scope["path"])
        if method == "GET" and path == "/health":
            return self._health()
        body = await _body(receive)
        if body is None:
            return 413, {"error": "too_large"}
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        raw_path = scope.get("raw_path") or path.encode()
        try:
            self._verifier.verify(method, raw_path.decode("latin-1"), headers, body)
        except wire.RequestRefusedError as refused:
            _log.warning("refused a request to %s %s: %s", method, path, refused)
            return 401, {"error": "unauthorised"}
        try:
            data = json.loads(body) if body else {}
            if not isinstance(data, dict):
                raise ValueError("not an object")
            return 200, await self._route(method, path.strip("/").split("/"), data)
        except DomainError as error:
            status = next((s for s, kind in wire.ERRORS.values() if isinstance(error, kind)), 503)
            code = next(
                (c for c, (_, kind) in wire.ERRORS.items() if isinstance(error, kind)),
                "payment_provider_unavailable",
            )
            return status, {"error": code}
        except _NoRouteError:
            return 404, {"error": "no_such_operation"}
        except (ValueError, KeyError, TypeError):
            return 400, {"error": "malformed"}

    def _health(self) -> tuple[int, Any]:
        if self._drain.draining:
            return 503, {"status": "draining"}
        return 200, {"status": "ok"}

    async def _route(self, method: str, parts: list[str], data: dict[str, Any]) -> Any:
        gateway = self._gateway
        match method, parts:
            case "POST", ["v1", "invoices"]:
                request = InvoiceRequest(
                    str(data["number"]),
                    wire.money_of(data["amount"]),
                    str(data["description"]),
                    str(data["callbackUrl"]),
                )
                return (await gateway.create_invoice(request)).as_data()
            case "POST", ["v1", "invoices", invoice_id, "check"]:
                return wire.check_json(await gateway.check_payments(invoice_id))
            case "POST", ["v1", "invoices", invoice_id, "cancel"]:
                return {"outcome": (await gateway.cancel_invoice(invoice_id)).value}
            case "GET", ["v1", "payments", payment_id]:
                return wire.payment_json(await gateway.get_payment(payment_id))
            case "POST", ["v1", "payments", payment_id, "refund"]:
                outcome = await gateway.refund_payment(payment_id, str(data.get("note", "")))
                return {"outcome": outcome.value}
        raise _NoRouteError()


async def _respond(
    send: Send, status: int, content_type: bytes, body: bytes, *more: tuple[bytes, bytes]
) -> None:
    """One whole answer, never cached."""
    headers = [(b"content-type", content_type), (b"cache-control", b"no-store"), *more]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _closing(send: Send) -> Send:
    """``send``, with ``Connection: close`` added to the answer's headers."""

    async def closing(message: Mapping[str, Any]) -> None:
        if message["type"] == "http.response.start":
            headers = [*message.get("headers", []), (b"connection", b"close")]
            message = {**message, "headers": headers}
        await send(message)

    return closing


def _header(scope: Scope, name: str) -> str:
    for key, value in scope["headers"]:
        if key.decode("latin-1").lower() == name:
            return str(value.decode("latin-1"))[:64]
    return ""


async def _body(receive: Receive) -> bytes | None:
    body = b""
    while True:
        message = await receive()
        body += bytes(message.get("body", b""))
        if len(body) > MAX_BODY:
            return None
        if not message.get("more_body"):
            return body
