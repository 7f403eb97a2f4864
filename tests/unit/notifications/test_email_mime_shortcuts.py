"""The MIME builder's two shortcuts write what the library would: a plain header as it is
(compat32 writes the same bytes), and a boundary chosen without looking at the parts (no
part's text can hold it: every part comes back exactly as it went in)."""

from __future__ import annotations

from datetime import UTC, datetime
from email import message_from_bytes
from email.message import Message
from email.policy import compat32
from typing import cast

from hypothesis import given
from hypothesis import strategies as st

from adapters.notifications.email_mime import POLICY
from booking_domain.notifications.messages import EmailMessage, Invitation
from tests.support.email_reference import build_mime

NOW = datetime(2026, 11, 28, 10, tzinfo=UTC)
SENDER = "Inkslot <no-reply@inkslot.test>"

# Text that tries to break out of its part: boundary-like lines, the builder's own prefix,
# line ends of every kind, non-ASCII, long lines.
tricky_lines = st.sampled_from(
    ["--", "--=_inkslot_", "--=_inkslot_00ff--", "=_inkslot_", "\r\n", "\n.\n", "From x", "Ө"]
)
texts = st.lists(st.one_of(st.text(max_size=40), tricky_lines), max_size=12).map("".join)
CYRILLIC_NAME = "\u0421\u0430\u0440\u0430\u0430"  # a Mongolian name, non-ASCII
names = st.one_of(st.text(max_size=30), st.sampled_from(["Ada", CYRILLIC_NAME, "  spaced  "]))
subjects = st.one_of(
    st.text(max_size=120), st.text(st.characters(min_codepoint=32, max_codepoint=126))
)


@st.composite
def messages(draw: st.DrawFn) -> EmailMessage:
    invitation = draw(st.one_of(st.none(), texts.map(lambda ics: Invitation("REQUEST", ics))))
    return EmailMessage(
        message_id="<0190aaaa-0000-7000-8000-000000000001@inkslot.test>",
        to_address="ada@example.com",
        to_name=draw(names),
        subject=draw(subjects),
        text=draw(texts),
        html=draw(texts),
        locale=draw(st.sampled_from(["en", "mn_MN"])),
        invitation=invitation,
    )


def leaves(message: Message) -> list[Message]:
    if message.is_multipart():
        return [
            leaf for part in cast(list[Message], message.get_payload()) for leaf in leaves(part)
        ]
    return [message]


@given(messages())
def test_the_bytes_are_compat32s_own(message: EmailMessage) -> None:
    mime = build_mime(message, sender=SENDER, now=NOW)
    assert mime.policy is POLICY
    assert mime.as_bytes() == mime.as_bytes(policy=compat32)


@given(messages())
def test_every_part_comes_back_as_it_went_in(message: EmailMessage) -> None:
    raw = build_mime(message, sender=SENDER, now=NOW).as_bytes()
    parsed = leaves(message_from_bytes(raw))
    sent = [message.text, message.html] + (
        [] if message.invitation is None else [message.invitation.ics]
    )
    assert [cast(bytes, p.get_payload(decode=True)).decode() for p in parsed] == sent


def test_each_multipart_has_a_boundary_of_its_own() -> None:
    invitation = Invitation("REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    message = EmailMessage("<n@inkslot.test>", "a@b.test", "A", "S", "t", "h", "en", invitation)
    first = build_mime(message, sender=SENDER, now=NOW)
    second = build_mime(message, sender=SENDER, now=NOW)
    (body, _) = cast(list[Message], first.get_payload())
    boundaries = {first.get_boundary(), body.get_boundary(), second.get_boundary()}
    assert len(boundaries) == 3 and None not in boundaries
