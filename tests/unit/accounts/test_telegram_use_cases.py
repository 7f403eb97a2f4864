"""Telegram sign-in and linking use cases, on the in-memory adapters with a manual clock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from adapters.system.clock import ManualClock
from booking_domain.accounts import Role
from booking_domain.accounts.telegram import (
    InvalidTelegramLoginError,
    TelegramAlreadyLinkedError,
    TelegramLoginReusedError,
    TelegramOffError,
)
from tests.support.bootstrap import App, build_app
from tests.support.builders import START
from tests.support.telegram import TEST_BOT_TOKEN, widget_data

pytestmark = pytest.mark.anyio


@pytest.fixture
def app() -> App:
    return build_app(clock=ManualClock(START), telegram_bot_token=TEST_BOT_TOKEN)


def received(data: dict[str, Any]) -> dict[str, str]:
    return {k: str(v) for k, v in data.items()}


async def test_spent_payloads_are_purged_once_too_old_and_stay_refused(app: App) -> None:
    data = received(widget_data(START, 8, "Bat"))
    signed = await app.accounts.sign_in_with_telegram(fields=data, address="198.51.100.7")
    assert signed.user.role is Role.CUSTOMER and signed.user.password_hash is None
    with pytest.raises(TelegramLoginReusedError):
        await app.accounts.sign_in_with_telegram(fields=data)
    assert await app.accounts.purge_spent_telegram_logins() == 0
    app.clock.advance(timedelta(days=1))
    assert await app.accounts.purge_spent_telegram_logins() == 0  # still in time: kept
    with pytest.raises(TelegramLoginReusedError):
        await app.accounts.sign_in_with_telegram(fields=data)
    app.clock.advance(timedelta(seconds=1))
    assert await app.accounts.purge_spent_telegram_logins() == 1
    with pytest.raises(InvalidTelegramLoginError):  # forgotten, and too old anyway
        await app.accounts.sign_in_with_telegram(fields=data)


async def test_linking_another_telegram_account_replaces_the_link(app: App) -> None:
    ada = (await app.accounts.sign_in_with_telegram(fields=received(widget_data(START, 1)))).user
    link = await app.accounts.link_telegram(
        ada.actor, fields=received(widget_data(START, 2, username="second"))
    )
    assert (link.telegram_id, link.user_id, link.username) == (2, ada.id, "second")
    bob = (await app.accounts.sign_in_with_telegram(fields=received(widget_data(START, 3)))).user
    with pytest.raises(TelegramAlreadyLinkedError):
        await app.accounts.link_telegram(bob.actor, fields=received(widget_data(START, 2, "B")))
    # Telegram account 1 is free again: it makes a new account
    again = await app.accounts.sign_in_with_telegram(fields=received(widget_data(START, 1, "A")))
    assert again.user.id not in (ada.id, bob.id)


async def test_without_a_bot_every_telegram_use_case_is_off() -> None:
    app = build_app(clock=ManualClock(START))
    user = (
        await app.accounts.register_user(
            email="ada@example.com",
            password="violet-needle-harbour",
            name="Ada",
            role=Role.CUSTOMER,
        )
    ).user
    fields = received(widget_data(START))
    with pytest.raises(TelegramOffError):
        await app.accounts.sign_in_with_telegram(fields=fields)
    with pytest.raises(TelegramOffError):
        await app.accounts.sign_in_with_telegram_web_app(init_data="auth_date=1&hash=0")
    with pytest.raises(TelegramOffError):
        await app.accounts.link_telegram(user.actor, fields=fields)
    with pytest.raises(TelegramOffError):
        await app.accounts.unlink_telegram(user.actor)
