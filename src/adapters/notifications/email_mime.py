"""One ``EmailMessage`` of the domain as a MIME message, built with the ``email`` package.

The senders (SMTP and ``.eml`` files) send the bytes ``email_text`` writes, which are this
message's ``as_bytes()`` written directly; this builder is their reference (the property
tests compare the two) and keeps the rules both share: addresses, Message-IDs, subjects.

The shape: ``From`` (the configured sender), ``To`` with the recipient's display name,
``Subject``, ``Message-ID`` (the notification's, the same on every attempt), ``Date`` (from
the injected clock), ``Content-Language``, ``Auto-Submitted: auto-generated`` (RFC 3834: out-of-
office robots must not answer), then ``multipart/alternative`` with the plain-text part first
and the HTML part last (readers show the last part they can render). A message with a
calendar invitation is ``multipart/mixed``: that body, then ``invite.ics`` (``text/calendar``
with its ``method``).

Non-ASCII names and subjects are RFC 2047 encoded; bodies are UTF-8 in base64, a 7-bit-safe
transfer encoding, so a relay without 8BITMIME carries them unchanged. A malformed address,
one outside ASCII (which needs SMTPUTF8, not written here) or a malformed Message-ID raises
:class:`InvalidMessageError`.

Speed: the message is built with the ``email.mime`` classes and the compat32 policy, not
``EmailMessage`` with the SMTP policy, whose header parsing and refolding cost a worker most
of its CPU per email (1.3 ms of 2.8 ms; docs/performance.md, "Notifications"). The headers
are simple (an address, an encoded word, an id), written here once, correctly. Two more
shortcuts, each equal to what the library writes (tests compare them): a header that fits on
its line as plain ASCII is written as it is (``POLICY``, used where the message is flattened
by its own policy, ``as_bytes()``), and each multipart's boundary is chosen here (random, as
the library's) instead of being searched for in the parts' text: every leaf part is base64
(checked as each is made), whose lines cannot start with ``--``, so no boundary can occur
inside one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.errors import HeaderParseError
from email.header import Header
from email.headerregistry import Address
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import Compat32
from email.utils import format_datetime, formataddr, parseaddr
from random import getrandbits

from booking_domain.notifications.messages import EmailMessage, Invitation

MimeMessage = Message  # what build_mime makes, and the senders take


class _PlainHeaders(Compat32):
    """compat32, writing a header that needs nothing done to it as it is: a ``str`` of
    printable ASCII with no space at either end that fits on one line (what compat32's
    ``Header`` would write for it too); anything else goes the library's way."""

    def fold(self, name: str, value: str) -> str:
        plain = self._plain(name, value)
        return super().fold(name, value) if plain is None else plain

    def fold_binary(self, name: str, value: str) -> bytes:
        plain = self._plain(name, value)
        return super().fold_binary(name, value) if plain is None else plain.encode("ascii")

    def _plain(self, name: str, value: object) -> str | None:
        limit = self.max_line_length
        if (
            isinstance(value, str)
            and value.isascii()
            and value.isprintable()
            and value == value.strip()
            and (not limit or len(name) + 2 + len(value) <= limit)
        ):
            return f"{name}: {value}{self.linesep}"
        return None


POLICY = _PlainHeaders()


class InvalidMessageError(ValueError):
    """A message no mail server can take (a malformed address or Message-ID): retrying the
    same message cannot help."""


def parse_sender(sender: str) -> Address:
    """``"Inkslot <no-reply@inkslot.mn>"`` (the name may be non-ASCII) as an address.

    Raises :class:`InvalidMessageError`: a misconfigured sender should stop the start-up,
    not every send."""
    name, addr = parseaddr(sender)
    return checked_address(name, addr)


