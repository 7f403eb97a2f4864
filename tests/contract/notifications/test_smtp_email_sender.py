"""The ``EmailSender`` contract over SMTP only: refusals, retries, TLS, login and the pool
of connections, against a real SMTP server (``tests/support/smtp_sink``)."""

from __future__ import annotations

import asyncio
import logging

import pytest

from adapters.notifications.smtp import SmtpEmailSender
from tests.contract.notifications.samples import a_message, smtp_sender
from tests.support.server import free_port
from tests.support.smtp_sink import SmtpSink

pytestmark = pytest.mark.anyio


async def test_a_refused_recipient_fails_for_good(sink: SmtpSink, smtp: SmtpEmailSender) -> None:
    outcome = await smtp.send(a_message(to_address="refuse-me@example.mn"))

    assert not outcome.sent and outcome.permanent
    assert outcome.error is not None and "550" in outcome.error
    # The session is reset and reused: the next message goes through on it.
    assert (await smtp.send(a_message(2))).sent
    assert [m.message_id for m in sink.messages] == [a_message(2).message_id]
    assert smtp.connections_opened == 1


async def test_a_451_is_transient_and_the_retry_goes_through(
    sink: SmtpSink, smtp: SmtpEmailSender
) -> None:
    sink.fail_next_data(1)

    first = await smtp.send(a_message())
    retry = await smtp.send(a_message())

    assert not first.sent and not first.permanent
    assert first.error is not None and "451" in first.error
    assert retry.sent
    assert len(sink.by_message_id()[a_message().message_id]) == 1


async def test_a_server_that_is_down_is_a_transient_failure() -> None:
    sender = smtp_sender(free_port(), timeout=2.0)

    outcome = await sender.send(a_message())

    assert not outcome.sent and not outcome.permanent
    await sender.close()


async def test_starttls_is_never_skipped_when_required(sink: SmtpSink) -> None:
    sender = smtp_sender(sink.port, tls="starttls", password="secret-31337", username="u")

    outcome = await sender.send(a_message())  # the sink offers no STARTTLS
    await sender.close()

    assert not outcome.sent and not outcome.permanent
    assert sink.messages == [] and sink.logins == []


async def test_a_server_that_does_not_answer_is_a_transient_failure() -> None:
    with SmtpSink(data_delay=2.0) as sink:
        sender = smtp_sender(sink.port, timeout=0.3)
        outcome = await sender.send(a_message())
        await sender.close()

    assert not outcome.sent and not outcome.permanent
    assert outcome.error is not None and "timed out" in outcome.error


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
async def test_a_refused_login_is_transient_and_never_shows_the_password(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    password = "wrong-pässword-31337"
    with SmtpSink(credentials=("inkslot", "right-password")) as sink:
        refused = smtp_sender(sink.port, username="inkslot", password=password)
        accepted = smtp_sender(sink.port, username="inkslot", password="right-password")
        outcome = await refused.send(a_message())
        assert (await accepted.send(a_message(2))).sent
        await refused.close()
        await accepted.close()

    assert not outcome.sent and not outcome.permanent
    assert outcome.error is not None and "login" in outcome.error
    assert password not in outcome.error and password not in caplog.text
    assert password not in repr(refused)
    # aiosmtplib tries each mechanism the server offers before giving up.
    assert sink.logins[-1] == ("inkslot", True)
    assert {accepted for _, accepted in sink.logins[:-1]} == {False}


async def test_many_concurrent_sends_arrive_once_over_few_sessions(
    sink: SmtpSink, smtp: SmtpEmailSender
) -> None:
    messages = [a_message(n) for n in range(100)]

    outcomes = await asyncio.gather(*(smtp.send(m) for m in messages))

    assert all(o.sent for o in outcomes), {o.error for o in outcomes}
    received = sink.by_message_id()
    assert {m.message_id for m in messages} == set(received)
    assert all(len(copies) == 1 for copies in received.values())
    assert sink.sessions <= 4 < len(messages)
    assert smtp.connections_opened == sink.sessions


async def test_sessions_the_server_dropped_are_reopened(
    sink: SmtpSink, smtp: SmtpEmailSender
) -> None:
    await asyncio.gather(*(smtp.send(a_message(n)) for n in range(8)))
    opened = smtp.connections_opened

    sink.close_sessions()
    outcomes = await asyncio.gather(*(smtp.send(a_message(n)) for n in range(8, 16)))

    assert all(o.sent for o in outcomes), {o.error for o in outcomes}
    assert smtp.connections_opened > opened
    assert len(sink.by_message_id()) == 16


async def test_a_closed_sender_sends_nothing(sink: SmtpSink, smtp: SmtpEmailSender) -> None:
    assert (await smtp.send(a_message())).sent

    await smtp.close()
    outcome = await smtp.send(a_message(2))

    assert not outcome.sent and not outcome.permanent
    assert len(sink.messages) == 1


async def test_mail_from_asks_for_8bitmime_when_the_server_offers_it(
    sink: SmtpSink, smtp: SmtpEmailSender
) -> None:
    # what aiosmtplib's send_message asked for; the message's own bytes are 7-bit anyway
    assert (await smtp.send(a_message())).sent
    (mail,) = sink.messages
    assert "BODY=8BITMIME" in mail.mail_options
    assert mail.raw.isascii() and b"\r\n" in mail.raw
