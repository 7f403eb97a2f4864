"""The ``SmsSender`` contract: every HTTP provider's adapter over real HTTP against a strict
fake of its API (the JSON gateway: ``tests/support/fake_sms_gateway``; Twilio:
``tests/support/fake_twilio``), then each one's own rules, and the log sender."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from adapters.notifications.sms_http import KEY_REFUSED, HttpSmsSender
from adapters.notifications.sms_log import LogSmsSender, mask_number
from adapters.notifications.sms_twilio import TwilioSmsSender
from booking_domain.notifications.messages import SmsMessage
from tests.support import fake_twilio
from tests.support.fake_sms_gateway import API_KEY, PATH, FakeSmsGateway, serving
from tests.support.server import free_port

pytestmark = pytest.mark.anyio
TEXT = "Таны захиалга баталгаажлаа: 3-р сарын 2, 14:00"  # noqa: RUF001 (Mongolian)
HttpSender = HttpSmsSender | TwilioSmsSender


def a_text(key: str = "notification-1", to: str = "+97688112233") -> SmsMessage:
    return SmsMessage(key=key, to=to, text=TEXT)


@dataclass
class Provider:
    """One HTTP provider's fake, running, and how to make its adapter: ``make(secret=...,
    timeout=..., client=..., base=...)`` (``base``: another address, e.g. a closed port)."""

    name: str
    fake: Any  # FakeSmsGateway | FakeTwilio: both have fail_next, delay, requests
    secret: str
    make: Callable[..., HttpSender]

    def delivered(self) -> list[tuple[str, str]]:
        """(to, text) of every text the fake took."""
        if isinstance(self.fake, FakeSmsGateway):
            return [(s.to, s.text) for s in self.fake.sent]
        return [(s.to, s.body) for s in self.fake.sent]

    def references(self) -> list[str]:
        if isinstance(self.fake, FakeSmsGateway):
            return [s.id for s in self.fake.sent]
        return [s.sid for s in self.fake.sent]


def _gateway_provider(base_url: str, fake: FakeSmsGateway) -> Provider:
    def make(
        secret: str = API_KEY,
        timeout: float = 5.0,
        client: httpx.AsyncClient | None = None,
        base: str = base_url,
    ) -> HttpSender:
        return HttpSmsSender(
            base + PATH, secret, sender_id="Inkslot", timeout=timeout, client=client
        )

    return Provider("gateway", fake, API_KEY, make)


def _twilio_provider(base_url: str, fake: fake_twilio.FakeTwilio) -> Provider:
    def make(
        secret: str = fake_twilio.AUTH_TOKEN,
        timeout: float = 5.0,
        client: httpx.AsyncClient | None = None,
        base: str = base_url,
    ) -> HttpSender:
        return TwilioSmsSender(
            fake_twilio.ACCOUNT_SID,
            secret,
            sender="Inkslot",
            base_url=base,
            timeout=timeout,
            client=client,
        )

    return Provider("twilio", fake, fake_twilio.AUTH_TOKEN, make)


@pytest.fixture(params=["gateway", "twilio"])
def provider(request: pytest.FixtureRequest) -> Iterator[Provider]:
    if request.param == "gateway":
        gateway_fake = FakeSmsGateway()
        with serving(gateway_fake) as base_url:
            yield _gateway_provider(base_url, gateway_fake)
    else:
        twilio_fake = fake_twilio.FakeTwilio()
        with fake_twilio.serving(twilio_fake) as base_url:
            yield _twilio_provider(base_url, twilio_fake)


@pytest.fixture
async def any_sender(provider: Provider) -> AsyncIterator[HttpSender]:
    sms = provider.make()
    yield sms
    await sms.aclose()


# --- the contract, on every HTTP provider ---------------------------------------------------


async def test_a_text_is_sent_with_the_providers_reference(
    provider: Provider, any_sender: HttpSender
) -> None:
    outcome = await any_sender.send(a_text())

    assert outcome.sent, outcome.error
    assert provider.delivered() == [("+97688112233", TEXT)]
    assert [outcome.reference] == provider.references()


async def test_a_refused_key_is_transient_and_never_shows_the_key(
    provider: Provider, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    wrong = "sms-wrong-key-77aa"
    sender = provider.make(secret=wrong)

    outcome = await sender.send(a_text())
    await sender.aclose()

    assert not outcome.sent and not outcome.permanent
    assert outcome.error == KEY_REFUSED
    assert wrong not in caplog.text and wrong not in repr(sender)
    assert provider.secret not in repr(sender)
    assert TEXT not in caplog.text
    assert provider.delivered() == []


@pytest.mark.parametrize("number", ["88112233", "+0123456789", "+976 8811 2233", "+1234"])
async def test_an_invalid_number_fails_for_good_on_every_provider(
    provider: Provider, any_sender: HttpSender, number: str
) -> None:
    outcome = await any_sender.send(a_text(to=number))

    assert not outcome.sent and outcome.permanent
    assert outcome.error is not None
    assert TEXT not in outcome.error and provider.secret not in outcome.error
    assert number not in outcome.error
    assert provider.delivered() == []


@pytest.mark.parametrize("status", [500, 502, 503, 429])
async def test_a_busy_or_failing_provider_is_transient_and_the_retry_goes_through(
    provider: Provider, any_sender: HttpSender, status: int
) -> None:
    provider.fake.fail_next(1, status)

    failed = await any_sender.send(a_text())
    retry = await any_sender.send(a_text())

    assert not failed.sent and not failed.permanent
    assert failed.error is not None and str(status) in failed.error
    assert retry.sent
    assert len(provider.delivered()) == 1


async def test_a_provider_that_is_down_is_transient(provider: Provider) -> None:
    sender = provider.make(base=f"http://127.0.0.1:{free_port()}", timeout=2.0)

    outcome = await sender.send(a_text())
    await sender.aclose()

    assert not outcome.sent and not outcome.permanent
    assert outcome.error is not None and provider.secret not in outcome.error


async def test_a_provider_that_does_not_answer_is_transient(provider: Provider) -> None:
    provider.fake.delay = 0.5
    sender = provider.make(timeout=0.2)

    outcome = await sender.send(a_text())
    await sender.aclose()

    assert not outcome.sent and not outcome.permanent
    assert outcome.error is not None and "timed out" in outcome.error


async def test_a_shared_client_is_left_open(provider: Provider) -> None:
    async with httpx.AsyncClient() as client:
        sender = provider.make(client=client)
        assert (await sender.send(a_text())).sent
        await sender.aclose()
        assert not client.is_closed


# --- the JSON gateway's own rules -----------------------------------------------------------


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
    assert outcome.repeat_reaches_no_one  # the gateway drops a repeated key
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


@pytest.mark.parametrize("number", ["88112233", "+0123456789", "+976 8811 2233", "+1234"])
async def test_an_invalid_number_fails_for_good(
    gateway: tuple[FakeSmsGateway, str], sender: HttpSmsSender, number: str
) -> None:
    outcome = await sender.send(a_text(to=number))

    assert not outcome.sent and outcome.permanent
    assert outcome.error is not None and "422" in outcome.error
    assert TEXT not in outcome.error and API_KEY not in outcome.error
    assert gateway[0].sent == []


# --- the log sender -------------------------------------------------------------------------


async def test_the_log_sender_logs_a_masked_number(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="inkslot.notifications")

    outcome = await LogSmsSender().send(a_text())

    assert outcome.sent and outcome.repeat_reaches_no_one  # a log line: nobody is texted
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
