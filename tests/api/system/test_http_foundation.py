"""The HTTP foundation: health, request ids, headers, problems, logs, CORS, OpenAPI."""

from __future__ import annotations

import logging

import pytest
from litestar.testing import TestClient

from entrypoints.app import create_app
from tests.api.conftest import PASSWORD, Api, ApiFactory
from tests.support.builders import cheap_settings

pytestmark = pytest.mark.anyio


async def test_liveness_and_readiness(api: Api) -> None:
    assert (await api.client.get("/health/live")).json() == {"status": "ok"}
    assert (await api.client.get("/health/ready")).status_code == 200


@pytest.mark.database_away
async def test_readiness_is_503_when_the_database_is_gone(make_api: ApiFactory) -> None:
    api = await make_api(database_url="postgresql://postgres@127.0.0.1:1/nothing")
    response = await api.client.get("/health/ready")
    assert response.status_code == 503
    assert response.json()["code"] == "service_unavailable"
    assert (await api.client.get("/health/live")).status_code == 200


async def test_every_response_carries_a_request_id_and_security_headers(api: Api) -> None:
    response = await api.client.get("/health/live")
    assert len(response.headers["x-request-id"]) >= 16
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert "default-src 'none'" in response.headers["content-security-policy"]
    echoed = await api.client.get("/health/live", headers={"X-Request-ID": "trace-abc.123"})
    assert echoed.headers["x-request-id"] == "trace-abc.123"
    hostile = await api.client.get("/health/live", headers={"X-Request-ID": "x" * 200})
    assert hostile.headers["x-request-id"] != "x" * 200


async def test_problems_carry_the_request_id(api: Api) -> None:
    response = await api.client.get("/api/v1/me", headers={"X-Request-ID": "req-42"})
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert (body["status"], body["requestId"], body["instance"]) == (401, "req-42", "/api/v1/me")


async def test_unknown_routes_and_methods_are_problems_not_500(api: Api) -> None:
    missing = await api.client.get("/api/v1/nothing-here")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong_method = await api.client.delete("/api/v1/auth/login")
    assert wrong_method.status_code == 405


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"null",
        b"[]",
        b'"text"',
        b"{}",
        b'{"email": null}',
        b"\xff\xfe",
        b'{"email": "' + b"a" * 5000 + b'"}',
    ],
)
async def test_garbage_bodies_are_4xx_and_never_500(api: Api, body: bytes) -> None:
    for path in ("/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/refresh"):
        response = await api.client.post(
            path, content=body, headers={"content-type": "application/json"}
        )
        assert 400 <= response.status_code < 500, (path, body, response.text)


async def test_one_json_access_log_line_per_request_without_secrets(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    session = await api.register()
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="inkslot.access"):
        await api.client.get("/api/v1/me", headers=api.bearer(session))
    records = [r for r in caplog.records if r.name == "inkslot.access"]
    assert len(records) == 1
    fields = records[0].fields  # type: ignore[attr-defined]
    assert fields["method"] == "GET" and fields["path"] == "/api/v1/me" and fields["status"] == 200
    assert fields["userId"] == session["user"]["id"] and fields["durationMs"] >= 0
    assert fields["requestId"]
    text = repr(fields)
    assert session["tokens"]["accessToken"] not in text


async def test_cors_is_configurable(make_api: ApiFactory) -> None:
    api = await make_api(cors_origins=("https://app.inkslot.example",))
    preflight = await api.client.options(
        "/api/v1/auth/login",
        headers={"Origin": "https://app.inkslot.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.headers.get("access-control-allow-origin") == "https://app.inkslot.example"
    stranger = await api.client.get("/health/live", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in stranger.headers


async def test_openapi_documents_every_endpoint_and_docs_render(api: Api) -> None:
    schema = (await api.client.get("/schema/openapi.json")).json()
    assert schema["openapi"].startswith("3.1")
    paths = schema["paths"]
    for path, method in [
        ("/api/v1/auth/register", "post"),
        ("/api/v1/auth/login", "post"),
        ("/api/v1/auth/refresh", "post"),
        ("/api/v1/auth/logout", "post"),
        ("/api/v1/me", "get"),
        ("/api/v1/me", "patch"),
        ("/api/v1/me/password", "post"),
        ("/api/v1/admin/users", "get"),
        ("/health/ready", "get"),
    ]:
        assert method in paths[path], (path, method)
    register = schema["components"]["schemas"]["RegisterRequest"]
    assert set(register["required"]) == {"email", "password", "name", "role"}
    assert "bearer" in schema["components"]["securitySchemes"]
    docs = await api.client.get("/docs")
    assert docs.status_code == 200 and "/schema/openapi.json" in docs.text


def test_an_app_built_afresh_serves_through_its_own_lifespan(database_url: str) -> None:
    """The other API tests borrow apps built once (tests/support/apps.py); this one is
    ``create_app(settings)`` alone, as a server process builds it (its own container from the
    settings), served by Litestar's test client through the ASGI lifespan protocol."""
    settings = cheap_settings(database_url=database_url)
    with TestClient(app=create_app(settings)) as client:
        assert client.get("/health/ready").status_code == 200
        body = {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "role": "customer"}
        registered = client.post("/api/v1/auth/register", json=body)
        assert registered.status_code == 201, registered.text
        token = registered.json()["tokens"]["accessToken"]
        me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert (me.status_code, me.json()["email"]) == (200, "ada@example.com")
    after = TestClient(app=create_app(settings))  # its pool was closed with the lifespan
    with after as client:
        signed_in = client.post(
            "/api/v1/auth/login", json={"email": body["email"], "password": PASSWORD}
        )
        assert signed_in.status_code == 200, signed_in.text
