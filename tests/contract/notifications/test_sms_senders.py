"""The ``SmsSender`` contract: the JSON gateway adapter over real HTTP against a strict fake
gateway (``tests/support/fake_sms_gateway``), and the log sender."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator

import pytest

from adapters.notifications.sms_http import KEY_REFUSED, HttpSmsSender
from adapters.notifications.sms_log import LogSmsSender, mask_number
from booking_domain.notifications.messages import SmsMessage
from tests.support.fake_sms_gateway import API_KEY, PATH, FakeSmsGateway, serving
from tests.support.server import free_port

pytestmark = pytest.mark.anyio
TEXT = "Таны захиалга баталгаажлаа: 3-р сарын 2, 14:00"  # noqa: RUF001 (Mongolian)


def a_text(key: str = "notification-1", to: str = "+97688112233") -> SmsMessage:
    return SmsMessage(key=key, to=to, text=TEXT)


@pytest.fixture
def gateway() -> Iterator[tuple[FakeSmsGateway, str]]:
    fake = FakeSmsGateway()
    with serving(fake) as base_url:
        yield fake, base_url + PATH


@pytest.fixture
async def sender(gateway: tuple[FakeSmsGateway, str]) -> AsyncIterator[HttpSmsSender]:
    sms = HttpSmsSender(gateway[1], API_KEY, sender_id="Inkslot", timeout=5.0)
    yield sms
    await sms.aclose()


async def test_a_text_is_sent_once_with_its_key(
    gateway: tuple[FakeSmsGateway, str], sender: HttpSmsSender
) -> None:
    fake, _ = gateway

    outcome = await sender.send(a_text())

    assert outcome.sent, outcome.error
    [sms] = fake.sent
    assert outcome.reference == sms.id
    assert (sms.to, sms.text, sms.body["from"]) == ("+97688112233", TEXT, "Inkslot")
    assert sms.idempotency_key == sms.reference == "notification-1"


async def test_a_repeat_of_a_key_sends_nothing_new(
    gateway: tuple[FakeSmsGateway, str], sender: HttpSmsSender
) -> None:
    fake, _ = gateway

    first = await sender.send(a_text())
    repeat = await sender.send(a_text())
    other = await sender.send(a_text(key="notification-2"))

    assert first.sent and repeat.sent and other.sent
    assert repeat.reference == first.reference != other.reference
    assert [s.reference for s in fake.sent] == ["notification-1", "notification-2"]
    assert fake.requests == 3


async def test_without_a_sender_id_no_from_is_sent(gateway: tuple[FakeSmsGateway, str]) -> None:
    fake, url = gateway
    sender = HttpSmsSender(url, API_KEY)

    assert (await sender.send(a_text())).sent
    await sender.aclose()

    assert "from" not in fake.sent[0].body


async def test_a_refused_key_is_transient_and_never_shows_the_key(
    gateway: tuple[FakeSmsGateway, str], caplog: pytest.LogCaptureFixture
) -> None:
    fake, url = gateway
    caplog.set_level(logging.DEBUG)
    wrong = "sms-wrong-key-77aa"
    sender = HttpSmsSender(url, wrong)

    outcome = await sender.send(a_text())
    await sender.aclose()

    assert not outcome.sent and not outcome.permanent
    assert outcome.error == KEY_REFUSED
    assert wrong not in caplog.text and wrong not in repr(sender)
    assert fake.sent == []


@pytest.mark.parametrize("number", ["88112233", "+0123456789", "+976 8811 2233", "+1234"])
async def test_an_invalid_number_fails_for_good(
    gateway: tuple[FakeSmsGateway, str], sender: HttpSmsSender, number: str
) -> None:
    outcome = await sender.send(a_text(to=number))

    assert not outcome.sent and outcome.permanent
    assert outcome.error is not None and "422" in outcome.error
    assert TEXT not in outcome.error and API_KEY not in outcome.error
    assert gateway[0].sent == []


@pytest.mark.parametrize("status", [500, 502, 503, 429])
async def test_a_busy_or_failing_gateway_is_transient_and_the_retry_goes_through(
    gateway: tuple[FakeSmsGateway, str], sender: HttpSmsSender, status: int
) -> None:
    fake, _ = gateway
    fake.fail_next(1, status)

    failed = await sender.send(a_text())
    retry = await sender.send(a_text())

    assert not failed.sent and not failed.permanent
    assert failed.error is not None and str(status) in failed.error
    assert retry.sent
    assert len(fake.sent) == 1


async def test_a_gateway_that_is_down_is_transient() -> None:
    sender = HttpSmsSender(f"http://127.0.0.1:{free_port()}{PATH}", API_KEY, timeout=2.0)

    outcome = await sender.send(a_text())
    await sender.aclose()

    assert not outcome.sent and not outcome.permanent
    assert outcome.error is not None and API_KEY not in outcome.error


async def test_a_gateway_that_does_not_answer_is_transient(
    gateway: tuple[FakeSmsGateway, str],
) -> None:
    fake, url = gateway
    fake.delay = 0.5
    sender = HttpSmsSender(url, API_KEY, timeout=0.2)

    outcome = await sender.send(a_text())
    await sender.aclose()

    assert not outcome.sent and not outcome.permanent
    assert outcome.error is not None and "timed out" in outcome.error


async def test_a_shared_client_is_left_open(gateway: tuple[FakeSmsGateway, str]) -> None:
    import httpx

    async with httpx.AsyncClient() as client:
        sender = HttpSmsSender(gateway[1], API_KEY, client=client)
        assert (await sender.send(a_text())).sent
        await sender.aclose()
        assert not client.is_closed


# --- the log sender -------------------------------------------------------------------------


async def test_the_log_sender_logs_a_masked_number(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="inkslot.notifications")

    outcome = await LogSmsSender().send(a_text())

    assert outcome.sent
    assert caplog.messages == [f"sms to +976****2233: {TEXT}"]
    assert "88112233" not in caplog.text


@pytest.mark.parametrize(
    ("number", "masked"),
    [
        ("+97688112233", "+976****2233"),
        ("+12025550123", "+1******0123"),
        ("+447911123456", "+44******3456"),
        ("+77011234567", "+7******4567"),
        ("12345", "+****"),
        ("not a number", "+****"),
    ],
)
def test_numbers_are_masked_but_the_country_code_and_last_four(number: str, masked: str) -> None:
    assert mask_number(number) == masked
