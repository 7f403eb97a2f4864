"""/api/v1/auth: register, login, refresh, logout, lockout, rate limit."""

from __future__ import annotations

import os
import uuid
from datetime import timedelta

import pytest
from httpx import Response

from tests.api.conftest import PASSWORD, Api, ApiFactory

pytestmark = pytest.mark.anyio
PROBLEM = "application/problem+json"


async def test_register_creates_the_user_and_signs_in(api: Api) -> None:
    body = await api.register("Ada@Example.com", role="artist")
    assert body["user"]["email"] == "ada@example.com" and body["user"]["role"] == "artist"
    assert set(body["tokens"]) >= {
        "accessToken",
        "refreshToken",
        "accessTokenExpiresAt",
        "refreshTokenExpiresAt",
    }
    assert "passwordHash" not in body["user"]
    me = await api.client.get("/api/v1/me", headers=api.bearer(body))
    assert me.status_code == 200 and me.json()["id"] == body["user"]["id"]


async def test_a_duplicate_email_in_any_case_is_409(api: Api) -> None:
    await api.register("ada@example.com")
    response = await api.client.post(
        "/api/v1/auth/register",
        json={
            "email": "ADA@example.COM",
            "password": PASSWORD,
            "name": "Other",
            "role": "customer",
        },
    )
    assert response.status_code == 409
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["code"] == "email_taken"


@pytest.mark.parametrize(
    ("payload", "fields"),
    [
        (
            {"email": "not-an-email", "password": PASSWORD, "name": "Ada", "role": "customer"},
            {"email"},
        ),
        (
            {"email": "ada@example.com", "password": "short", "name": "Ada", "role": "customer"},
            {"password"},
        ),
        (
            {
                "email": "ada@example.com",
                "password": "ada-lovelace-rules",
                "name": "Ada Lovelace",
                "role": "customer",
            },
            {"password"},
        ),
        (
            {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "role": "admin"},
            {"role"},
        ),
        ({"email": "ada@example.com", "password": PASSWORD, "role": "customer"}, {"name"}),
        (
            {
                "email": "ada@example.com",
                "password": PASSWORD,
                "name": "Ada",
                "role": "customer",
                "isAdmin": True,
            },
            {"isAdmin"},
        ),
        ({"email": 7, "password": PASSWORD, "name": "Ada", "role": "customer"}, {"email"}),
    ],
)
async def test_invalid_registrations_are_422_with_field_errors_and_create_nothing(
    api: Api, payload: dict[str, object], fields: set[str]
) -> None:
    response = await api.client.post("/api/v1/auth/register", json=payload)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "invalid_input"
    assert {e["field"] for e in body["errors"]} == fields
    assert (await api.login("ada@example.com")).status_code == 401


