"""The Telegram bot's settings: its username, the Bot API's address, the webhook's secret
(checked, never shown), and the webhook secret every process derives alike."""

from __future__ import annotations

import pytest

from booking_domain.telegram import derived_secret
from entrypoints.container import InMemoryAdapters, build_container
from entrypoints.from_settings import telegram_webhook_secret
from entrypoints.settings import SettingsError, load_settings
from tests.support.builders import TEST_JWT_SECRET, cheap_settings
from tests.support.telegram import TEST_BOT_TOKEN


def test_the_bots_settings_are_read_with_their_defaults() -> None:
    plain = load_settings({})
    assert plain.telegram_api_url == "https://api.telegram.org"
    assert plain.telegram_bot_username is None and telegram_webhook_secret(plain) is None
    settings = load_settings({
        "INKSLOT_TELEGRAM_BOT_TOKEN": TEST_BOT_TOKEN,
        "INKSLOT_TELEGRAM_BOT_USERNAME": "@InkslotBot",
        "INKSLOT_TELEGRAM_API_URL": "http://127.0.0.1:8081/",
    })  # fmt: skip
    assert settings.telegram_bot_username == "InkslotBot"
    assert settings.telegram_api_url == "http://127.0.0.1:8081"
    assert telegram_webhook_secret(settings) == derived_secret(TEST_BOT_TOKEN)


def test_a_configured_webhook_secret_is_checked_used_and_never_shown() -> None:
    secret = "a-webhook-secret-of-ours_0123"
    settings = load_settings(
        {"INKSLOT_TELEGRAM_BOT_TOKEN": TEST_BOT_TOKEN, "INKSLOT_TELEGRAM_WEBHOOK_SECRET": secret}
    )
    assert telegram_webhook_secret(settings) == secret
    assert secret not in repr(settings)
    config = cheap_settings(telegram_bot_token=TEST_BOT_TOKEN, telegram_webhook_secret=secret)
    adapters = InMemoryAdapters(settings=config, jwt_secret=TEST_JWT_SECRET)
    core = build_container(config, jwt_secret=TEST_JWT_SECRET, adapters=adapters)
    bot = core.contexts["telegram"].deps()
    assert bot.webhook_secret == secret and secret not in repr(bot)
    for bad in ("short", "has spaces in it here", "x" * 257, "semi;colon-secret-value"):
        with pytest.raises(SettingsError, match="INKSLOT_TELEGRAM_WEBHOOK_SECRET") as caught:
            load_settings({"INKSLOT_TELEGRAM_WEBHOOK_SECRET": bad})
        assert bad not in str(caught.value)


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("TELEGRAM_BOT_USERNAME", "no"),
        ("TELEGRAM_BOT_USERNAME", "has space"),
        ("TELEGRAM_API_URL", "ftp://api.telegram.org"),
        ("TELEGRAM_API_URL", "https://api.telegram.org/?x=1"),
    ],
)
def test_a_bad_username_or_address_stops_start_up(name: str, bad: str) -> None:
    with pytest.raises(SettingsError, match="INKSLOT_" + name):
        load_settings({"INKSLOT_" + name: bad})
