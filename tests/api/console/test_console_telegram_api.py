"""Telegram at the console over HTTP, against the fake Bot API: the settings' section links a
chat with the bot (a deep link and its QR code), shows it and unlinks it; the sign-in page
offers Telegram's Login Widget only when a bot is configured (its frame allowed on that page
only), and the widget's proof signs an artist in through the API's use case: a forged, a
reused or an unasked-for proof signs nobody in, and a customer's Telegram is told the
console is not theirs."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from booking_domain.telegram import derived_secret
from tests.api.accounts.mail import verified
from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api, ApiFactory
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in
from tests.support.fake_telegram import CHAT, ServedFake, fake_telegram, telegram_settings
from tests.support.telegram import OTHER_BOT_TOKEN, TEST_BOT_TOKEN, widget_data

pytestmark = pytest.mark.anyio
TELEGRAM = "/console/settings/telegram"
SIGN_IN = "/console/sign-in"
CALLBACK = "/console/sign-in/telegram"
SECRET = {"X-Telegram-Bot-Api-Secret-Token": derived_secret(TEST_BOT_TOKEN)}


@pytest.fixture
def fake() -> Iterator[ServedFake]:
    with fake_telegram() as served:
        yield served


@pytest.fixture
async def api(make_api: ApiFactory, fake: ServedFake) -> Api:
    return await make_api(**telegram_settings(fake))


async def _bot_told(api: Api, update: dict[str, Any]) -> None:
    """Telegram posts the update; the worker's job handles it."""
    answer = await api.client.post(
        "/api/v1/telegram/webhook", content=json.dumps(update), headers=SECRET
    )
    assert answer.status_code == 204, answer.text
    assert await api.bundles.telegram.handle_update(update["update_id"]) is None


async def test_a_chat_is_linked_by_the_deep_link_shown_then_unlinked(
    api: Api, fake: ServedFake
) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(TELEGRAM)
        assert "No chat is linked." in page.text
        token = form_token(page)
        offered = await client.post(f"{TELEGRAM}/link", data={"form_token": token})
        assert offered.status_code == 200
        found = offered.text.split('href="https://t.me/', 1)[1].split('"', 1)[0]
        command = "/start " + found.split("?start=", 1)[1]
        assert (
            'src="data:image/svg+xml' in offered.text and f"<code>{command}</code>" in offered.text
        )
        await _bot_told(api, fake.state.user_message(CHAT, command))
        linked = await client.get(TELEGRAM)
        assert "Linked chat" in linked.text and "Unlink this chat" in linked.text
        no_token = await client.post(f"{TELEGRAM}/unlink", data={})
        assert no_token.status_code == 403
        still = await api.client.get(
            "/api/v1/me/telegram/chat", headers=desk.auth(desk.artist.session)
        )
        assert still.status_code == 200
        client.follow_redirects = False
        gone = await client.post(f"{TELEGRAM}/unlink", data={"form_token": token})
        again = await client.post(f"{TELEGRAM}/unlink", data={"form_token": token})
    assert (gone.status_code, again.status_code) == (303, 404)
    chat = await api.client.get("/api/v1/me/telegram/chat", headers=desk.auth(desk.artist.session))
    assert chat.status_code == 404


async def test_without_a_bot_the_section_says_so_and_sign_in_offers_no_widget(
    make_api: ApiFactory,
) -> None:
    api = await make_api()
    desk = await open_desk(api)
    async with browser(api) as signed_out:
        door = await signed_out.get(SIGN_IN)
    assert "telegram-widget.js" not in door.text
    assert "frame-src" not in door.headers["content-security-policy"]
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(TELEGRAM)
        token = form_token(page)
        link = await client.post(f"{TELEGRAM}/link", data={"form_token": token})
    assert "Telegram is not available on this server." in page.text
    assert link.status_code == 404


async def _linked_to_telegram(
    api: Api, tmp_path: Path, session: dict[str, Any], telegram_id: int
) -> None:
    """The artist (their address verified) links their Telegram account for signing in (the
    app: ``/me/telegram``)."""
    await verified(api, tmp_path, email_of(session))
    body = widget_data(api.clock.now(), telegram_id, "Saraa")
    answer = await api.client.post("/api/v1/me/telegram", json=body, headers=api.bearer(session))
    assert answer.status_code == 200, answer.text
    api.clock.advance(timedelta(seconds=1))  # a proof of its own to sign in with


