"""One ``EmailMessage`` of the domain as a MIME message, the same for SMTP and ``.eml`` files.

The shape: ``From`` (the configured sender), ``To`` with the recipient's display name,
``Subject``, ``Message-ID`` (the notification's, the same on every attempt), ``Date`` (from
the injected clock), ``Content-Language``, ``Auto-Submitted: auto-generated`` (RFC 3834: out-of-
office robots must not answer), then ``multipart/alternative`` with the plain-text part first
and the HTML part last (readers show the last part they can render).

Non-ASCII names and subjects are RFC 2047 encoded; bodies are UTF-8 in a 7-bit-safe transfer
encoding (quoted-printable or base64, whichever is shorter), so a relay without 8BITMIME
carries them unchanged. A malformed address or Message-ID raises :class:`InvalidMessageError`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage as MimeMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr

from booking_domain.notifications.messages import EmailMessage

# SMTP (CRLF line ends, RFC 2047 headers) whose bodies stay 7-bit: the generator would
# otherwise leave 8bit UTF-8 bodies that a relay without 8BITMIME may mangle.
POLICY = SMTP.clone(cte_type="7bit")


class InvalidMessageError(ValueError):
    """A message no mail server can take (a malformed address or Message-ID): retrying the
    same message cannot help."""


def parse_sender(sender: str) -> Address:
    """``"Inkslot <no-reply@inkslot.mn>"`` (the name may be non-ASCII) as an address.

    Raises :class:`InvalidMessageError`: a misconfigured sender should stop the start-up,
    not every send."""
    name, addr = parseaddr(sender)
    return _address(name, addr)


def build_mime(message: EmailMessage, *, sender: Address | str, now: datetime) -> MimeMessage:
    """The MIME message of ``message`` from ``sender``, dated ``now`` (a naive ``now`` is
    taken as UTC). Raises :class:`InvalidMessageError` for a recipient address that cannot
    be written in a header."""
    from_ = parse_sender(sender) if isinstance(sender, str) else sender
    mime = MimeMessage(policy=POLICY)
    mime["From"] = from_
    mime["To"] = _address(_one_line(message.to_name), message.to_address)
    mime["Subject"] = _one_line(message.subject)
    mime["Message-ID"] = _message_id(message.message_id)
    mime["Date"] = format_datetime(now if now.tzinfo else now.replace(tzinfo=UTC))
    mime["Auto-Submitted"] = "auto-generated"
    mime.set_content(message.text, subtype="plain", charset="utf-8")
    mime.add_alternative(message.html, subtype="html", charset="utf-8")
    for part in mime.iter_parts():
        del part["MIME-Version"]  # add_alternative() leaves one in a part; it belongs on top
    # After the content: set_content() drops every Content-* header already there.
    mime["Content-Language"] = content_language(message.locale)
    return mime


def content_language(locale: str) -> str:
    """A Babel/POSIX locale (``mn_MN``) as the BCP 47 tag the header wants (``mn-MN``)."""
    return locale.split(".")[0].split("@")[0].replace("_", "-") or "und"


def _address(name: str, addr: str) -> Address:
    # IndexError too: the stdlib parser raises it for some malformed specs ("a@").
    try:
        address = Address(display_name=name, addr_spec=addr.strip())
    except (ValueError, TypeError, IndexError, HeaderParseError) as error:
        raise InvalidMessageError(f"not a mail address: {addr!r}") from error
    if not address.username or not address.domain:
        raise InvalidMessageError(f"not a mail address: {addr!r}")
    return address


def _message_id(message_id: str) -> str:
    bare = message_id.strip().removeprefix("<").removesuffix(">")
    if not bare or any(c.isspace() or c in "<>" for c in bare):
        raise InvalidMessageError(f"not a Message-ID: {message_id!r}")
    return f"<{bare}>"


def _one_line(value: str) -> str:
    # A line break in a header value would start a new header (injection); templates
    # never mean one, so it is folded to a space.
    return " ".join(value.split())
