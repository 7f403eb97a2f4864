"""Studios as anyone sees them: a list in the documented envelope, and each studio with the
public artists who work there (a public summary each, nothing of a draft or suspended one)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.api.catalog_helpers import approved_artist, create_profile
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
STUDIOS = "/api/v1/studios"
SUMMARY = {"id", "displayName", "styles", "city", "rating", "reviewCount"}


async def _studio(api: Api, admin: dict[str, Any], name: str) -> str:
    made = await api.client.post(
        STUDIOS,
        json={"name": name, "address": "Peace Ave 12", "city": "Ulaanbaatar"},
        headers=api.bearer(admin),
    )
    assert made.status_code == 201, made.text
    assert "members" not in made.json()
    return str(made.json()["id"])


async def _place(api: Api, admin: dict[str, Any], artist_id: str, studio_id: str) -> None:
    placed = await api.client.patch(
        f"/api/v1/artists/{artist_id}", json={"studioId": studio_id}, headers=api.bearer(admin)
    )
    assert placed.status_code == 200, placed.text


async def test_studios_are_listed_with_their_public_artists(api: Api) -> None:
    first = await approved_artist(api, "saraa@example.com")
    admin = first.admin
    second = await approved_artist(api, "bold@example.com", admin=admin)
    blue, red = await _studio(api, admin, "Blue Ink"), await _studio(api, admin, "Red Ink")
    draft = await create_profile(
        api, await api.register("draft@example.com", role="artist"), displayName="Draft"
    )
    await _place(api, admin, first.id, blue)
    await _place(api, admin, second.id, blue)
    await _place(api, admin, draft["id"], blue)
    suspended = await api.client.post(
        f"/api/v1/admin/artists/{second.id}/suspend", headers=api.bearer(admin)
    )
    assert suspended.status_code == 200, suspended.text

    listed = await api.client.get(STUDIOS, params={"pageSize": 1})
    assert listed.status_code == 200, listed.text
    body = listed.json()
    assert {k: body[k] for k in ("total", "totalExact", "page", "pageSize")} == {
        "total": 2, "totalExact": True, "page": 1, "pageSize": 1,
    }  # fmt: skip
    (shown,) = body["items"]
    assert shown["id"] == blue and shown["name"] == "Blue Ink"
    assert [m["id"] for m in shown["members"]] == [first.id]
    assert set(shown["members"][0]) == SUMMARY
    assert shown["members"][0]["displayName"] == "Ink Master"
    following = (await api.client.get(STUDIOS, params={"page": 2, "pageSize": 1})).json()
    assert [(s["id"], s["members"]) for s in following["items"]] == [(red, [])]

    one = await api.client.get(f"{STUDIOS}/{blue}")
    assert one.status_code == 200 and one.json()["members"] == shown["members"]


async def test_bad_pages_of_studios_are_422(api: Api) -> None:
    for params in ({"page": 0}, {"pageSize": 101}, {"page": "x"}):
        answer = await api.client.get(STUDIOS, params=params)
        assert answer.status_code in (400, 422), answer.text