async def _door(client: httpx.AsyncClient) -> str:
    """The sign-in page opened in this browser: the state its widget sends back with."""
    page = await client.get(f"{SIGN_IN}?next=/console/settings")
    assert page.status_code == 200
    found = re.search(
        rf'data-auth-url="http://testserver.local{CALLBACK}\?state=([0-9a-f]+)"', page.text
    )
    assert found is not None, page.text[:2000]
    return found.group(1)


async def test_the_widgets_proof_signs_the_artist_in_once(api: Api, tmp_path: Path) -> None:
    desk = await open_desk(api)
    await _linked_to_telegram(api, tmp_path, desk.artist.session, 777001)
    async with browser(api) as client:
        door = await client.get(f"{SIGN_IN}?next=/console/settings")
        assert 'data-telegram-login="InkslotTestBot"' in door.text
        assert "https://telegram.org/js/telegram-widget.js" in door.text
        assert "frame-src https://oauth.telegram.org" in door.headers["content-security-policy"]
        assert "settings" not in door.text.split('data-auth-url="')[1].split('"')[0]
        state = await _door(client)  # where to go stays here: Telegram never sees it
        proof = widget_data(api.clock.now(), 777001, "Saraa")
        client.follow_redirects = False
        signed = await client.get(f"{CALLBACK}?{urlencode({**proof, 'state': state})}")
        assert signed.status_code == 303, signed.text[-1500:]
        assert signed.headers["location"] == "/console/settings"
        settings = await client.get("/console/settings")
        assert settings.status_code == 200 and "Settings" in settings.text
    async with browser(api) as replay:
        again = await _door(replay)
        reused = await replay.get(f"{CALLBACK}?{urlencode({**proof, 'state': again})}")
        assert reused.status_code == 401 and "inkslot_console=" not in reused.headers.get(
            "set-cookie", ""
        )


@pytest.mark.parametrize(
    "forged",
    [
        {"first_name": "Someone else"},  # changed after signing
        {"hash": "0" * 64},
        {"token": OTHER_BOT_TOKEN},  # signed for another bot
        {"id": "777001\x00"},
    ],
)
async def test_a_forged_proof_signs_nobody_in(
    api: Api, tmp_path: Path, forged: dict[str, str]
) -> None:
    desk = await open_desk(api)
    await _linked_to_telegram(api, tmp_path, desk.artist.session, 777001)
    token = forged.get("token", TEST_BOT_TOKEN)
    proof = {**widget_data(api.clock.now(), 777001, "Saraa", token=token)}
    proof.update({k: v for k, v in forged.items() if k != "token"})
    async with browser(api) as client:
        state = await _door(client)
        client.follow_redirects = False
        answer = await client.get(f"{CALLBACK}?{urlencode({**proof, 'state': state})}")
        after = await client.get("/console")
    assert answer.status_code == 401, answer.text[:300]
    assert "inkslot_console=" not in answer.headers.get("set-cookie", "")
    assert after.status_code == 303 and after.headers["location"].startswith(SIGN_IN)


async def test_a_proof_nobody_asked_for_here_or_a_customers_is_refused(
    api: Api, tmp_path: Path
) -> None:
    desk = await open_desk(api)
    await _linked_to_telegram(api, tmp_path, desk.artist.session, 777001)
    proof = widget_data(api.clock.now(), 777001, "Saraa")
    async with browser(api) as drive_by:  # a link someone sent: the sign-in page never opened
        unasked = await drive_by.get(f"{CALLBACK}?{urlencode(proof)}")
    assert unasked.status_code == 403
    async with browser(api) as planted:  # sent to the sign-in page first, then the proof:
        await _door(planted)  # the cookie is there, but the sender cannot know its state
        for guess in ({}, {"state": "0" * 32}, {"state": "é" * 32}, {"state": "x" * 64}):
            login_csrf = await planted.get(f"{CALLBACK}?{urlencode({**proof, **guess})}")
            assert login_csrf.status_code == 403, guess
        assert "inkslot_console=" not in login_csrf.headers.get("set-cookie", "")
    async with browser(api) as client:
        state = await _door(client)
        stranger = widget_data(api.clock.now(), 888002, "Customer")
        customer = await client.get(f"{CALLBACK}?{urlencode({**stranger, 'state': state})}")
        odd = await client.get(f"{CALLBACK}?{'&'.join(f'f{i}=x' for i in range(40))}")
    assert customer.status_code == 403 and "The console is for artists" in customer.text
    assert odd.status_code == 401
