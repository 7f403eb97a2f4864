"""Bodies are read as the client declared them and typed as the schema says: a body that is
not declared JSON is 415, and a number or boolean sent as a string is 422 naming the field;
either way nothing changes."""

from __future__ import annotations

import json

import pytest

from tests.api.catalog_helpers import approved_artist
from tests.api.conftest import PASSWORD, Api

pytestmark = pytest.mark.anyio
REGISTRATION = {"email": "ada@example.com", "password": PASSWORD, "name": "Ada", "role": "customer"}


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "text/json", None]
)
async def test_a_body_not_declared_json_is_415_and_changes_nothing(
    api: Api, content_type: str | None
) -> None:
    headers = {} if content_type is None else {"content-type": content_type}
    response = await api.client.post(
        "/api/v1/auth/register", content=json.dumps(REGISTRATION).encode(), headers=headers
    )
    assert response.status_code == 415, response.text
    assert response.json()["code"] == "unsupported_media_type"
    assert (await api.login("ada@example.com")).status_code == 401


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/json; charset=utf-8", "application/x+json"]
)
async def test_json_media_types_are_read(api: Api, content_type: str) -> None:
    response = await api.client.post(
        "/api/v1/auth/register",
        content=json.dumps(REGISTRATION).encode(),
        headers={"content-type": content_type},
    )
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"durationMinutes": "90"}, "durationMinutes"),
        ({"price": {"amount": "150000"}}, "price.amount"),
        ({"requiresApproval": "true"}, "requiresApproval"),
        ({"bufferAfterMinutes": 15.0}, "bufferAfterMinutes"),
    ],
)
async def test_numbers_and_booleans_sent_as_strings_are_refused(
    api: Api, change: dict[str, object], field: str
) -> None:
    setup = await approved_artist(api)
    url = f"/api/v1/artists/{setup.id}/services"
    auth = api.bearer(setup.session)
    body = {"name": "Sleeve", "durationMinutes": 60, "price": {"amount": 100000}, **change}
    response = await api.client.post(url, json=body, headers=auth)
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == [field]
    services = (await api.client.get(url, headers=auth)).json()["items"]
    assert [s["name"] for s in services] == ["Small tattoo"]


async def test_a_weekday_sent_as_a_string_is_refused(api: Api) -> None:
    setup = await approved_artist(api, rules=())
    auth = api.bearer(setup.session)
    response = await api.client.post(
        "/api/v1/availability",
        json={"day": "1", "startTime": "09:00", "endTime": "17:00"},
        headers=auth,
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "day"
    availability = await api.client.get(f"/api/v1/artists/{setup.id}/availability", headers=auth)
    assert availability.json()["rules"] == []


MN = {"Accept-Language": "mn"}


async def test_field_errors_are_in_our_words_in_english_and_mongolian(api: Api) -> None:
    """Never the parser's text ("Expected `int`, got `str` - at `$.slotStepMinutes`"): what
    the value must be, by the field's name, in the client's language; nothing changes."""
    setup = await approved_artist(api)
    auth = api.bearer(setup.session)
    url = f"/api/v1/artists/{setup.id}/settings"
    wrong = {"slotStepMinutes": "x"}
    english = await api.client.patch(url, json=wrong, headers=auth)
    mongolian = await api.client.patch(url, json=wrong, headers={**auth, **MN})
    assert english.status_code == mongolian.status_code == 422, english.text
    assert english.json()["errors"] == [
        {"field": "slotStepMinutes", "message": "must be a whole number", "code": "invalid"}
    ]
    [error] = mongolian.json()["errors"]
    assert error["field"] == "slotStepMinutes" and error["message"] == "бүхэл тоо байх ёстой"
    override = "/api/v1/availability/overrides"
    cases = [
        (url, {"slotStepMinutes": 0}, "slotStepMinutes", "must be at least 1"),
        (override, {"date": "2026-13-01"}, "date", "must be a date like 2026-03-01"),
        (override, {"date": "2026-03-01", "closed": "yes"}, "closed", "must be true or false"),
        (override, {"closed": True}, "date", "is required"),
        (override, {"date": "2026-03-01", "windows": [{"startTime": 9}]}, "windows[0].startTime",
         "must be text"),
        ("/api/v1/auth/register", {**REGISTRATION, "role": "wizard"}, "role",
         "must be one of: artist, customer"),
    ]  # fmt: skip
    for path, body, field, message in cases:
        send = api.client.patch if path == url else api.client.post
        response = await send(path, json=body, headers=auth)
        assert response.status_code == 422, response.text
        assert [(e["field"], e["message"]) for e in response.json()["errors"]] == [
            (field, message)
        ], body
    artist = (await api.client.get(f"/api/v1/artists/{setup.id}", headers=auth)).json()
    assert artist["settings"]["slotStepMinutes"] == setup.artist["settings"]["slotStepMinutes"]
