"""One ``EmailMessage`` of the domain as the bytes of its MIME message, written directly.

The bytes are exactly what the ``email`` package makes of the same message with the same
boundaries (``tests/support/email_reference.py`` builds it; ``email_mime`` says what the
shape is and why; a property test holds the two equal): the headers in the library's
order, each written by the same policy, every part's ``Content-Type``, ``MIME-Version`` and
``Content-Transfer-Encoding`` as ``email.mime`` sets them, the bodies in base64 lines of 76
characters, and the boundary lines as ``email.generator`` writes them. Building the
``email.message`` tree and walking it with the generator cost a job worker about a tenth of
its time in a burst of bookings; writing the same bytes costs a twelfth of that.

A header whose value is not plain ASCII or does not fit on its line (a non-ASCII name, a long
subject) is still folded by the library (``POLICY.fold``): rare, and where the rules are.
"""

from __future__ import annotations

import functools
from binascii import b2a_base64
from datetime import UTC, datetime
from email.headerregistry import Address
from email.utils import encode_rfc2231, format_datetime

from adapters.notifications.email_mime import (
    POLICY,
    checked_address,
    content_language,
    header_address,
    message_id_header,
    new_boundary,
    one_line,
    subject_header,
)
from booking_domain.notifications.messages import EmailMessage, Invitation

# email.base64mime.body_encode's lines: 76 characters, from 57 bytes each.
_CHUNK = 57


def mime_bytes(
    message: EmailMessage,
    *,
    sender: Address,
    now: datetime,
    boundaries: tuple[str, str] | None = None,
) -> bytes:
    """The MIME message of ``message`` from ``sender``, dated ``now`` (a naive ``now`` is
    taken as UTC), as bytes with ``\\n`` line ends. ``boundaries`` (the body's, then the
    invitation's ``multipart/mixed``) are drawn at random unless given (for tests). Raises
    ``InvalidMessageError`` for a recipient address or Message-ID that cannot be written."""
    to = _recipient(one_line(message.to_name), message.to_address)
    body_boundary, mixed_boundary = boundaries or (new_boundary(), new_boundary())
    headers = [
        ("From", header_address(sender)),
        ("To", header_address(to)),
        ("Subject", subject_header(one_line(message.subject))),
        ("Message-ID", message_id_header(message.message_id)),
        ("Date", format_datetime(now if now.tzinfo else now.replace(tzinfo=UTC))),
        ("Auto-Submitted", "auto-generated"),
        ("Content-Language", content_language(message.locale)),
    ]
    top, body = _multipart_head("alternative", body_boundary), _alternative(message, body_boundary)
    if message.invitation is not None:
        parts = [top + "\n" + body, _invitation_part(message.invitation)]
        top, body = _multipart_head("mixed", mixed_boundary), _multipart_body(mixed_boundary, parts)
    return "".join([top, *(_fold(n, v) for n, v in headers), "\n", body]).encode("ascii")


@functools.lru_cache(maxsize=4096)
def _recipient(name: str, address: str) -> Address:
    """The recipient as a checked address: recipients repeat (a customer's every booking),
    and the library's parse of an address is the dearest step of a message."""
    return checked_address(name, address)


def _fold(name: str, value: str) -> str:
    """A header as the builder's policy writes it (plain, or folded by the library)."""
    return POLICY.fold(name, value)


def _multipart_head(subtype: str, boundary: str) -> str:
    # Always over 78 characters with a boundary of ours: compat32 folds it at the "; ".
    return f'Content-Type: multipart/{subtype};\n boundary="{boundary}"\nMIME-Version: 1.0\n'


def _alternative(message: EmailMessage, boundary: str) -> str:
    """The plain-text part, then the HTML part, between the body's boundary lines."""
    return _multipart_body(
        boundary, [_text_part(message.text, "plain"), _text_part(message.html, "html")]
    )


def _multipart_body(boundary: str, parts: list[str]) -> str:
    """What ``email.generator`` writes for a multipart's parts (no preamble or epilogue)."""
    return "".join([f"--{boundary}\n", f"\n--{boundary}\n".join(parts), f"\n--{boundary}--\n"])


def _text_part(text: str, subtype: str) -> str:
    head = f'Content-Type: text/{subtype}; charset="utf-8"\n'
    return f"{head}MIME-Version: 1.0\nContent-Transfer-Encoding: base64\n\n{_base64(text)}"


def _invitation_part(invitation: Invitation) -> str:
    """``invite.ics``: ``set_param`` moved ``Content-Type`` after the encoding's header."""
    content_type = f'text/calendar; charset="utf-8"; {_method(invitation.method)}'
    return "".join(
        [
            "MIME-Version: 1.0\nContent-Transfer-Encoding: base64\n",
            _fold("Content-Type", content_type),
            'Content-Disposition: attachment; filename="invite.ics"\n\n',
            _base64(invitation.ics),
        ]
    )


def _method(method: str) -> str:
    """The ``method`` parameter as ``set_param`` writes it: quoted, with a backslash and a
    double quote escaped (``email.utils.quote``); non-ASCII in RFC 2231's form; bare when
    empty."""
    if not method:
        return "method"
    if not method.isascii():
        return f"method*={encode_rfc2231(method, 'utf-8', '')}"
    return 'method="' + method.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _base64(text: str) -> str:
    """``email.base64mime.body_encode`` of the UTF-8 text: 76-character lines, each ended
    with ``\\n``; nothing for no text."""
    data = text.encode("utf-8")
    return "".join(
        b2a_base64(data[i : i + _CHUNK]).decode("ascii") for i in range(0, len(data), _CHUNK)
    )
