"""/api/v1/me and the guard: who is calling, with which token, in which role."""

from __future__ import annotations

import base64
import json
from datetime import timedelta

import pytest
from httpx import Response

from tests.api.conftest import PASSWORD, Api, ApiFactory

pytestmark = pytest.mark.anyio


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def test_me_refuses_missing_expired_tampered_and_unsigned_tokens(api: Api) -> None:
    session = await api.register()
    token = session["tokens"]["accessToken"]
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    tampered = f"{header}.{_b64({**claims, 'role': 'admin'})}.{signature}"
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{payload}."
    for headers in (
        {},
        {"Authorization": "Basic abc"},
        {"Authorization": f"Bearer {tampered}"},
        {"Authorization": f"Bearer {unsigned}"},
        {"Authorization": "Bearer"},
    ):
        response = await api.client.get("/api/v1/me", headers=headers)
        assert response.status_code == 401, headers
        assert response.json()["code"] == "invalid_token"
    api.clock.advance(timedelta(minutes=15))
    assert (await api.client.get("/api/v1/me", headers=api.bearer(session))).status_code == 401


async def test_patch_me_changes_name_and_phone_and_validates(api: Api) -> None:
    session = await api.register()
    auth = api.bearer(session)
    changed = await api.client.patch(
        "/api/v1/me", json={"name": "Ada L.", "phone": "+976 8811 2233"}, headers=auth
    )
    assert changed.status_code == 200
    assert (changed.json()["name"], changed.json()["phone"]) == ("Ada L.", "+97688112233")
    cleared = await api.client.patch("/api/v1/me", json={"phone": None}, headers=auth)
    assert cleared.json()["phone"] is None and cleared.json()["name"] == "Ada L."
    bad = await api.client.patch("/api/v1/me", json={"phone": "call me maybe"}, headers=auth)
    assert bad.status_code == 422 and [e["field"] for e in bad.json()["errors"]] == ["phone"]
    assert (await api.client.get("/api/v1/me", headers=auth)).json()["phone"] is None


async def test_password_change_needs_the_current_one_and_ends_other_sessions(api: Api) -> None:
    mine = await api.register()
    other = (await api.login("ada@example.com")).json()
    auth = api.bearer(mine)
    wrong = await api.client.post(
        "/api/v1/me/password",
        json={"currentPassword": "not-it-at-all", "newPassword": "a-brand-new-phrase"},
        headers=auth,
    )
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "currentPassword"
    done = await api.client.post(
        "/api/v1/me/password",
        json={"currentPassword": PASSWORD, "newPassword": "a-brand-new-phrase"},
        headers=auth,
    )
    assert done.status_code == 204
    refresh_other = await api.client.post(
        "/api/v1/auth/refresh", json={"refreshToken": other["tokens"]["refreshToken"]}
    )
    assert refresh_other.status_code == 401
    refresh_mine = await api.client.post(
        "/api/v1/auth/refresh", json={"refreshToken": mine["tokens"]["refreshToken"]}
    )
    assert refresh_mine.status_code == 200
    assert (await api.login("ada@example.com")).status_code == 401
    assert (await api.login("ada@example.com", "a-brand-new-phrase")).status_code == 200


async def _change_password(api: Api, session: dict[str, object], current: str) -> Response:
    return await api.client.post(
        "/api/v1/me/password",
        json={"currentPassword": current, "newPassword": "a-brand-new-phrase"},
        headers=api.bearer(session),
    )


async def test_wrong_current_passwords_count_as_failed_sign_ins(api: Api) -> None:
    """Holding a stolen access token is no licence to guess the password behind it."""
    session = await api.register()
    for _ in range(5):
        assert (await _change_password(api, session, "not-it-at-all")).status_code == 422
    locked = await _change_password(api, session, PASSWORD)
    assert locked.status_code == 423 and locked.json()["code"] == "account_locked"
    assert (await api.login("ada@example.com")).status_code == 423  # the same pair
    api.clock.advance(timedelta(minutes=15))  # the lock is over (and the access token too)
    fresh = (await api.login("ada@example.com")).json()
    assert (await _change_password(api, fresh, PASSWORD)).status_code == 204


async def test_password_changes_are_rate_limited_per_address(make_api: ApiFactory) -> None:
    api = await make_api(auth_rate_limit_per_minute=3)
    session = await api.register()  # one of the three
    statuses = [(await _change_password(api, session, "nope-nope")).status_code for _ in range(3)]
    assert statuses == [422, 422, 429]
    assert (await api.client.get("/api/v1/me", headers=api.bearer(session))).status_code == 200


async def test_admin_endpoints_answer_403_to_other_roles_and_paginate_for_admins(api: Api) -> None:
    customer = await api.register("c@example.com")
    artist = await api.register("a@example.com", role="artist")
    for session in (customer, artist):
        response = await api.client.get("/api/v1/admin/users", headers=api.bearer(session))
        assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    assert (await api.client.get("/api/v1/admin/users")).status_code == 401

    admin = await api.admin()
    first = await api.client.get(
        "/api/v1/admin/users", params={"pageSize": 2}, headers=api.bearer(admin)
    )
    assert first.status_code == 200
    body = first.json()
    assert body["total"] == 3 and len(body["items"]) == 2 and body["page"] == 1
    second = await api.client.get(
        "/api/v1/admin/users", params={"pageSize": 2, "page": 2}, headers=api.bearer(admin)
    )
    emails = {u["email"] for u in body["items"]} | {u["email"] for u in second.json()["items"]}
    assert emails == {"c@example.com", "a@example.com", "root@example.com"}
    artists = await api.client.get(
        "/api/v1/admin/users", params={"role": "artist"}, headers=api.bearer(admin)
    )
    assert [u["email"] for u in artists.json()["items"]] == ["a@example.com"]
    too_big = await api.client.get(
        "/api/v1/admin/users", params={"pageSize": 101}, headers=api.bearer(admin)
    )
    assert too_big.status_code in (400, 422)
