# ruff: noqa: RUF001 (Mongolian Cyrillic in names)
"""Telegram sign-in over HTTP on real PostgreSQL: the Login Widget and a Mini App sign up
and sign in, each payload once and within a day; linking and unlinking; Telegram off
without a bot token."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from httpx import Response

from tests.api.accounts.mail import verified
from tests.api.conftest import Api, ApiFactory
from tests.support.builders import START
from tests.support.telegram import OTHER_BOT_TOKEN, TEST_BOT_TOKEN, init_data, widget_data

pytestmark = pytest.mark.anyio

WIDGET = "/api/v1/auth/telegram"
WEB_APP = "/api/v1/auth/telegram/webapp"
MINE = "/api/v1/me/telegram"


@pytest.fixture
async def api(make_api: ApiFactory) -> Api:
    return await make_api(telegram_bot_token=TEST_BOT_TOKEN)


def refused(response: Response, status: int, code: str) -> bool:
    assert response.headers["content-type"].startswith("application/problem+json")
    assert TEST_BOT_TOKEN.split(":")[1] not in response.text
    return (response.status_code, response.json()["code"]) == (status, code)


async def test_widget_data_signs_up_then_signs_into_the_same_account(api: Api) -> None:
    first = await api.client.post(
        WIDGET, json=widget_data(START, 424242, "Bat", last_name="Erdene", username="bat_e")
    )
    assert first.status_code == 200, first.text
    user = first.json()["user"]
    assert (user["name"], user["role"], user["email"], user["locale"]) == (
        "Bat Erdene", "customer", None, "en",
    )  # fmt: skip
    me = await api.client.get("/api/v1/me", headers=api.bearer(first.json()))
    assert me.json()["id"] == user["id"]
    api.clock.advance(timedelta(hours=3))
    again = await api.client.post(WIDGET, json=widget_data(api.clock.now(), 424242, "Bat"))
    assert again.status_code == 200, again.text
    assert again.json()["user"]["id"] == user["id"]


async def test_a_payload_signs_in_once_and_within_a_day(api: Api) -> None:
    data = widget_data(START)
    assert (await api.client.post(WIDGET, json=data)).status_code == 200
    assert refused(await api.client.post(WIDGET, json=data), 401, "telegram_login_reused")
    stale = widget_data(START - timedelta(days=1, seconds=1), 5)
    assert refused(await api.client.post(WIDGET, json=stale), 401, "invalid_telegram_login")
    just_in_time = widget_data(START - timedelta(days=1), 6)
    assert (await api.client.post(WIDGET, json=just_in_time)).status_code == 200
    future = widget_data(START + timedelta(hours=1), 7)
    assert refused(await api.client.post(WIDGET, json=future), 401, "invalid_telegram_login")


async def test_tampered_or_foreign_data_is_refused(api: Api) -> None:
    data = widget_data(START, 1, "Bat")
    for bad in (
        {**data, "hash": "0" * 64},
        {**data, "first_name": "Batt"},
        {**data, "id": 2},
        {**data, "username": "added"},
        widget_data(START, 1, "Bat", token=OTHER_BOT_TOKEN),
    ):
        assert refused(await api.client.post(WIDGET, json=bad), 401, "invalid_telegram_login")
    web_app = await api.client.post(WEB_APP, json={"initData": init_data(START).replace("a", "b")})
    assert refused(web_app, 401, "invalid_telegram_login")


async def test_malformed_bodies_are_4xx_problems(api: Api) -> None:
    data = widget_data(START)
    for body, status in (
        ({k: v for k, v in data.items() if k != "hash"}, 422),
        ({**data, "id": "424242"}, 422),
        ({**data, "id": 0}, 422),
        ({**data, "photoUrl": "https://t.me/i/userpic/1.jpg"}, 422),
        ({**data, "last_name": None}, 422),
        ({}, 422),
        ({"initData": ""}, 422),
    ):
        response = await api.client.post(WIDGET, json=body)
        assert response.status_code == status, (body, response.text)
    for raw in ("", "&&&", "hash=", "user=%7B&hash=00&auth_date=1"):
        response = await api.client.post(WEB_APP, json={"initData": raw})
        assert response.status_code in (401, 422), (raw, response.text)
    broken = await api.client.post(
        WIDGET, content=b"{not json", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 400


async def test_a_mini_app_signs_up_in_mongolian_and_signs_in_once(api: Api) -> None:
    user = {"id": 99, "first_name": "Сараа", "language_code": "mn", "username": "saraa"}
    raw = init_data(START - timedelta(minutes=5), user)
    first = await api.client.post(WEB_APP, json={"initData": raw})
    assert first.status_code == 200, first.text
    assert (first.json()["user"]["name"], first.json()["user"]["locale"]) == ("Сараа", "mn")
    assert refused(
        await api.client.post(WEB_APP, json={"initData": raw}), 401, "telegram_login_reused"
    )
    # the widget of the same Telegram account signs into the same account
    widget = await api.client.post(WIDGET, json=widget_data(START, 99, "Сараа"))
    assert widget.json()["user"]["id"] == first.json()["user"]["id"]


async def test_link_then_sign_in_with_telegram_then_unlink(api: Api, tmp_path: Path) -> None:
    ada = await api.register()
    unverified = await api.client.post(
        MINE, json=widget_data(START, 777, "Ada", username="ada_t"), headers=api.bearer(ada)
    )
    assert refused(unverified, 409, "email_not_verified")  # the address first
    await verified(api, tmp_path, "ada@example.com")
    api.clock.advance(timedelta(seconds=1))
    linked = await api.client.post(
        MINE,
        json=widget_data(api.clock.now(), 777, "Ada", username="ada_t"),
        headers=api.bearer(ada),
    )
    assert linked.status_code == 200, linked.text
    assert (linked.json()["telegramId"], linked.json()["username"]) == (777, "ada_t")
    api.clock.advance(timedelta(minutes=1))
    signed = await api.client.post(WIDGET, json=widget_data(api.clock.now(), 777, "Ada"))
    assert signed.json()["user"]["id"] == ada["user"]["id"]
    # Ada has an email and a password: Telegram is not her only way in
    assert (await api.client.delete(MINE, headers=api.bearer(ada))).status_code == 204
    gone = await api.client.delete(MINE, headers=api.bearer(ada))
    assert refused(gone, 404, "telegram_not_linked")
    api.clock.advance(timedelta(minutes=1))
    fresh = await api.client.post(WIDGET, json=widget_data(api.clock.now(), 777, "Ada"))
    assert fresh.json()["user"]["id"] != ada["user"]["id"]  # a new account now


async def test_a_telegram_account_links_to_one_account(api: Api, tmp_path: Path) -> None:
    made = (await api.client.post(WIDGET, json=widget_data(START, 55, "Bat"))).json()
    ada = await api.register()
    await verified(api, tmp_path, "ada@example.com")
    api.clock.advance(timedelta(seconds=1))
    taken = await api.client.post(
        MINE, json=widget_data(api.clock.now(), 55, "Bat"), headers=api.bearer(ada)
    )
    assert refused(taken, 409, "telegram_taken")
    # relinking one's own Telegram account changes nothing; the payload is spent even so
    again = widget_data(api.clock.now(), 55, "Bat", username="x")
    same = await api.client.post(MINE, json=again, headers=api.bearer(made))
    assert (same.status_code, same.json()["telegramId"]) == (200, 55)
    reused = await api.client.post(MINE, json=again, headers=api.bearer(made))
    assert refused(reused, 401, "telegram_login_reused")


async def test_telegram_is_not_unlinked_while_it_is_the_only_way_in(api: Api) -> None:
    made = (await api.client.post(WIDGET, json=widget_data(START, 56, "Bat"))).json()
    only = await api.client.delete(MINE, headers=api.bearer(made))
    assert refused(only, 409, "telegram_only_way_in")
    api.clock.advance(timedelta(seconds=1))
    still = await api.client.post(WIDGET, json=widget_data(api.clock.now(), 56, "Bat"))
    assert still.json()["user"]["id"] == made["user"]["id"]


async def test_suspended_and_locked_accounts_are_refused(api: Api) -> None:
    made = (await api.client.post(WIDGET, json=widget_data(START, 57, "Bat"))).json()
    admin = await api.admin()
    path = f"/api/v1/admin/users/{made['user']['id']}/suspend"
    assert (await api.client.post(path, headers=api.bearer(admin))).status_code == 200
    api.clock.advance(timedelta(seconds=1))
    data = widget_data(api.clock.now(), 57, "Bat")
    assert refused(await api.client.post(WIDGET, json=data), 403, "account_disabled")
    # the refusal spent nothing: reinstated, the same payload signs in
    reinstate = f"/api/v1/admin/users/{made['user']['id']}/reinstate"
    assert (await api.client.post(reinstate, headers=api.bearer(admin))).status_code == 200
    assert (await api.client.post(WIDGET, json=data)).status_code == 200
    until = (api.clock.now() + timedelta(hours=1)).isoformat()
    lock = f"/api/v1/admin/users/{made['user']['id']}/lock"
    locked = await api.client.post(lock, json={"until": until}, headers=api.bearer(admin))
    assert locked.status_code == 200, locked.text
    api.clock.advance(timedelta(seconds=1))
    data = widget_data(api.clock.now(), 57, "Bat")
    assert refused(await api.client.post(WIDGET, json=data), 423, "account_locked")


async def test_without_a_bot_token_every_telegram_endpoint_is_off(make_api: ApiFactory) -> None:
    api = await make_api()
    ada = await api.register()
    calls: list[tuple[str, str, dict[str, Any] | None]] = [
        ("POST", WIDGET, widget_data(START)),
        ("POST", WEB_APP, {"initData": init_data(START)}),
        ("POST", MINE, widget_data(START)),
        ("DELETE", MINE, None),
    ]
    for method, path, body in calls:
        response = await api.client.request(method, path, json=body, headers=api.bearer(ada))
        assert refused(response, 404, "telegram_off"), (method, path)
    assert (await api.login("ada@example.com")).status_code == 200  # nothing else changes


async def test_the_operations_are_in_the_openapi_document(api: Api) -> None:
    document = (await api.client.get("/schema/openapi.json")).json()
    paths = document["paths"]
    assert "post" in paths[WIDGET] and "post" in paths[WEB_APP]
    assert {"post", "delete"} <= set(paths[MINE])
    assert "404" in paths[WIDGET]["post"]["responses"]
    assert TEST_BOT_TOKEN not in str(document)
