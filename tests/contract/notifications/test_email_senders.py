"""The ``EmailSender`` contract, one suite over SMTP (against a real SMTP server,
``tests/support/smtp_sink``) and ``.eml`` files in a directory; then what only the files
have. What only SMTP has (refusals, retries, the pool) is in ``test_smtp_email_sender``."""

from __future__ import annotations

import asyncio
import email
import itertools
import logging
import os
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, replace
from email.message import EmailMessage as MimeMessage
from email.policy import default
from email.utils import parsedate_to_datetime
from pathlib import Path

import pytest

from adapters.notifications import eml_files
from adapters.notifications.eml_files import EmlFileEmailSender, eml_file_name
from adapters.system.clock import ManualClock
from booking_domain.notifications.senders import EmailSender
from tests.contract.notifications.samples import NAME, NOW, SENDER, SUBJECT, a_message, smtp_sender
from tests.support.smtp_sink import SmtpSink

pytestmark = pytest.mark.anyio


def files_in(directory: Path) -> list[Path]:
    return sorted(directory.iterdir()) if directory.exists() else []


def read(path: Path) -> bytes:
    return path.read_bytes()


@dataclass
class Channel:
    name: str
    sender: EmailSender
    received: Callable[[], list[bytes]]  # the raw messages that arrived or were written

    def parsed(self) -> list[MimeMessage]:
        found = [email.message_from_bytes(raw, policy=default) for raw in self.received()]
        return [m for m in found if isinstance(m, MimeMessage)]


@pytest.fixture(params=["smtp", "eml"])
async def channel(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Channel]:
    if request.param == "smtp":
        sink: SmtpSink = request.getfixturevalue("sink")
        sender = smtp_sender(sink.port, timeout=5.0)
        yield Channel("smtp", sender, lambda: [m.raw for m in sink.messages])
        await sender.close()
        return
    outbox = tmp_path / "outbox"  # missing: the sender makes it
    files = EmlFileEmailSender(outbox, sender=SENDER, clock=ManualClock(NOW))
    yield Channel("eml", files, lambda: [read(p) for p in files_in(outbox)])


# --- every channel ----------------------------------------------------------------------


