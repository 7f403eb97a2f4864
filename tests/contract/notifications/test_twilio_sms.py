"""Twilio's own rules, beyond the ``SmsSender`` contract (``test_sms_senders``): its wire
format against the fake Messages API, and the signed delivery reports it posts back,
checked against Twilio's own library (``twilio.request_validator``)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator

import pytest
from twilio.request_validator import RequestValidator  # type: ignore[import-untyped]

from adapters.notifications.sms_twilio import TWILIO_API, TwilioSmsSender
from adapters.notifications.twilio_reports import TwilioDeliveryReports, twilio_signature
from booking_domain.notifications import (
    DeliveryReport,
    DeliveryStatus,
    InvalidDeliveryReportError,
    SmsMessage,
    UnsignedDeliveryReportError,
)
from tests.support.fake_twilio import (
    ACCOUNT_SID,
    API_KEY_SECRET,
    API_KEY_SID,
    AUTH_TOKEN,
    FakeTwilio,
    serving,
    sign,
    signed_callback,
)

pytestmark = pytest.mark.anyio
TEXT = "Your booking is confirmed: 2 March, 14:00"
CALLBACK = "https://api.inkslot.example/api/v1/sms/twilio/status"
SERVICE = "MG" + "ab" * 16
SID = "SM" + "0f" * 16


def a_text(key: str = "notification-1", to: str = "+97688112233") -> SmsMessage:
    return SmsMessage(key=key, to=to, text=TEXT)


@pytest.fixture
def twilio() -> Iterator[tuple[FakeTwilio, str]]:
    fake = FakeTwilio()
    with serving(fake) as base_url:
        yield fake, base_url


@pytest.fixture
async def sender(twilio: tuple[FakeTwilio, str]) -> AsyncIterator[TwilioSmsSender]:
    sms = TwilioSmsSender(
        ACCOUNT_SID, AUTH_TOKEN, sender="+15005550006", status_callback=CALLBACK,
        base_url=twilio[1], timeout=5.0,
    )  # fmt: skip
    yield sms
    await sms.aclose()


async def test_the_form_carries_to_from_body_and_the_callback_and_never_the_key(
    twilio: tuple[FakeTwilio, str], sender: TwilioSmsSender
) -> None:
    outcome = await sender.send(a_text())

    [sms] = twilio[0].sent
    assert outcome.sent and outcome.reference == sms.sid
    assert not outcome.repeat_reaches_no_one  # Twilio takes no idempotency key
    assert sms.sid.startswith("SM") and len(sms.sid) == 34
    assert sms.form == {
        "To": "+97688112233", "From": "+15005550006", "Body": TEXT, "StatusCallback": CALLBACK,
    }  # fmt: skip
    assert "notification-1" not in str(sms.form)


async def test_without_a_callback_url_none_is_asked_for(twilio: tuple[FakeTwilio, str]) -> None:
    sender = TwilioSmsSender(ACCOUNT_SID, AUTH_TOKEN, sender="Inkslot", base_url=twilio[1])

    assert (await sender.send(a_text())).sent
    await sender.aclose()

    assert "StatusCallback" not in twilio[0].sent[0].form
    assert twilio[0].sent[0].from_ == "Inkslot"


async def test_a_messaging_service_sends_instead_of_a_number(
    twilio: tuple[FakeTwilio, str],
) -> None:
    sender = TwilioSmsSender(
        ACCOUNT_SID, AUTH_TOKEN, messaging_service_sid=SERVICE, base_url=twilio[1]
    )

    assert (await sender.send(a_text())).sent
    await sender.aclose()

    [sms] = twilio[0].sent
    assert (sms.messaging_service_sid, sms.from_) == (SERVICE, None)


def test_a_sender_is_a_number_or_a_messaging_service_exactly() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        TwilioSmsSender(ACCOUNT_SID, AUTH_TOKEN)
    with pytest.raises(ValueError, match="exactly one"):
        TwilioSmsSender(ACCOUNT_SID, AUTH_TOKEN, sender="+1500", messaging_service_sid=SERVICE)


async def test_an_api_key_authenticates_in_place_of_the_auth_token(
    twilio: tuple[FakeTwilio, str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    good = TwilioSmsSender(
        ACCOUNT_SID, API_KEY_SECRET, key_sid=API_KEY_SID, sender="Inkslot", base_url=twilio[1]
    )
    wrong = TwilioSmsSender(
        ACCOUNT_SID, AUTH_TOKEN, key_sid=API_KEY_SID, sender="Inkslot", base_url=twilio[1]
    )

    assert (await good.send(a_text())).sent
    refused = await wrong.send(a_text())
    await good.aclose()
    await wrong.aclose()

    assert not refused.sent and not refused.permanent
    assert len(twilio[0].sent) == 1
    for secret in (API_KEY_SECRET, AUTH_TOKEN):
        assert secret not in caplog.text and secret not in repr(good) + repr(wrong)
    assert TEXT not in caplog.text


@pytest.mark.parametrize(("refusal", "code"), [("unsubscribed", "21610"), ("landlines", "21614")])
async def test_unsubscribed_and_landline_numbers_fail_for_good_with_twilios_code(
    twilio: tuple[FakeTwilio, str], sender: TwilioSmsSender, refusal: str, code: str
) -> None:
    getattr(twilio[0], refusal).add("+97688112233")

    outcome = await sender.send(a_text())

    assert not outcome.sent and outcome.permanent
    assert outcome.error == f"Twilio answered 400 {code}"


async def test_an_invalid_number_is_twilios_21211_and_the_number_is_not_quoted(
    sender: TwilioSmsSender,
) -> None:
    outcome = await sender.send(a_text(to="88112233"))

    assert outcome.permanent and outcome.error == "Twilio answered 400 21211"


async def test_another_accounts_path_is_transient(twilio: tuple[FakeTwilio, str]) -> None:
    twilio[0].account_sid, twilio[0].auth_token = "AC" + "1" * 32, AUTH_TOKEN
    twilio[0].api_keys = {ACCOUNT_SID: AUTH_TOKEN}  # the credentials pass, the path does not
    sender = TwilioSmsSender(ACCOUNT_SID, AUTH_TOKEN, sender="Inkslot", base_url=twilio[1])

    outcome = await sender.send(a_text())
    await sender.aclose()

    assert not outcome.sent and not outcome.permanent
    assert outcome.error == "Twilio answered 404 20404"


async def test_a_repeat_of_a_key_is_sent_again_twilio_has_no_idempotency_key(
    twilio: tuple[FakeTwilio, str], sender: TwilioSmsSender
) -> None:
    """Documented: the pipeline, not Twilio, sends each notification once."""
    first, again = await sender.send(a_text()), await sender.send(a_text())

    assert first.sent and again.sent and first.reference != again.reference
    assert len(twilio[0].sent) == 2


def test_the_default_base_url_is_twilios() -> None:
    assert TWILIO_API == "https://api.twilio.com"


# --- delivery reports -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "form",
    [
        signed_callback(CALLBACK, SID, "delivered")[0],
        signed_callback(CALLBACK, SID, "undelivered", error_code="30003")[0],
        {"MessageSid": SID, "MessageStatus": "sent", "Body": "ünïcode & = + %", "Empty": ""},
    ],
)
def test_the_signature_is_twilios_as_its_own_library_computes_it(form: dict[str, str]) -> None:
    validator = RequestValidator(AUTH_TOKEN)
    ours = twilio_signature(AUTH_TOKEN, CALLBACK, form)

    assert ours == validator.compute_signature(CALLBACK, form)
    assert validator.validate(CALLBACK, form, ours)
    assert ours == sign(CALLBACK, form)  # and as the test support makes it


@pytest.mark.parametrize(
    ("status", "error_code", "expected"),
    [
        ("queued", None, DeliveryReport(SID, DeliveryStatus.QUEUED)),
        ("accepted", None, DeliveryReport(SID, DeliveryStatus.QUEUED)),
        ("sending", None, DeliveryReport(SID, DeliveryStatus.QUEUED)),
        ("sent", None, DeliveryReport(SID, DeliveryStatus.SENT)),
        ("delivered", None, DeliveryReport(SID, DeliveryStatus.DELIVERED)),
        ("undelivered", "30003", DeliveryReport(SID, DeliveryStatus.UNDELIVERED, "30003")),
        ("failed", "30008", DeliveryReport(SID, DeliveryStatus.FAILED, "30008")),
        ("failed", "not a code", DeliveryReport(SID, DeliveryStatus.FAILED)),
        ("read", None, None),
        ("received", None, None),
    ],
)
def test_a_signed_report_is_read(
    status: str, error_code: str | None, expected: DeliveryReport | None
) -> None:
    form, signature = signed_callback(CALLBACK, SID, status, error_code=error_code)

    assert TwilioDeliveryReports(AUTH_TOKEN, CALLBACK).read(form, signature) == expected


def test_a_report_signed_otherwise_is_refused() -> None:
    reports = TwilioDeliveryReports(AUTH_TOKEN, CALLBACK)
    form, signature = signed_callback(CALLBACK, SID, "delivered")
    other_url = signed_callback(CALLBACK + "x", SID, "delivered")[1]
    other_token = signed_callback(CALLBACK, SID, "delivered", token="another-token")[1]

    for bad in ("", "not base64", other_url, other_token, signature.lower()):
        with pytest.raises(UnsignedDeliveryReportError):
            reports.read(form, bad)
    with pytest.raises(UnsignedDeliveryReportError):  # a field changed after signing
        reports.read({**form, "MessageStatus": "failed"}, signature)
    assert AUTH_TOKEN not in repr(reports)


@pytest.mark.parametrize(
    "change",
    [
        {"MessageSid": "SM123"},
        {"MessageSid": ""},
        {"MessageSid": SID.upper()},
        {"MessageStatus": ""},
    ],
)
def test_a_signed_but_malformed_report_is_invalid(change: dict[str, str]) -> None:
    form = {**signed_callback(CALLBACK, SID, "sent")[0], **change}

    with pytest.raises(InvalidDeliveryReportError):
        TwilioDeliveryReports(AUTH_TOKEN, CALLBACK).read(form, sign(CALLBACK, form))


def test_a_report_without_a_status_field_is_invalid() -> None:
    form = {"MessageSid": SID}

    with pytest.raises(InvalidDeliveryReportError):
        TwilioDeliveryReports(AUTH_TOKEN, CALLBACK).read(form, sign(CALLBACK, form))
