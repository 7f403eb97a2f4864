"""Email over SMTP (aiosmtplib), through a small pool of connections reused across sends.

Contract (the ``EmailSender`` port): ``send`` answers a ``SendOutcome`` and never raises for
the server's failures.
- accepted (250 to DATA): ``ok(reference=message_id)``;
- a 5xx answer to RCPT or DATA, a malformed address, an address outside ASCII (refused
  before any server is asked: ``email_mime`` writes no SMTPUTF8): failed, ``permanent`` -
  this message can never go through;
- everything else is failed, transient (a retry may go through): refused or timed-out
  connections, 4xx answers, disconnects, TLS or login failures, a 5xx to MAIL FROM (the
  configured sender: an operator fixes it, then the retry goes).

Speed: opening a connection costs a TCP (and TLS) handshake, EHLO and AUTH; a send on an open
one costs MAIL/RCPT/DATA. So up to ``pool_size`` connections stay open and each carries one
transaction at a time (aiosmtplib serialises a connection; concurrent sends spread over the
pool). After a failed transaction aiosmtplib sends RSET, and the connection is reused; one
whose state is unknown (timeout, disconnect, cancellation, 421) is closed and reopened on the
next send. A pooled connection is asked a NOOP before each use (servers drop idle sessions,
and a drop is noticed only by using the connection): one round trip that saves a failed
send. A send is never repeated here: a connection lost
mid-transaction may still have delivered the message, so the failure is reported
(transient) and the job's retry, later, carries the same ``Message-ID``.

The password is never logged nor put into an error text.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from email.headerregistry import Address
from typing import Literal

from aiosmtplib import (
    SMTP,
    SMTPAuthenticationError,
    SMTPException,
    SMTPHeloError,
    SMTPNotSupported,
    SMTPRecipientsRefused,
    SMTPResponseException,
    SMTPSenderRefused,
)

from adapters.notifications.email_mime import InvalidMessageError, parse_sender
from adapters.notifications.email_text import mime_bytes
from booking_domain.notifications.messages import EmailMessage, SendOutcome
from booking_domain.notifications.senders import EmailSender
from booking_domain.shared.clock import Clock

_log = logging.getLogger("inkslot.notifications")

TlsMode = Literal["starttls", "implicit", "none"]
_TLS_MODES: dict[str, tuple[bool, bool]] = {  # mode -> (use_tls, start_tls)
    "starttls": (False, True),
    "implicit": (True, False),
    "none": (False, False),
}
SERVICE_CLOSING = 421  # the server ends the session after this answer


class _RefusalError(Exception):
    """A failure already turned into an outcome; ``keep``: the connection is still usable."""

    def __init__(self, outcome: SendOutcome, *, keep: bool) -> None:
        super().__init__(outcome.error)
        self.outcome = outcome
        self.keep = keep


class SmtpEmailSender(EmailSender):
    """An ``EmailSender`` on one SMTP server (see the module's docstring for the contract).

    ``tls``: ``"starttls"`` (port 587, upgrade required), ``"implicit"`` (port 465) or
    ``"none"`` (a local relay or a test sink). ``sender`` is ``"Name <address>"``; its
    address is also the envelope sender. ``close()`` ends the pooled sessions; a send after
    it fails, transient.
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        sender: str,
        clock: Clock,
        username: str | None = None,
        password: str | None = None,
        tls: TlsMode = "starttls",
        timeout: float = 10.0,
        pool_size: int = 4,
        local_hostname: str | None = None,
        tls_context: ssl.SSLContext | None = None,
    ) -> None:
        if tls not in _TLS_MODES:
            raise ValueError(f"tls must be one of {sorted(_TLS_MODES)}, not {tls!r}")
        if pool_size < 1:
            raise ValueError("pool_size must be at least 1")
        self._host, self._port = host, port
        self._sender: Address = parse_sender(sender)
        self._clock = clock
        self._username, self._password = username, password
        self._use_tls, self._start_tls = _TLS_MODES[tls]
        self._timeout = timeout
        self._local_hostname = local_hostname
        self._tls_context = tls_context
        self._slots = asyncio.Semaphore(pool_size)
        self._idle: list[SMTP] = []
        self._closed = False
        self.connections_opened = 0  # how many sessions were started: for tests and metrics

    def __repr__(self) -> str:  # never the password
        return f"SmtpEmailSender({self._host!r}, {self._port}, username={self._username!r})"

    async def send(self, message: EmailMessage) -> SendOutcome:
        try:
            data = mime_bytes(message, sender=self._sender, now=self._clock.now())
        except InvalidMessageError as error:
            return SendOutcome.failed(str(error), permanent=True)
        if self._closed:
            return SendOutcome.failed("the SMTP sender is closed")
        async with self._slots:
            try:
                await self._deliver(data, message.to_address)
            except _RefusalError as refusal:
                return refusal.outcome
        return SendOutcome.ok(reference=message.message_id)

    async def close(self) -> None:
        """End the idle sessions (QUIT); sessions in use end when their send is done."""
        self._closed = True
        idle, self._idle = self._idle, []
        await asyncio.gather(*(self._quit(client) for client in idle))

    # --- one transaction ------------------------------------------------------------------

    async def _deliver(self, data: bytes, recipient: str) -> None:
        """Send on a pooled connection that answers a NOOP, or a fresh one. A send is never
        repeated here: a connection lost during a transaction may have delivered the
        message, so the job's own retry (same Message-ID, later) decides. Raises
        :class:`_RefusalError` for every failure the contract maps."""
        client = await self._live_idle()
        if client is None:
            client = await self._connect()
        await self._transaction(client, data, recipient)

    async def _live_idle(self) -> SMTP | None:
        while self._idle:
            client = self._idle.pop()
            if not client.is_connected:
                continue
            try:
                await client.noop()
                return client
            except (SMTPException, OSError):
                client.close()
        return None

    async def _transaction(self, client: SMTP, data: bytes, recipient: str) -> None:
        """MAIL/RCPT/DATA on ``client``, which goes back to the pool when it is still usable
        and is closed otherwise (also when the send is cancelled half-way). The message is
        sent as written (``email_text``), with the options aiosmtplib's ``send_message``
        would ask for (``_mail_options``)."""
        keep = False
        try:
            sender = self._sender.addr_spec
            options = await _mail_options(client)
            await client.sendmail(sender, [recipient], data, mail_options=options)
            keep = True
        except ConnectionError as error:  # before SMTPException: a disconnect is both
            raise self._failed(f"SMTP server closed the connection: {error}") from None
        except (SMTPException, ValueError, OSError) as error:
            refusal = self._refusal(error)
            keep = refusal.keep
            raise refusal from None
        finally:
            self._give_back(client, keep=keep)

    def _refusal(self, error: Exception) -> _RefusalError:
        """How a failure of a transaction on an open connection is reported."""
        if isinstance(error, SMTPRecipientsRefused):
            first = error.recipients[0] if error.recipients else None
            code = first.code if first else 550
            text = f"{code} {first.message}" if first else "no recipient accepted"
            return self._failed(f"server refused the recipient: {text}", code >= 500, True)
        if isinstance(error, SMTPSenderRefused):
            return self._failed(f"server refused the sender: {error.code} {error.message}")
        if isinstance(error, SMTPHeloError):
            return self._failed(f"server refused EHLO: {error.code} {error.message}")
        if isinstance(error, SMTPResponseException):
            keep = error.code != SERVICE_CLOSING
            text = f"server answered {error.code}: {error.message}"
            return self._failed(text, error.code >= 500, keep)
        if isinstance(error, SMTPNotSupported | ValueError):
            # Raised before anything is sent: an address this server can never take.
            return self._failed(f"unsendable address: {error}", True, True)
        if isinstance(error, TimeoutError):
            return self._failed("SMTP server timed out")
        return self._failed(f"SMTP failure: {type(error).__name__}: {error}")

    def _failed(self, error: str, permanent: bool = False, keep: bool = False) -> _RefusalError:
        if self._password:
            error = error.replace(self._password, "***")
        return _RefusalError(SendOutcome.failed(error, permanent=permanent), keep=keep)

    # --- the pool ---------------------------------------------------------------------------

    def _give_back(self, client: SMTP, *, keep: bool) -> None:
        if keep and client.is_connected and not self._closed:
            self._idle.append(client)
        else:
            client.close()

    async def _connect(self) -> SMTP:
        """A new session: connect, TLS, EHLO, AUTH. Every failure here is transient: it is
        the server or our configuration, never this message."""
        client = SMTP(
            hostname=self._host,
            port=self._port,
            username=self._username,
            password=self._password,
            timeout=self._timeout,
            use_tls=self._use_tls,
            start_tls=self._start_tls,
            local_hostname=self._local_hostname,
            tls_context=self._tls_context,
        )
        try:
            await client.connect()
        except SMTPAuthenticationError as error:
            client.close()
            raise self._failed(f"server refused the login: {error.code}") from None
        except (SMTPException, OSError) as error:
            client.close()
            if isinstance(error, TimeoutError):
                raise self._failed("SMTP server timed out while connecting") from None
            text = f"cannot open an SMTP session with {self._host}:{self._port}"
            raise self._failed(f"{text}: {type(error).__name__}: {error}") from None
        self.connections_opened += 1
        return client

    @staticmethod
    async def _quit(client: SMTP) -> None:
        try:
            await client.quit(timeout=2.0)
        except (SMTPException, OSError):
            pass  # the session is over either way
        finally:
            client.close()


async def _mail_options(client: SMTP) -> list[str]:
    """What ``send_message`` would ask MAIL FROM for: ``BODY=8BITMIME`` when the server
    offers it (``SMTPUTF8`` never: ``email_mime`` writes ASCII addresses only). The
    server's extensions are known after EHLO, sent here when the session has not greeted
    yet (HELO if EHLO is refused, as aiosmtplib does)."""
    if client.is_ehlo_or_helo_needed:
        try:
            await client.ehlo()
        except SMTPHeloError:
            if not client.is_connected:  # a 421 to EHLO closed the session: nothing to HELO
                raise
            await client.helo()
    return ["BODY=8BITMIME"] if client.supports_extension("8BITMIME") else []
