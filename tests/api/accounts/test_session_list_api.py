"""``GET /me/sessions`` and ``DELETE /me/sessions/{id}``: the sessions a user can see and end."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.conftest import PASSWORD, Api

pytestmark = pytest.mark.anyio

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)
SESSIONS = "/api/v1/me/sessions"


async def _register(api: Api, email: str, agent: str) -> dict[str, Any]:
    response = await api.client.post(
        "/api/v1/auth/register",
        json={"email": email, "password": PASSWORD, "name": "Ada", "role": "customer"},
        headers={"User-Agent": agent},
    )
    assert response.status_code == 201, response.text
    session: dict[str, Any] = response.json()
    return session


async def _login(api: Api, email: str, agent: str) -> dict[str, Any]:
    response = await api.client.post(
        "/api/v1/auth/login",
        json={"email": email, "password": PASSWORD},
        headers={"User-Agent": agent},
    )
    assert response.status_code == 200, response.text
    session: dict[str, Any] = response.json()
    return session


async def _listed(api: Api, session: dict[str, Any]) -> list[dict[str, Any]]:
    response = await api.client.get(SESSIONS, headers=api.bearer(session))
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


async def _me(api: Api, session: dict[str, Any]) -> int:
    return (await api.client.get("/api/v1/me", headers=api.bearer(session))).status_code


async def _refresh(api: Api, session: dict[str, Any]) -> int:
    body = {"refreshToken": session["tokens"]["refreshToken"]}
    return (await api.client.post("/api/v1/auth/refresh", json=body)).status_code


async def test_the_list_shows_each_sign_in_s_device_and_the_current_one(api: Api) -> None:
    laptop = await _register(api, "ada@example.com", FIREFOX)
    api.clock.advance(timedelta(minutes=1))
    phone = await _login(api, "ada@example.com", SAFARI)
    items = await _listed(api, phone)
    assert [(i["device"], i["current"]) for i in items] == [
        ("Safari on iOS", True),
        ("Firefox on Linux", False),
    ]
    first = items[0]
    assert set(first) == {
        "id",
        "device",
        "userAgent",
        "address",
        "signInAddress",
        "createdAt",
        "lastUsedAt",
        "current",
    }
    assert first["userAgent"] == SAFARI and items[1]["userAgent"] == FIREFOX
    assert first["address"] and first["address"] == first["signInAddress"]
    assert [i["current"] for i in await _listed(api, laptop)] == [False, True]


async def test_ending_another_session_signs_that_device_out(api: Api) -> None:
    laptop = await _register(api, "ada@example.com", FIREFOX)
    phone = await _login(api, "ada@example.com", SAFARI)
    other = next(i for i in await _listed(api, phone) if not i["current"])
    ended = await api.client.delete(f"{SESSIONS}/{other['id']}", headers=api.bearer(phone))
    assert ended.status_code == 204, ended.text
    assert await _me(api, laptop) == 401
    assert await _refresh(api, laptop) == 401
    assert [i["device"] for i in await _listed(api, phone)] == ["Safari on iOS"]
    again = await api.client.delete(f"{SESSIONS}/{other['id']}", headers=api.bearer(phone))
    assert again.status_code == 404 and again.json()["code"] == "session_not_found"


async def test_ending_the_current_session_is_a_logout(api: Api) -> None:
    laptop = await _register(api, "ada@example.com", FIREFOX)
    (mine,) = await _listed(api, laptop)
    ended = await api.client.delete(f"{SESSIONS}/{mine['id']}", headers=api.bearer(laptop))
    assert ended.status_code == 204
    assert await _me(api, laptop) == 401 and await _refresh(api, laptop) == 401


async def test_another_user_s_session_or_a_malformed_id_is_refused(api: Api) -> None:
    ada = await _register(api, "ada@example.com", FIREFOX)
    bob = await _register(api, "bob@example.com", SAFARI)
    (adas,) = await _listed(api, ada)
    foreign = await api.client.delete(f"{SESSIONS}/{adas['id']}", headers=api.bearer(bob))
    assert foreign.status_code == 404
    assert foreign.headers["content-type"].startswith("application/problem+json")
    assert foreign.json()["code"] == "session_not_found"
    unknown = await api.client.delete(
        f"{SESSIONS}/0190f0f0-0000-7000-8000-000000000000", headers=api.bearer(bob)
    )
    # the same answer as for an id that does not exist: nothing tells them apart
    same = ("status", "code", "title", "detail")
    assert [unknown.json().get(k) for k in same] == [foreign.json().get(k) for k in same]
    assert await _me(api, ada) == 200  # untouched
    malformed = await api.client.delete(f"{SESSIONS}/not-a-uuid", headers=api.bearer(bob))
    assert 400 <= malformed.status_code < 500
    assert malformed.headers["content-type"].startswith("application/problem+json")
    assert [i["userAgent"] for i in await _listed(api, bob)] == [SAFARI]


async def test_both_need_a_signed_in_caller(api: Api) -> None:
    assert (await api.client.get(SESSIONS)).status_code == 401
    some_id = "0190f0f0-0000-7000-8000-000000000000"
    assert (await api.client.delete(f"{SESSIONS}/{some_id}")).status_code == 401


async def test_a_refresh_moves_the_last_use(api: Api) -> None:
    laptop = await _register(api, "ada@example.com", FIREFOX)
    (before,) = await _listed(api, laptop)
    api.clock.advance(timedelta(hours=1))
    body = {"refreshToken": laptop["tokens"]["refreshToken"]}
    refreshed = (await api.client.post("/api/v1/auth/refresh", json=body)).json()
    (after,) = await _listed(api, refreshed)
    assert after["id"] == before["id"] and after["current"]
    assert after["lastUsedAt"] > before["lastUsedAt"] and after["createdAt"] == before["createdAt"]
