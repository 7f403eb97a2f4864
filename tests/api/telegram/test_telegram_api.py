"""The Telegram bot over HTTP on real PostgreSQL, against the fake Bot API: a chat linked by
the deep link's token, a booking told on Telegram with buttons, the buttons acting as the
API does (the customer cancels by the policy, the artist confirms a request), the webhook's
refusals (another secret, no JSON, Telegram off) changing nothing, and the chat's settings."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from httpx import Response

from adapters.postgres.database import psycopg_url
from booking_domain.telegram import derived_secret
from tests.api.booking_helpers import open_desk
from tests.api.conftest import PASSWORD, Api, ApiFactory
from tests.api.notifications.delivery import deliver
from tests.support.fake_telegram import (
    CHAT,
    OTHER_CHAT,
    ServedFake,
    fake_telegram,
    telegram_settings,
)
from tests.support.telegram import TEST_BOT_TOKEN

pytestmark = pytest.mark.anyio
WEBHOOK = "/api/v1/telegram/webhook"
SECRET = {"X-Telegram-Bot-Api-Secret-Token": derived_secret(TEST_BOT_TOKEN)}
APP = "https://app.inkslot.test"
QUEUED = (
    "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'inkslot:handle_telegram_update'"
)


@pytest.fixture
def fake() -> Iterator[ServedFake]:
    with fake_telegram() as served:
        yield served


@pytest.fixture
async def api(make_api: ApiFactory, fake: ServedFake) -> Api:
    return await make_api(app_url=APP, **telegram_settings(fake))


async def webhook(api: Api, update: dict[str, Any], headers: dict[str, str] = SECRET) -> Response:
    return await api.client.post(WEBHOOK, content=json.dumps(update), headers=headers)


async def told(api: Api, update: dict[str, Any]) -> None:
    """Telegram posts the update; the worker's job handles it."""
    response = await webhook(api, update)
    assert response.status_code == 204, response.text
    assert await api.bundles.telegram.handle_update(update["update_id"]) is None


async def link(api: Api, fake: ServedFake, session: dict[str, Any], chat: int = CHAT) -> None:
    offer = await api.client.post("/api/v1/me/telegram/chat-link", headers=api.bearer(session))
    assert offer.status_code == 201, offer.text
    await told(api, fake.state.user_message(chat, offer.json()["command"]))


async def jobs(api: Api) -> int:
    async with await psycopg.AsyncConnection.connect(psycopg_url(api.database_url)) as conn:
        cursor = await conn.execute(QUEUED)
        row = await cursor.fetchone()
    assert row is not None
    return int(row[0])


async def test_a_chat_links_by_the_deep_link_and_telegrams_repeat_is_harmless(
    api: Api, fake: ServedFake
) -> None:
    session = await api.register()
    offer = await api.client.post("/api/v1/me/telegram/chat-link", headers=api.bearer(session))
    body = offer.json()
    assert body["url"] == f"https://t.me/InkslotTestBot?start={body['token']}"
    assert body["command"] == f"/start {body['token']}" and body["expiresAt"].endswith("Z")
    update = fake.state.user_message(CHAT, body["command"])
    assert (await webhook(api, update, {})).status_code == 403  # no secret: nothing kept
    another = {"X-Telegram-Bot-Api-Secret-Token": "x" * 64}
    assert (await webhook(api, update, another)).status_code == 403
    assert await jobs(api) == 0
    for _ in range(2):  # Telegram sends it again when it missed the answer
        assert (await webhook(api, update)).status_code == 204
    assert await jobs(api) == 1
    assert await api.bundles.telegram.handle_update(update["update_id"]) is None
    assert await api.bundles.telegram.handle_update(update["update_id"]) is None  # the job again
    assert ["linked" in m["text"] for m in fake.sent()] == [True]
    chat = await api.client.get("/api/v1/me/telegram/chat", headers=api.bearer(session))
    assert (chat.status_code, chat.json()["active"]) == (200, True)


async def test_a_booking_is_told_with_buttons_and_cancelled_by_them_as_the_api_would(
    api: Api, fake: ServedFake
) -> None:
    desk = await open_desk(api)
    await link(api, fake, desk.customer)
    booking = await desk.booked()
    await deliver(api)
    confirmed = fake.last()
    assert "is confirmed" in confirmed["text"] and "Small tattoo" in confirmed["text"]
    assert fake.labels(confirmed) == ["Cancel", "Reschedule", "Open the booking"]
    await told(api, fake.state.press(CHAT, label="Cancel"))
    assert fake.labels(fake.message(confirmed["messageId"])) == ["Yes, cancel it", "No, keep it"]
    await told(api, fake.state.press(CHAT, label="Yes, cancel it"))
    after = await desk.get(f"/{booking}", desk.customer)
    assert after.json()["status"] == "cancelled"
    events = await desk.get(f"/{booking}/events", desk.customer)
    last = events.json()["items"][-1]
    assert (last["to"], last["actorId"]) == ("cancelled", desk.customer["user"]["id"])
    await deliver(api)
    inbox = await api.client.get("/api/v1/me/notifications", headers=desk.auth(desk.artist.session))
    assert any("is cancelled" in item["title"] for item in inbox.json()["items"])  # the artist told
    assert "You cancelled" in fake.last()["text"]


