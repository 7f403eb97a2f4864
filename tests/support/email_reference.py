"""The reference an email's bytes are held to: the message built with Python's ``email``
package (``email.mime`` parts, the compat32 policy with ``email_mime.POLICY``'s plain
headers), as the senders built it before ``email_text`` wrote the bytes directly. The
property tests compare ``build_mime(...).as_bytes()`` with ``mime_bytes`` and with compat32's
own flattening."""

from __future__ import annotations

from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime

from adapters.notifications.email_mime import (
    POLICY,
    checked_address,
    content_language,
    header_address,
    message_id_header,
    new_boundary,
    one_line,
    parse_sender,
    subject_header,
)
from booking_domain.notifications.messages import EmailMessage, Invitation


def build_mime(message: EmailMessage, *, sender: Address | str, now: datetime) -> Message:
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
