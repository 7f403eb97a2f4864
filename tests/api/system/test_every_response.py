"""Every response, routed or not, is well formed: unknown paths (404), unknown methods (405),
rate limits (429), refused bodies and successes alike carry the security headers and
``X-Request-Id``, problems carry ``requestId``, and each request writes one access-log
line. ``HEAD`` answers wherever ``GET`` does."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import pytest
from httpx import Response

from tests.api.conftest import Api, ApiFactory

pytestmark = pytest.mark.anyio
PROBLEM = "application/problem+json"

Exchange = Callable[[Api], Awaitable[Response]]


async def _unknown_path(api: Api) -> Response:
    return await api.client.get("/api/v1/nothing-here")


async def _unknown_root_path(api: Api) -> Response:
    return await api.client.get("/favicon.ico")


async def _unknown_method(api: Api) -> Response:
    return await api.client.delete("/api/v1/auth/login")


async def _rate_limited(api: Api) -> Response:
    for _ in range(3):
        await api.login("nobody@example.com")
    return await api.login("nobody@example.com")


async def _unauthenticated(api: Api) -> Response:
    return await api.client.get("/api/v1/me")


async def _refused_body(api: Api) -> Response:
    return await api.client.post(
        "/api/v1/auth/login", content=b"{", headers={"content-type": "application/json"}
    )


EXCHANGES: dict[str, tuple[Exchange, int]] = {
    "unknown path": (_unknown_path, 404),
    "unknown path outside the API": (_unknown_root_path, 404),
    "unknown method": (_unknown_method, 405),
    "rate limited": (_rate_limited, 429),
    "unauthenticated": (_unauthenticated, 401),
    "malformed body": (_refused_body, 400),
}


@pytest.mark.parametrize("name", EXCHANGES)
async def test_every_problem_is_well_formed_with_headers_request_id_and_a_log_line(
    make_api: ApiFactory, caplog: pytest.LogCaptureFixture, name: str
) -> None:
    api = await make_api(auth_rate_limit_per_minute=3)
    exchange, status = EXCHANGES[name]
    with caplog.at_level(logging.INFO, logger="inkslot.access"):
        response = await exchange(api)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    request_id = response.headers["x-request-id"]
    body = response.json()
    assert body["status"] == status and body["requestId"] == request_id and body["code"]
    logged = [r.fields for r in caplog.records if r.name == "inkslot.access"]  # type: ignore[attr-defined]
    assert logged, "no access-log line"
    assert logged[-1]["requestId"] == request_id and logged[-1]["status"] == status


async def test_an_unknown_method_names_the_allowed_ones(api: Api) -> None:
    response = await api.client.delete("/api/v1/auth/login")
    assert response.status_code == 405
    assert "POST" in response.headers["allow"]


@pytest.mark.parametrize("path", ["/health/live", "/health/ready", "/docs", "/schema/openapi.json"])
async def test_head_answers_wherever_get_does_with_the_same_headers_and_no_body(
    api: Api, path: str
) -> None:
    got = await api.client.get(path)
    head = await api.client.head(path)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-length"] == got.headers["content-length"]
    assert head.headers["x-request-id"] and head.headers["x-content-type-options"] == "nosniff"


async def test_head_follows_get_s_rules_too(api: Api) -> None:
    session = await api.register()
    me = await api.client.head("/api/v1/me", headers=api.bearer(session))
    assert me.status_code == 200 and me.content == b""
    assert (await api.client.head("/api/v1/me")).status_code == 401
    assert (await api.client.head("/api/v1/nothing-here")).status_code == 404
    head_on_post_only = await api.client.head("/api/v1/auth/login")
    assert head_on_post_only.status_code == 405 and head_on_post_only.content == b""


async def test_head_is_logged_as_head(api: Api, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="inkslot.access"):
        await api.client.head("/health/live")
    logged = [r.fields for r in caplog.records if r.name == "inkslot.access"]  # type: ignore[attr-defined]
    assert [(f["method"], f["status"]) for f in logged] == [("HEAD", 200)]