async def test_the_artist_confirms_a_request_from_telegram(api: Api, fake: ServedFake) -> None:
    desk = await open_desk(api, service={"requiresApproval": True})
    await link(api, fake, desk.artist.session, chat=OTHER_CHAT)
    booking = await desk.booked()
    await deliver(api)
    asked = next(m for m in fake.sent(OTHER_CHAT) if "New booking request" in m["text"])
    assert fake.labels(asked) == ["Confirm", "Decline", "Open the booking"]
    await told(api, fake.state.press(OTHER_CHAT, label="Confirm"))
    assert (await desk.get(f"/{booking}", desk.customer)).json()["status"] == "confirmed"
    assert fake.answers()[-1].endswith("is confirmed.")
    assert fake.labels(fake.message(asked["messageId"], OTHER_CHAT)) == ["Open the booking"]


async def test_the_webhook_refuses_what_is_no_update_and_ignores_what_it_does_not_read(
    api: Api, fake: ServedFake
) -> None:
    for body in (b"not json", b"[]", b'"text"'):
        refused = await api.client.post(WEBHOOK, content=body, headers=SECRET)
        assert (refused.status_code, refused.json()["code"]) == (422, "invalid_telegram_update")
    edited = {"update_id": 77, "edited_message": {"message_id": 1, "chat": {"id": CHAT}}}
    in_a_group = fake.state.user_message(-100500, "/next")
    in_a_group["message"]["chat"]["type"] = "group"
    for update in (edited, in_a_group, {"update_id": 78}):
        assert (await webhook(api, update)).status_code == 204
    assert await jobs(api) == 0
    # Without the secret the body is not even read: more than the API reads of any body
    # is refused for the secret (403), not for its size (413).
    huge = b"{" + b" " * 10_000_000 + b"}"
    refused = await api.client.post(WEBHOOK, content=huge)
    assert (refused.status_code, refused.json()["code"]) == (403, "telegram_webhook_refused")
    # What no storage keeps (a NUL, a lone surrogate JSON can carry) is dropped from the
    # text, never a reason to refuse the update (Telegram would send it again and again).
    nul = fake.state.user_message(CHAT, "/help\x00 me", username="a\x00b")
    assert (await webhook(api, nul)).status_code == 204
    lone = json.dumps(fake.state.user_message(CHAT, "hi")).replace('"hi"', '"hi \\ud800"')
    assert (await api.client.post(WEBHOOK, content=lone, headers=SECRET)).status_code == 204
    assert await jobs(api) == 2


async def test_the_chat_can_be_seen_switched_off_by_choice_and_unlinked(
    api: Api, fake: ServedFake
) -> None:
    desk = await open_desk(api)
    me = desk.auth(desk.customer)
    assert (await api.client.get("/api/v1/me/telegram/chat", headers=me)).status_code == 404
    await link(api, fake, desk.customer)
    choices = await api.client.patch(
        "/api/v1/me/notification-preferences", json={"telegram": False}, headers=me
    )
    assert choices.json() == {"email": True, "sms": True, "inApp": True, "telegram": False}
    await desk.booked()
    await deliver(api)
    assert [m["text"][:6] for m in fake.sent()] == ["Hello,"]  # nothing but the link's reply
    gone = await api.client.delete("/api/v1/me/telegram/chat", headers=me)
    assert gone.status_code == 204
    assert (await api.client.delete("/api/v1/me/telegram/chat", headers=me)).status_code == 404


async def test_without_a_bot_token_telegram_is_off(make_api: ApiFactory) -> None:
    api = await make_api()
    session = await api.register()
    chat = "/api/v1/me/telegram/chat"
    headers = {**api.bearer(session), **SECRET}
    for method, path in (
        ("POST", WEBHOOK), ("POST", chat + "-link"), ("GET", chat), ("DELETE", chat),
    ):  # fmt: skip
        response = await api.client.request(method, path, headers=headers)
        assert (response.status_code, response.json()["code"]) == (404, "telegram_off"), path


async def test_the_export_holds_the_chat_and_deleting_the_account_unlinks_it(
    api: Api, fake: ServedFake
) -> None:
    session = await api.register()
    me = api.bearer(session)
    await link(api, fake, session)
    exported = await api.client.get("/api/v1/me/export", headers=me)
    with zipfile.ZipFile(io.BytesIO(exported.content)) as archive:
        chat = json.loads(archive.read("telegram-chat.json"))
    assert [(c["chatId"], c["blockedAt"]) for c in chat] == [(CHAT, None)]
    body = {"password": PASSWORD}
    gone = await api.client.request("DELETE", "/api/v1/me", json=body, headers=me)
    assert gone.status_code == 204, gone.text
    await told(api, fake.state.user_message(CHAT, "/bookings"))  # the chat is no one's now
    assert "ask Inkslot for a Telegram link" in fake.last()["text"]