async def test_malformed_json_is_400(api: Api) -> None:
    response = await api.client.post(
        "/api/v1/auth/register", content=b'{"email":', headers={"content-type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_request"


async def test_login_returns_tokens_and_failures_look_the_same(api: Api) -> None:
    await api.register()
    ok = await api.login("ada@example.com")
    assert ok.status_code == 200 and ok.json()["tokens"]["tokenType"] == "Bearer"
    unknown = await api.login("nobody@example.com")
    wrong = await api.login("ada@example.com", "wrong-password!")
    assert unknown.status_code == wrong.status_code == 401

    def comparable(r: object) -> dict[str, object]:
        body = dict(r.json())  # type: ignore[attr-defined]
        body.pop("requestId")
        return body

    assert comparable(unknown) == comparable(wrong)


async def test_refresh_rotates_and_reuse_kills_the_family(api: Api) -> None:
    session = await api.register()
    first = session["tokens"]["refreshToken"]
    rotated = await api.client.post("/api/v1/auth/refresh", json={"refreshToken": first})
    assert rotated.status_code == 200
    second = rotated.json()["tokens"]["refreshToken"]
    assert second != first
    reused = await api.client.post("/api/v1/auth/refresh", json={"refreshToken": first})
    assert reused.status_code == 401 and reused.json()["code"] == "refresh_token_reused"
    after = await api.client.post("/api/v1/auth/refresh", json={"refreshToken": second})
    assert after.status_code == 401


async def test_logout_revokes_the_refresh_token(api: Api) -> None:
    token = (await api.register())["tokens"]["refreshToken"]
    assert (
        await api.client.post("/api/v1/auth/logout", json={"refreshToken": token})
    ).status_code == 204
    assert (
        await api.client.post("/api/v1/auth/logout", json={"refreshToken": token})
    ).status_code == 204
    assert (
        await api.client.post("/api/v1/auth/refresh", json={"refreshToken": token})
    ).status_code == 401


def _comparable(response: Response) -> tuple[int, str | None, dict[str, object]]:
    body = dict(response.json())
    body.pop("requestId")
    return response.status_code, response.headers.get("retry-after"), body


async def test_a_locked_pair_answers_alike_for_known_and_unknown_emails(api: Api) -> None:
    """Five failures lock the (email, address) pair for 15 minutes, the same way whether the
    email has an account or not: a locked answer says nothing about who is registered."""
    await api.register()
    for email in ("ada@example.com", "nobody@example.com"):
        for _ in range(5):
            assert (await api.login(email, "wrong-password!")).status_code == 401
    known, unknown = await api.login("ada@example.com"), await api.login("nobody@example.com")
    assert _comparable(known) == _comparable(unknown)
    assert known.status_code == 423 and known.json()["code"] == "account_locked"
    assert int(known.headers["retry-after"]) == 15 * 60 + 1
    api.clock.advance(timedelta(minutes=15))
    assert (await api.login("ada@example.com")).status_code == 200


@pytest.mark.parametrize(
    ("look_alike", "status", "code"),
    [
        ("\uff41dmin@\uff25xample.com", 409, "email_taken"),  # fullwidth: the same address
        ("Admin@Example.com", 409, "email_taken"),
        ("\u0430dmin@example.com", 422, "mixed_scripts"),  # Cyrillic a
        ("ad\u200bmin@example.com", 422, "invisible_characters"),  # zero-width space
        ("ad\u00admin@example.com", 422, "invisible_characters"),  # soft hyphen
        ("admin\u2060@example.com", 422, "invisible_characters"),  # word joiner
        ("admin@ex\u0430mple.com", 422, "mixed_scripts"),
    ],
)
async def test_look_alikes_of_an_existing_address_never_become_a_second_account(
    api: Api, look_alike: str, status: int, code: str
) -> None:
    await api.register("admin@example.com", name="Original")
    response = await api.client.post(
        "/api/v1/auth/register",
        json={"email": look_alike, "password": PASSWORD, "name": "Impostor", "role": "customer"},
    )
    assert response.status_code == status, response.text
    body = response.json()
    found = body["code"] if status == 409 else {e["code"] for e in body["errors"]}
    assert found == code or found == {code}
    me = await api.login(look_alike)  # the look-alike never signs in as anyone else
    assert me.status_code == (200 if status == 409 else 401)
    if status == 409:
        assert me.json()["user"]["name"] == "Original"


async def test_sign_up_is_limited_per_address_by_the_hour(make_api: ApiFactory) -> None:
    api = await make_api(sign_up_rate_limit_per_hour=2)
    await api.register("a@example.com")
    await api.register("b@example.com")
    third = await api.client.post(
        "/api/v1/auth/register",
        json={"email": "c@example.com", "password": PASSWORD, "name": "C", "role": "customer"},
    )
    assert third.status_code == 429 and third.json()["code"] == "rate_limited"
    assert int(third.headers["retry-after"]) > 60  # an hour's window, not a minute's
    assert (await api.login("a@example.com")).status_code == 200  # signing in is not


async def test_auth_endpoints_are_rate_limited_per_client(make_api: ApiFactory) -> None:
    api = await make_api(auth_rate_limit_per_minute=3)
    statuses = [(await api.login("nobody@example.com")).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    limited = await api.login("nobody@example.com")
    assert limited.json()["code"] == "rate_limited" and int(limited.headers["retry-after"]) >= 1
    # Other endpoints are not affected.
    assert (await api.client.get("/health/live")).status_code == 200


@pytest.mark.skipif(not os.environ.get("INKSLOT_REDIS_URL"), reason="INKSLOT_REDIS_URL is not set")
async def test_with_redis_the_limit_is_shared_by_every_process(make_api: ApiFactory) -> None:
    """Two app instances (as two server processes would be) count against one limit."""
    shared = {
        "redis_url": os.environ["INKSLOT_REDIS_URL"],
        "redis_namespace": f"inkslot-test-{uuid.uuid4().hex}",
        "auth_rate_limit_per_minute": 3,
    }
    first, second = await make_api(**shared), await make_api(**shared)
    statuses = [
        (await api.login("nobody@example.com")).status_code
        for api in (first, second, first, second)
    ]
    assert statuses == [401, 401, 401, 429]
