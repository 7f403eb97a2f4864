"""The rules of an email's MIME message: its addresses, header values and boundaries, and
the policy its headers are written by. ``email_text`` writes the message with them; the
tests' reference builder (``tests/support/email_reference.py``) builds the same message
with the ``email`` package, and property tests hold the two byte for byte equal.

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

Speed: headers follow compat32, not the SMTP policy, whose header parsing and refolding
cost a worker most of its CPU per email (1.3 ms of 2.8 ms; docs/performance.md,
"Notifications"). A header that fits on its line as plain ASCII is written as it is
(``POLICY``: the same bytes compat32's ``Header`` writes, a test compares them), and each
multipart's boundary is drawn at random instead of being searched for in the parts' text:
every leaf part is base64, whose lines cannot start with ``--``, so no boundary can occur
inside one.
"""

from __future__ import annotations

from email.errors import HeaderParseError
from email.header import Header
from email.headerregistry import Address
from email.policy import Compat32
from email.utils import formataddr, parseaddr
from random import getrandbits


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
