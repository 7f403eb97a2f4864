"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd in a thread of its own).

Every accepted message is parsed (``email`` with the default policy) and kept with its
envelope and the session it came on. Failures to script:
- a recipient containing ``refuse_marker`` ("refuse") is answered 550;
- ``fail_next_data(n)``: the next ``n`` DATA commands are answered 451;
- ``data_delay``: seconds the server takes before answering DATA (a slow or hung server);
- ``credentials``: AUTH is required (plain text allowed, no TLS) with this login;
- ``close_sessions()``: the server drops every open connection (an idle timeout).
``sessions`` counts the SMTP sessions that carried a transaction: fewer sessions than
messages means the client reused its connections.
"""

from __future__ import annotations

import asyncio
import email
import threading
import time
import weakref
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default
from types import TracebackType
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.support.server import free_port


@dataclass(frozen=True)
class ReceivedMail:
    mail_from: str
    rcpt_tos: tuple[str, ...]
    mail_options: tuple[str, ...]  # what MAIL FROM asked for (BODY=8BITMIME ...)
    message: EmailMessage
    raw: bytes
    session: int  # the number of the session (1, 2, ...) it came on

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


class _Handler:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if not hasattr(session, "sink_number"):
            session.sink_number = self.sink._new_session()  # type: ignore[attr-defined]
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        if self.sink.refuse_marker in address:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        if self.sink.data_delay:
            await asyncio.sleep(self.sink.data_delay)  # the server is slow, not the test
        if self.sink._take_data_failure():
            return "451 4.3.0 try again later"
        raw = bytes(envelope.original_content or b"")
        parsed = email.message_from_bytes(raw, policy=default)
        assert isinstance(parsed, EmailMessage)
        mail = ReceivedMail(
            mail_from=str(envelope.mail_from),
            rcpt_tos=tuple(envelope.rcpt_tos),
            mail_options=tuple(envelope.mail_options),
            message=parsed,
            raw=raw,
            session=getattr(session, "sink_number", 0),
        )
        self.sink._record(mail)
        return "250 OK queued"


class _Controller(Controller):
    """Keeps the server side of each connection, so a test can drop them all."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.servers: weakref.WeakSet[SMTP] = weakref.WeakSet()

    def factory(self) -> SMTP:
        server = SMTP(self.handler, **self.SMTP_kwargs)  # what Controller.factory() does
        self.servers.add(server)
        return server


class SmtpSink:
    """``with SmtpSink() as sink:`` a server on ``sink.host``:``sink.port``."""

    host = "127.0.0.1"

    def __init__(
        self,
        *,
        refuse_marker: str = "refuse",
        data_delay: float = 0.0,
        credentials: tuple[str, str] | None = None,
    ) -> None:
        self.refuse_marker = refuse_marker
        self.data_delay = data_delay
        self.credentials = credentials
        self.port = free_port()
        self._lock = threading.Lock()
        self._messages: list[ReceivedMail] = []
        self._sessions = 0
        self._data_failures = 0
        self.logins: list[tuple[str, bool]] = []  # (login, accepted)
        auth: dict[str, Any] = {}
        if credentials is not None:
            auth = {
                "authenticator": self._authenticate,
                "auth_required": True,
                "auth_require_tls": False,
            }
        self._controller = _Controller(
            _Handler(self),
            hostname=self.host,
            port=self.port,
            server_hostname="sink.test",  # not socket.getfqdn(): no DNS look-up per session
            **auth,
        )

    # --- what a test does -----------------------------------------------------------------

    def __enter__(self) -> SmtpSink:
        self._controller.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._controller.stop()

    @property
    def messages(self) -> list[ReceivedMail]:
        with self._lock:
            return list(self._messages)

    @property
    def sessions(self) -> int:
        with self._lock:
            return self._sessions

    def fail_next_data(self, count: int) -> None:
        with self._lock:
            self._data_failures += count

    def by_message_id(self) -> dict[str, list[ReceivedMail]]:
        found: dict[str, list[ReceivedMail]] = {}
        for mail in self.messages:
            found.setdefault(mail.message_id, []).append(mail)
        return found

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ReceivedMail]:
        """The messages once there are at least ``count`` (waits for the server's I/O)."""
        deadline = time.monotonic() + timeout
        while len(messages := self.messages) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(messages)} messages arrived, not {count}")
            time.sleep(0.005)
        return messages

    def close_sessions(self) -> None:
        """The server drops every open connection (as after its idle timeout)."""
        done = threading.Event()

        def close_all() -> None:
            for server in list(self._controller.servers):
                if server.transport is not None:
                    server.transport.close()
            done.set()

        self._controller.loop.call_soon_threadsafe(close_all)
        done.wait(5)

    # --- the server's side ----------------------------------------------------------------

    def _new_session(self) -> int:
        with self._lock:
            self._sessions += 1
            return self._sessions

    def _take_data_failure(self) -> bool:
        with self._lock:
            if self._data_failures <= 0:
                return False
            self._data_failures -= 1
            return True

    def _record(self, mail: ReceivedMail) -> None:
        with self._lock:
            self._messages.append(mail)

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        assert self.credentials is not None
        if not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, password = data.login.decode(), data.password.decode()
        accepted = (login, password) == self.credentials
        with self._lock:
            self.logins.append((login, accepted))
        return AuthResult(success=accepted, handled=False)
