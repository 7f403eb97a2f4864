"""The MIME writer writes, byte for byte, what the ``email`` library makes of the same
message with the same boundaries (``build_mime(...).as_bytes()``), for any names, subjects,
texts, invitations and methods; and it refuses what the library's builder refuses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from email.message import Message
from typing import cast

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from adapters.notifications.email_mime import InvalidMessageError, parse_sender
from adapters.notifications.email_text import mime_bytes
from booking_domain.notifications.messages import EmailMessage, Invitation
from tests.support.email_reference import build_mime
from tests.unit.notifications.test_email_mime_shortcuts import SENDER, messages, texts

SENDERS = [SENDER, "\u0418\u043d\u043a\u0441\u043b\u043e\u0442 <no-reply@inkslot.mn>", "a@b.mn"]
methods = st.one_of(
    st.sampled_from(["REQUEST", "CANCEL", "", 'RE"Q', "RE\\Q", "\u0417\u0410"]),
    st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=12),
)
moments = st.one_of(
    st.just(datetime(2026, 11, 28, 10, tzinfo=UTC)),
    st.datetimes(
        min_value=datetime(1990, 1, 1),
        max_value=datetime(2090, 1, 1),
        timezones=st.sampled_from([UTC, timezone(timedelta(hours=8)), None]),
    ),
)

# A name and a subject long enough to fold, non-ASCII both.
LONG = EmailMessage(
    "<n@inkslot.test>",
    "ada@example.com",
    "\u0421" * 60,
    "\u04e8" * 90,
    "",
    "",
    "mn_MN",
    Invitation("REQUEST", ""),
)


def boundaries_of(mime: Message) -> tuple[str, str]:
    """The body's boundary and the invitation's ``multipart/mixed`` one (or any)."""
    if mime.get_content_subtype() == "mixed":
        body = cast(list[Message], mime.get_payload())[0]
        return cast(str, body.get_boundary()), cast(str, mime.get_boundary())
    return cast(str, mime.get_boundary()), "=_inkslot_unused"


def assert_same_bytes(message: EmailMessage, sender: str, now: datetime) -> None:
    mime = build_mime(message, sender=sender, now=now)
    written = mime_bytes(
        message, sender=parse_sender(sender), now=now, boundaries=boundaries_of(mime)
    )
    assert written == mime.as_bytes()


@settings(max_examples=300, deadline=None)
@given(messages(), st.sampled_from(SENDERS), moments, methods)
@example(LONG, SENDER, datetime(2026, 11, 28, 10, tzinfo=UTC), "REQUEST")
def test_the_bytes_are_the_librarys(
    message: EmailMessage, sender: str, now: datetime, method: str
) -> None:
    if message.invitation is not None:
        message = EmailMessage(
            message.message_id, message.to_address, message.to_name, message.subject,
            message.text, message.html, message.locale, Invitation(method, message.invitation.ics),
        )  # fmt: skip
    assert_same_bytes(message, sender, now)


@given(st.text(max_size=300), st.text(max_size=300))
def test_bodies_of_every_length_are_the_librarys(text: str, html: str) -> None:
    # 57 bytes make a base64 line: lengths around it, and multi-byte characters across it
    message = EmailMessage("<n@x.test>", "a@b.test", "A", "S", text, html, "en", None)
    assert_same_bytes(message, SENDER, datetime(2026, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize("length", [0, 1, 56, 57, 58, 113, 114, 115, 171])
def test_body_lengths_at_the_line_edges(length: int) -> None:
    message = EmailMessage("<n@x.test>", "a@b.test", "A", "S", "x" * length, "\u04e8" * length,
                           "en", Invitation("CANCEL", "y" * length))  # fmt: skip
    assert_same_bytes(message, SENDER, datetime(2026, 1, 1, tzinfo=UTC))


@given(texts)
def test_what_the_builder_refuses_the_writer_refuses(address: str) -> None:
    message = EmailMessage("<n@x.test>", address, "A", "S", "t", "h", "en", None)
    try:
        build_mime(message, sender=SENDER, now=datetime(2026, 1, 1, tzinfo=UTC))
    except InvalidMessageError:
        with pytest.raises(InvalidMessageError):
            mime_bytes(message, sender=parse_sender(SENDER), now=datetime(2026, 1, 1, tzinfo=UTC))
    else:
        mime_bytes(message, sender=parse_sender(SENDER), now=datetime(2026, 1, 1, tzinfo=UTC))


@pytest.mark.parametrize("message_id", ["", "<>", "<a b@x>", "a<b@x"])
def test_a_message_id_the_builder_refuses_is_refused(message_id: str) -> None:
    message = EmailMessage(message_id, "a@b.test", "A", "S", "t", "h", "en", None)
    with pytest.raises(InvalidMessageError):
        mime_bytes(message, sender=parse_sender(SENDER), now=datetime(2026, 1, 1, tzinfo=UTC))
