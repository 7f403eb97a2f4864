"""An access token works only while its session lives (the guard asks on every request)."""

from __future__ import annotations

import pytest

from tests.api.conftest import PASSWORD, Api

pytestmark = pytest.mark.anyio


async def _me(api: Api, session: dict[str, object]) -> int:
    return (await api.client.get("/api/v1/me", headers=api.bearer(session))).status_code


async def test_logout_ends_the_access_token_at_once(api: Api) -> None:
    session = await api.register()
    assert await _me(api, session) == 200
    refresh = session["tokens"]["refreshToken"]
    logout = await api.client.post("/api/v1/auth/logout", json={"refreshToken": refresh})
    assert logout.status_code == 204
    response = await api.client.get("/api/v1/me", headers=api.bearer(session))
    assert response.status_code == 401 and response.json()["code"] == "invalid_token"


async def test_a_reused_refresh_token_ends_the_family_s_access_tokens(api: Api) -> None:
    first = await api.register()
    rotated = await api.client.post(
        "/api/v1/auth/refresh", json={"refreshToken": first["tokens"]["refreshToken"]}
    )
    assert rotated.status_code == 200 and await _me(api, rotated.json()) == 200
    reused = await api.client.post(
        "/api/v1/auth/refresh", json={"refreshToken": first["tokens"]["refreshToken"]}
    )
    assert reused.status_code == 401
    assert await _me(api, rotated.json()) == 401 and await _me(api, first) == 401


async def test_a_password_change_ends_the_other_sessions_not_the_caller_s(api: Api) -> None:
    mine = await api.register()
    other = (await api.login("ada@example.com")).json()
    changed = await api.client.post(
        "/api/v1/me/password",
        json={"currentPassword": PASSWORD, "newPassword": "another-fine-phrase"},
        headers=api.bearer(mine),
    )
    assert changed.status_code == 204
    assert await _me(api, mine) == 200
    assert await _me(api, other) == 401
