"""The HTTP/1.1 server's own refusals, answered like the application's.

uvicorn refuses what its parser cannot take (a control character in a header, a method its
parser does not know) with a bare ``400`` of plain text, and reads a request's head however
long it is. These protocols (``inkslot serve`` runs the first) keep uvicorn's parsers and
change only that:

- a request head (the request line and the header fields, as sent) longer than
  :data:`HEAD_LIMIT` is refused with ``431`` as soon as that many bytes have come, without
  reading the rest;
- a method the fast parser (httptools) does not know is handed, with the connection, to
  h11, which takes any method token: the application then answers ``405`` with ``Allow``
  (or ``404`` for an unknown path) like for any other method it does not serve;
- every refusal of the server itself is a problem document (``application/problem+json``)
  with a new ``X-Request-Id`` (the refused head was never read, so a client's id is not
  known) and the security headers, and closes the connection.
"""

from __future__ import annotations

import asyncio
import secrets
from http import HTTPStatus
from typing import Any

import h11
import httptools
import msgspec
from uvicorn.config import Config
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from uvicorn.server import ServerState

from entrypoints.http.middleware import REQUEST_ID_HEADER, api_headers, log_access

# The request line and all header fields together. 32 KiB is nginx's default bound as a
# whole (four 8 KiB buffers); browsers and proxies keep well inside it.
HEAD_LIMIT = 32 * 1024

_REFUSALS = {
    400: ("malformed_request", "The request could not be parsed."),
    431: ("headers_too_large", f"The request line and headers exceed {HEAD_LIMIT} bytes."),
}


def head_size(method: bytes, target: bytes, headers: list[tuple[bytes, bytes]]) -> int:
    """The size of a parsed head as sent: ``METHOD target HTTP/1.1``, each ``name: value``
    line and the blank line (optional whitespace around values is not counted)."""
    return (
        len(method)
        + len(target)
        + 12
        + sum(len(name) + len(value) + 4 for name, value in headers)
        + 2
    )


def refusal(status: int, default_headers: list[tuple[bytes, bytes]]) -> bytes:
    """A whole response refusing the request: a problem document, a new request id, the
    security headers, ``Connection: close``."""
    code, detail = _REFUSALS[status]
    request_id = secrets.token_hex(8)
    phrase = HTTPStatus(status).phrase
    body = msgspec.json.encode(
        {
            "type": f"urn:inkslot:problem:{code}",
            "title": phrase,
            "status": status,
            "code": code,
            "detail": detail,
            "requestId": request_id,
        }
    )
    headers = [
        *default_headers,
        (b"content-type", b"application/problem+json"),
        (b"content-length", str(len(body)).encode()),
        (b"content-language", b"en"),
        (REQUEST_ID_HEADER, request_id.encode()),
        *api_headers(),
        (b"connection", b"close"),
    ]
    lines = [f"HTTP/1.1 {status} {phrase}".encode(), *(n + b": " + v for n, v in headers)]
    log_access(None, None, status, request_id)
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


class _LimitedConnection(h11.Connection):
    """h11's server side that also refuses a complete head over the limit (h11 bounds only
    what it buffers while a head is incomplete) and remembers the status of its refusal."""

    refused_with = 400

    def next_event(self) -> Any:
        try:
            event = super().next_event()
        except h11.RemoteProtocolError as error:
            self.refused_with = error.error_status_hint
            raise
        too_large = isinstance(event, h11.Request) and (
            head_size(event.method, event.target, list(event.headers)) > HEAD_LIMIT
        )
        if too_large:
            self.refused_with = 431
            raise h11.RemoteProtocolError("request head too large", error_status_hint=431)
        return event


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with the head limit and problem refusals."""

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self.conn = _LimitedConnection(h11.SERVER, max_incomplete_event_size=HEAD_LIMIT)

    def send_400_response(self, msg: str) -> None:
        status = self.conn.refused_with if isinstance(self.conn, _LimitedConnection) else 400
        self.transport.write(refusal(status if status in _REFUSALS else 400, _defaults(self)))
        self.transport.close()


class GuardedHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with the head limit, problem refusals, and h11 for the
    methods httptools does not know.

    Bytes are counted per read while a head is incomplete, from the read the message began
    in (when a message begins inside a read, after the end of the one before, from the
    next read on); the parsed head is measured again when it is complete.
    """

    def __init__(
        self,
        config: Config,
        server_state: ServerState,
        app_state: dict[str, Any],
        _loop: asyncio.AbstractEventLoop | None = None,
    ) -> None:
        super().__init__(config, server_state, app_state, _loop)
        self._read = b""
        self._ended_in_read = False  # a message ended inside the current read
        self._in_head = False
        self._head_bytes = 0
        # The reads of the current head from its first byte, when it began at a read's
        # start (what h11 is given for a method httptools does not know); else None.
        self._head_reads: list[bytes] | None = None
        self._too_large = False

    def data_received(self, data: bytes) -> None:
        self._unset_keepalive_if_required()
        self._read, self._ended_in_read = data, False
        if self._in_head:
            self._head_bytes += len(data)
            if self._head_reads is not None:
                self._head_reads.append(data)
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserInvalidMethodError:
            self._unknown_method()
        except httptools.HttpParserError:
            self._refuse(431 if self._too_large else 400)
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
        else:
            if self._in_head and self._head_bytes > HEAD_LIMIT:
                self._refuse(431)

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._in_head = True
        if self._ended_in_read:  # the head began somewhere inside this read
            self._head_bytes, self._head_reads = 0, None
        else:
            self._head_bytes, self._head_reads = len(self._read), [self._read]

    def on_headers_complete(self) -> None:
        self._in_head, self._head_reads = False, None
        if head_size(self.parser.get_method(), self.url, self.headers) > HEAD_LIMIT:
            self._too_large = True
            raise ValueError("request head too large")  # stops the parser: refused above
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        self._ended_in_read = True
        super().on_message_complete()

    def send_400_response(self, msg: str) -> None:
        self._refuse(400)

    def _refuse(self, status: int) -> None:
        self.transport.write(refusal(status, _defaults(self)))
        self.transport.close()

    def _unknown_method(self) -> None:
        """Give the connection to h11 from the head's first byte, when that is known and
        no earlier response is still being written; otherwise refuse it."""
        head, busy = self._head_reads, self.cycle is not None and not self.cycle.response_complete
        if head is None or busy:
            self._refuse(400)
            return
        protocol = GuardedH11Protocol(self.config, self.server_state, self.app_state, self.loop)
        self.connections.discard(self)
        protocol.connection_made(self.transport)
        self.transport.set_protocol(protocol)
        protocol.data_received(b"".join(head))


def _defaults(protocol: H11Protocol | HttpToolsProtocol) -> list[tuple[bytes, bytes]]:
    """uvicorn's own headers (``server``, ``date``)."""
    return list(protocol.server_state.default_headers)
