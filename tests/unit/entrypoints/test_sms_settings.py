"""Choosing the SMS provider from the environment: the log, the JSON gateway or Twilio,
each with its settings checked; Twilio's secrets never in a repr or an error."""

from __future__ import annotations

import pytest

from adapters.notifications.sms_http import HttpSmsSender
from adapters.notifications.sms_log import LogSmsSender
from adapters.notifications.sms_twilio import TwilioSmsSender
from adapters.notifications.twilio_reports import TwilioDeliveryReports
from adapters.system.clock import SystemClock
from entrypoints.container.notifications import channels_for
from entrypoints.http.notifications.sms_status import SmsStatusController
from entrypoints.settings import TWILIO_STATUS_PATH, SettingsError, load_settings

TOKEN = "tw-auth-token-3c9d1e"
KEY_SECRET = "tw-key-secret-77b0"
TWILIO = {
    "INKSLOT_TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
    "INKSLOT_TWILIO_AUTH_TOKEN": TOKEN,
    "INKSLOT_TWILIO_FROM": "+15005550006",
}


def test_texts_go_to_the_log_unless_a_provider_is_set() -> None:
    assert load_settings({}).sms == "log"
    gateway = {"INKSLOT_SMS_GATEWAY_URL": "https://sms.example/v1", "INKSLOT_SMS_GATEWAY_KEY": "k"}
    assert load_settings(gateway).sms == "gateway"
    assert load_settings({**gateway, "INKSLOT_SMS_PROVIDER": "log"}).sms == "log"


def test_twilio_is_chosen_by_its_account_or_by_name() -> None:
    assert load_settings(TWILIO).sms == "twilio"
    assert load_settings({**TWILIO, "INKSLOT_SMS_PROVIDER": "Twilio"}).sms == "twilio"


@pytest.mark.parametrize(
    ("env", "problem"),
    [
        ({"INKSLOT_SMS_PROVIDER": "twilio"}, "needs INKSLOT_TWILIO_ACCOUNT_SID"),
        ({**TWILIO, "INKSLOT_TWILIO_AUTH_TOKEN": ""}, "needs INKSLOT_TWILIO_AUTH_TOKEN"),
        ({**TWILIO, "INKSLOT_TWILIO_FROM": ""}, "one of INKSLOT_TWILIO_FROM"),
        (
            {**TWILIO, "INKSLOT_TWILIO_MESSAGING_SERVICE_SID": "MG" + "a" * 32},
            "one of INKSLOT_TWILIO_FROM",
        ),
        ({**TWILIO, "INKSLOT_TWILIO_API_KEY_SID": "SK" + "1" * 32}, "go together"),
        ({**TWILIO, "INKSLOT_TWILIO_API_KEY_SECRET": KEY_SECRET}, "go together"),
        ({"INKSLOT_SMS_PROVIDER": "gateway"}, "needs INKSLOT_SMS_GATEWAY_URL"),
        ({"INKSLOT_SMS_PROVIDER": "pigeon"}, "expected log, gateway or twilio"),
        ({**TWILIO, "INKSLOT_TWILIO_BASE_URL": "ftp://x"}, "INKSLOT_TWILIO_BASE_URL"),
    ],
)
def test_twilio_settings_are_checked_and_the_secrets_never_shown(
    env: dict[str, str], problem: str
) -> None:
    with pytest.raises(SettingsError, match=problem) as caught:
        load_settings(env)
    assert TOKEN not in str(caught.value) and KEY_SECRET not in str(caught.value)


def test_the_secrets_stay_out_of_the_settings_repr() -> None:
    settings = load_settings(
        {
            **TWILIO,
            "INKSLOT_TWILIO_API_KEY_SID": "SK" + "1" * 32,
            "INKSLOT_TWILIO_API_KEY_SECRET": KEY_SECRET,
        }
    )
    assert settings.twilio_auth_token == TOKEN and settings.twilio_api_key_secret == KEY_SECRET
    assert TOKEN not in repr(settings) and KEY_SECRET not in repr(settings)


def test_the_status_callback_is_the_public_urls_and_the_routes() -> None:
    assert load_settings(TWILIO).twilio_status_callback_url is None
    settings = load_settings({**TWILIO, "INKSLOT_PUBLIC_URL": "https://api.inkslot.mn/"})
    assert settings.twilio_status_callback_url == "https://api.inkslot.mn/api/v1/sms/twilio/status"
    assert "/api/v1" + SmsStatusController.path == TWILIO_STATUS_PATH


def test_the_container_wires_the_chosen_provider() -> None:
    clock = SystemClock()
    assert isinstance(channels_for(load_settings({}), clock).sms, LogSmsSender)
    gateway = {"INKSLOT_SMS_GATEWAY_URL": "https://sms.example/v1", "INKSLOT_SMS_GATEWAY_KEY": "k"}
    assert isinstance(channels_for(load_settings(gateway), clock).sms, HttpSmsSender)
    without_callbacks = channels_for(load_settings(TWILIO), clock)
    assert isinstance(without_callbacks.sms, TwilioSmsSender)
    assert without_callbacks.sms_reports is None
    public = {**TWILIO, "INKSLOT_PUBLIC_URL": "https://api.inkslot.mn"}
    channels = channels_for(load_settings(public), clock)
    assert isinstance(channels.sms_reports, TwilioDeliveryReports)
    assert TOKEN not in repr(channels)