async def test_a_message_arrives_once_with_its_headers_and_both_parts(channel: Channel) -> None:
    message = a_message()

    outcome = await channel.sender.send(message)

    assert outcome.sent, outcome.error
    [raw] = channel.received()
    [mime] = channel.parsed()
    assert mime["Message-ID"] == message.message_id
    assert mime["From"].addresses[0].display_name == "Инкслот"
    assert mime["From"].addresses[0].addr_spec == "no-reply@inkslot.mn"
    assert mime["To"].addresses[0].display_name == NAME
    assert mime["To"].addresses[0].addr_spec == message.to_address
    assert mime["Subject"] == SUBJECT
    assert parsedate_to_datetime(mime["Date"]) == NOW
    assert mime["Content-Language"] == "mn-MN"
    assert mime["Auto-Submitted"] == "auto-generated"
    assert mime.get_content_type() == "multipart/alternative"
    parts = list(mime.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert [p.get_content_charset() for p in parts] == ["utf-8", "utf-8"]
    # Text travels in its canonical form (CRLF line ends, RFC 2046); readers show either.
    contents = [p.get_content().replace("\r\n", "\n") for p in parts]
    assert contents == [message.text, message.html]
    # Non-ASCII travels encoded (RFC 2047 headers, 7-bit bodies): any relay carries it.
    assert raw.isascii()


async def test_the_reference_says_where_the_message_went(channel: Channel) -> None:
    outcome = await channel.sender.send(a_message())

    if channel.name == "smtp":
        assert outcome.reference == a_message().message_id
        assert not outcome.repeat_reaches_no_one  # a second DATA is a second mail
    else:
        assert outcome.reference is not None
        assert outcome.repeat_reaches_no_one  # the same file, written over
        assert read(Path(outcome.reference)) == channel.received()[0]


async def test_a_repeat_carries_the_same_message_id(channel: Channel) -> None:
    message = a_message()

    first, second = await channel.sender.send(message), await channel.sender.send(message)

    assert first.sent and second.sent
    assert first.reference == second.reference
    assert {m["Message-ID"] for m in channel.parsed()} == {message.message_id}


async def test_messages_with_different_ids_are_kept_apart(channel: Channel) -> None:
    outcomes = [await channel.sender.send(a_message(n)) for n in (1, 2, 3)]

    assert all(o.sent for o in outcomes)
    ids = sorted(str(m["Message-ID"]) for m in channel.parsed())
    assert ids == sorted(a_message(n).message_id for n in (1, 2, 3))


# The last two: addresses the parser takes with a domain outside ASCII, which no header of
# ours can hold (the library's formataddr raised, and the send crashed, not failed for good).
@pytest.mark.parametrize(
    "address",
    [
        "not an address",
        "missing-domain@",
        "a@b\r\nBcc: x@y",
        "ada@exam\x80ple.mn",
        "ada@\u043c\u043d.mn",
    ],
)
async def test_a_malformed_address_fails_for_good(channel: Channel, address: str) -> None:
    outcome = await channel.sender.send(a_message(to_address=address))

    assert not outcome.sent and outcome.permanent
    assert channel.received() == []


async def test_a_line_break_in_the_subject_cannot_add_a_header(channel: Channel) -> None:
    outcome = await channel.sender.send(a_message(subject="Hello\r\nBcc: victim@example.mn"))

    assert outcome.sent, outcome.error
    [mime] = channel.parsed()
    assert mime["Bcc"] is None
    assert mime["Subject"] == "Hello Bcc: victim@example.mn"


# --- .eml files -----------------------------------------------------------------------------


async def test_a_repeat_of_a_message_id_leaves_one_file(tmp_path: Path) -> None:
    sender = EmlFileEmailSender(tmp_path, sender=SENDER, clock=ManualClock(NOW))
    message = a_message()

    await asyncio.gather(*(sender.send(message) for _ in range(5)))
    await sender.send(replace(message, subject="Second version"))

    [path] = files_in(tmp_path)  # no second file, no temp file left behind
    assert path.name == "notification-1@inkslot.mn.eml"
    parsed = email.message_from_bytes(read(path), policy=default)
    assert parsed["Subject"] == "Second version"


async def test_a_file_is_private_and_the_directory_is_made_again_when_gone(
    tmp_path: Path,
) -> None:
    outbox = tmp_path / "outbox"
    sender = EmlFileEmailSender(outbox, sender=SENDER, clock=ManualClock(NOW))
    await sender.send(a_message())
    for path in files_in(outbox):
        path.unlink()
    outbox.rmdir()  # a developer empties the outbox while the worker runs

    outcome = await sender.send(a_message())

    [path] = files_in(outbox)
    assert outcome.sent and str(path) == outcome.reference
    assert path.stat().st_mode & 0o777 == 0o600  # mail is the recipient's business


async def test_a_temporary_file_a_killed_writer_left_is_stepped_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(eml_files, "_writes", itertools.count())  # the next names: 0, 1, ...
    sender = EmlFileEmailSender(tmp_path, sender=SENDER, clock=ManualClock(NOW))
    name = eml_file_name(a_message().message_id)
    next_names = [f".{name}.{os.getpid()}.{n}.tmp" for n in range(3)]
    for left in next_names:  # a writer with this pid was killed mid-write, three times
        (tmp_path / left).write_bytes(b"half a message")

    await sender.send(a_message())

    assert email.message_from_bytes(read(tmp_path / name))["Message-ID"]
    assert all((tmp_path / left).read_bytes() == b"half a message" for left in next_names)


async def test_emails_asked_at_once_are_written_in_one_hop_each_with_its_own_outcome(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A group's emails go to a thread together; one file that cannot be written (here a
    directory stands where it goes) fails its own message only, for now."""
    hops: list[object] = []
    to_thread = asyncio.to_thread

    async def counted(function: Callable[..., object], /, *args: object) -> object:
        hops.append(function)
        return await to_thread(function, *args)

    monkeypatch.setattr(asyncio, "to_thread", counted)
    sender = EmlFileEmailSender(tmp_path, sender=SENDER, clock=ManualClock(NOW))
    (tmp_path / eml_file_name(a_message(3).message_id)).mkdir()

    outcomes = await asyncio.gather(*(sender.send(a_message(n)) for n in range(1, 5)))

    assert len(hops) == 1
    assert [o.sent for o in outcomes] == [True, True, False, True]
    assert not outcomes[2].permanent and "cannot write" in (outcomes[2].error or "")
    written = [p.name for p in files_in(tmp_path) if p.is_file()]
    assert sorted(written) == [f"notification-{n}@inkslot.mn.eml" for n in (1, 2, 4)]
    assert [o.reference for o in outcomes if o.sent] == [str(tmp_path / w) for w in written]

    await sender.send(a_message(5))  # a later turn: a hop of its own
    assert len(hops) == 2


def test_a_sender_outlives_a_loop_that_ended_before_its_hop_started(tmp_path: Path) -> None:
    """A loop that ends with a send asked and its hop not yet started (its tasks cancelled)
    leaves nothing behind that holds the next loop's sends."""
    sender = EmlFileEmailSender(tmp_path, sender=SENDER, clock=ManualClock(NOW))

    async def ask_and_end() -> None:
        asyncio.get_running_loop().create_task(sender.send(a_message(1)))
        await asyncio.sleep(0)  # the send asks; its hop would start on the next turn

    asyncio.run(ask_and_end())
    outcome = asyncio.run(asyncio.wait_for(sender.send(a_message(2)), timeout=30))

    assert outcome.sent and outcome.reference == str(tmp_path / "notification-2@inkslot.mn.eml")


async def test_a_write_that_fails_with_something_else_raises_in_its_own_send(
    tmp_path: Path,
) -> None:
    """Not an OSError (a NUL in the directory's name: a bug, not the disk): each send raises
    it, as the write would have on its own."""
    sender = EmlFileEmailSender(tmp_path / "out\x00box", sender=SENDER, clock=ManualClock(NOW))

    outcomes = await asyncio.gather(
        *(sender.send(a_message(n)) for n in (1, 2)), return_exceptions=True
    )

    assert all(isinstance(o, ValueError) for o in outcomes)


async def test_the_written_file_is_logged(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    sender = EmlFileEmailSender(tmp_path, sender=SENDER, clock=ManualClock(NOW))
    caplog.set_level(logging.INFO, logger="inkslot.notifications")

    outcome = await sender.send(a_message())

    assert f"mail for customer1@example.mn written to {outcome.reference}" in caplog.messages


def test_file_names_are_safe_and_one_per_message_id() -> None:
    ids = [
        "<a/../../etc@x>",
        "<a_.._.._etc@x>",
        "<A@x>",
        "<a@x>",
        "<.hidden@x>",
        "<" + "x" * 300 + ">",
    ]

    names = [eml_file_name(i) for i in ids]

    assert len(set(names)) == len(ids)
    assert all("/" not in n and not n.startswith(".") and len(n) < 200 for n in names)
    assert eml_file_name("<a@x>") == "a@x.eml" == eml_file_name("a@x")


async def test_an_unwritable_directory_fails_for_now(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory")
    sender = EmlFileEmailSender(blocked / "outbox", sender=SENDER, clock=ManualClock(NOW))

    outcome = await sender.send(a_message())

    assert not outcome.sent and not outcome.permanent


# --- SMTP -----------------------------------------------------------------------------------
