# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected texts)
"""Problem details speak the client's language (``Accept-Language``: English by default, or
Mongolian); the status, ``code``, fields and field codes do not change with it, and no
header value, however odd, turns a refusal into a 500."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

import pytest
from httpx import Response

from tests.api.conftest import Api

pytestmark = pytest.mark.anyio

MN = {"Accept-Language": "mn-MN,mn;q=0.9,en;q=0.5"}
BAD_SIGN_UP = {"email": "not-an-email", "password": "short", "name": "", "role": "customer"}


def _problem(response: Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "accept-language" in response.headers["vary"].lower()
    body: dict[str, Any] = response.json()
    return body


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


async def test_a_refused_sign_up_in_english_and_in_mongolian(api: Api) -> None:
    english = await api.client.post("/api/v1/auth/register", json=BAD_SIGN_UP)
    mongolian = await api.client.post("/api/v1/auth/register", json=BAD_SIGN_UP, headers=MN)
    en, mn = _problem(english, 422), _problem(mongolian, 422)
    assert english.headers["content-language"] == "en"
    assert mongolian.headers["content-language"] == "mn"

    assert (mn["status"], mn["code"], mn["type"]) == (en["status"], en["code"], en["type"])
    assert en["title"] == HTTPStatus(422).phrase
    assert en["detail"] == "Some fields are invalid."
    assert mn["title"] == "Боловсруулах боломжгүй хүсэлт"
    assert mn["detail"] == "Зарим талбарын утга буруу байна."

    def fields(body: dict[str, Any]) -> list[tuple[str, str]]:
        return [(e["field"], e["code"]) for e in body["errors"]]

    assert fields(mn) == fields(en) and "email" in {f for f, _ in fields(en)}
    by_field = {e["field"]: e["message"] for e in mn["errors"]}
    assert by_field["email"] == "Зөв имэйл хаяг оруулна уу."
    for english_error, mongolian_error in zip(en["errors"], mn["errors"], strict=True):
        assert mongolian_error["message"] != english_error["message"]
        assert _cyrillic(mongolian_error["message"]), mongolian_error


async def test_framework_refusals_are_translated_too(api: Api) -> None:
    # 401 from the HTTP layer, 404 for an unknown route, 422 from body validation.
    for method, path, body, status in [
        ("GET", "/api/v1/me", None, 401),
        ("GET", "/api/v1/nothing-here", None, 404),
        ("POST", "/api/v1/auth/login", {"email": 5, "password": "x"}, 422),
    ]:
        english = await api.client.request(method, path, json=body)
        mongolian = await api.client.request(method, path, json=body, headers=MN)
        en, mn = _problem(english, status), _problem(mongolian, status)
        assert mn["code"] == en["code"]
        assert en["title"] == HTTPStatus(status).phrase and _cyrillic(mn["title"])
        assert mn["detail"] != en["detail"] and _cyrillic(mn["detail"]), (en, mn)
        for message in (e["message"] for e in mn.get("errors", [])):
            assert _cyrillic(message), mn
    assert mn["errors"][0]["field"] == en["errors"][0]["field"] == "email"


ODD_HEADERS = [  # raw bytes: what a client may send, not what httpx would let it
    b"*",
    b"xx",
    b"mn;q=0",
    b"mn;q=0, en;q=0",
    b"mn;q=abc",
    b"mn;q=1.5",
    b";;;,,,=",
    b"q=1",
    b"\x00",
    b"mn\x00en",
    b"\x00" * 64,
    "монгол".encode(),
    b"\xff\xfe\x80",
    b"x" * 10_240,
    b"mn," * 3000,
    (b"a;q=0.5," * 1300)[:10_240],
]


async def test_odd_accept_language_values_never_fail(api: Api) -> None:
    baseline = await api.client.post("/api/v1/auth/register", json=BAD_SIGN_UP)
    expected = (baseline.status_code, baseline.json()["code"])
    for value in ODD_HEADERS:
        headers = {b"accept-language": value}
        refused = await api.client.post("/api/v1/auth/register", json=BAD_SIGN_UP, headers=headers)
        assert (refused.status_code, refused.json()["code"]) == expected, value[:40]
        assert refused.headers["content-language"] in ("en", "mn")
        missing = await api.client.get("/api/v1/nothing-here", headers=headers)
        assert missing.status_code == 404, value[:40]
        assert missing.headers["content-language"] in ("en", "mn")
    starred = await api.client.get("/api/v1/nothing-here", headers={"Accept-Language": "*"})
    assert starred.json()["title"] == "Not Found"
    refused_mn = await api.client.get("/api/v1/nothing-here", headers={"Accept-Language": "mn;q=0"})
    assert refused_mn.headers["content-language"] == "en"