def build_mime(message: EmailMessage, *, sender: Address | str, now: datetime) -> MimeMessage:
    """The MIME message of ``message`` from ``sender``, dated ``now`` (a naive ``now`` is
    taken as UTC). Raises :class:`InvalidMessageError` for a recipient address that cannot
    be written in a header."""
    from_ = parse_sender(sender) if isinstance(sender, str) else sender
    to = checked_address(one_line(message.to_name), message.to_address)
    body = MIMEMultipart("alternative", boundary=new_boundary(), policy=POLICY)
    body.attach(_text_part(message.text, "plain"))
    body.attach(_text_part(message.html, "html"))
    mime = body if message.invitation is None else _with_invitation(body, message.invitation)
    mime["From"] = header_address(from_)
    mime["To"] = header_address(to)
    mime["Subject"] = subject_header(one_line(message.subject))
    mime["Message-ID"] = message_id_header(message.message_id)
    mime["Date"] = format_datetime(now if now.tzinfo else now.replace(tzinfo=UTC))
    mime["Auto-Submitted"] = "auto-generated"
    mime["Content-Language"] = content_language(message.locale)
    return mime


def _with_invitation(body: MIMEMultipart, invitation: Invitation) -> MIMEMultipart:
    """``multipart/mixed``: the body, then ``invite.ics`` as ``text/calendar`` with its iTIP
    ``method`` (which mail apps read to offer "add to calendar" or to drop the event)."""
    mixed = MIMEMultipart("mixed", boundary=new_boundary(), policy=POLICY)
    mixed.attach(body)
    ics = _text_part(invitation.ics, "calendar")
    ics.set_param("method", invitation.method)
    ics.add_header("Content-Disposition", "attachment", filename="invite.ics")
    mixed.attach(ics)
    return mixed


def _text_part(text: str, subtype: str) -> MIMEText:
    """A UTF-8 text part, base64 (what lets ``new_boundary`` go unchecked: a process that
    changed ``email.charset``'s rule for UTF-8 gets an error here, not a broken message)."""
    part = MIMEText(text, subtype, "utf-8", policy=POLICY)
    if part["Content-Transfer-Encoding"] != "base64":
        raise RuntimeError("UTF-8 parts must be base64 here (email.charset was changed)")
    return part


def new_boundary() -> str:
    """A multipart boundary (RFC 2046: up to 70 characters), random like the library's. It
    is never checked against the parts: they are all base64 (``utf-8`` text parts), and no
    base64 line starts with ``--``. So it needs no secrecy: ``random``, as ``email``'s own
    generator draws its boundaries, not ``secrets``, whose read of the system's source gives
    up the interpreter lock once per message (a worker's event loop then waits for it behind
    the threads writing files)."""
    return f"=_inkslot_{getrandbits(128):032x}"


def subject_header(subject: str) -> str:
    """ASCII as it is; anything else as RFC 2047 encoded words, folded for the header."""
    if subject.isascii():
        return subject
    return Header(subject, "utf-8", header_name="Subject").encode()


def header_address(address: Address) -> str:
    """``"Name <user@example.mn>"`` with a non-ASCII name RFC 2047-encoded."""
    return formataddr((address.display_name, address.addr_spec), charset="utf-8")


def content_language(locale: str) -> str:
    """A Babel/POSIX locale (``mn_MN``) as the BCP 47 tag the header wants (``mn-MN``)."""
    return locale.split(".")[0].split("@")[0].replace("_", "-") or "und"


def checked_address(name: str, addr: str) -> Address:
    # IndexError too: the stdlib parser raises it for some malformed specs ("a@").
    try:
        address = Address(display_name=name, addr_spec=addr.strip())
    except (ValueError, TypeError, IndexError, HeaderParseError) as error:
        raise InvalidMessageError(f"not a mail address: {addr!r}") from error
    if not address.username or not address.domain:
        raise InvalidMessageError(f"not a mail address: {addr!r}")
    if not address.addr_spec.isascii():
        # A header holds an ASCII address only (``formataddr`` raises for any other); one
        # outside ASCII would need SMTPUTF8 end to end, which this builder does not write.
        raise InvalidMessageError(f"not a mail address this sender can write: {addr!r}")
    return address


def message_id_header(message_id: str) -> str:
    bare = message_id.strip().removeprefix("<").removesuffix(">")
    if not bare or any(c.isspace() or c in "<>" for c in bare):
        raise InvalidMessageError(f"not a Message-ID: {message_id!r}")
    return f"<{bare}>"


def one_line(value: str) -> str:
    # A line break in a header value would start a new header (injection); templates
    # never mean one, so it is folded to a space.
    return " ".join(value.split())
