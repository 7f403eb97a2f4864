"""Artist profiles, approval and suspension, and studios over HTTP."""

from __future__ import annotations

import pytest

from tests.api.catalog_helpers import approved_artist, create_profile
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio


async def test_an_artist_creates_one_draft_profile_only_they_and_admins_see(api: Api) -> None:
    artist = await api.register("artist@example.com", role="artist")
    profile = await create_profile(
        api, artist, styles=["Fine Line", "fine line", "Blackwork"], instagram="@ink.master"
    )
    assert profile["status"] == "draft" and profile["bookable"] is False
    assert profile["styles"] == ["fine line", "blackwork"] and profile["instagram"] == "ink.master"
    assert (
        profile["settings"]["slotStepMinutes"] == 30
        and profile["settings"]["minimumNoticeMinutes"] == 1440
    )
    again = await api.client.post(
        "/api/v1/artists",
        json={"displayName": "Again", "timeZone": "Africa/Abidjan"},
        headers=api.bearer(artist),
    )
    assert again.status_code == 409 and again.json()["code"] == "artist_profile_exists"

    url = f"/api/v1/artists/{profile['id']}"
    assert (await api.client.get(url)).status_code == 404
    customer = await api.register("c@example.com")
    assert (await api.client.get(url, headers=api.bearer(customer))).status_code == 404
    assert (await api.client.get(url, headers=api.bearer(artist))).status_code == 200
    assert (await api.client.get(url, headers=await _admin_headers(api))).status_code == 200
    assert (
        await api.client.get(url, headers={"Authorization": "Bearer nonsense"})
    ).status_code == 401


async def _admin_headers(api: Api) -> dict[str, str]:
    return api.bearer(await api.admin())


async def test_profile_creation_refusals(api: Api) -> None:
    customer = await api.register("c@example.com")
    refused = await api.client.post(
        "/api/v1/artists",
        json={"displayName": "X", "timeZone": "Africa/Abidjan"},
        headers=api.bearer(customer),
    )
    assert refused.status_code == 403
    artist = await api.register("artist@example.com", role="artist")
    bad = await api.client.post(
        "/api/v1/artists",
        json={"displayName": "", "timeZone": "Mars/Olympus", "instagram": "not a handle!"},
        headers=api.bearer(artist),
    )
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json()["errors"]} == {"displayName", "timeZone", "instagram"}
    off_earth = await api.client.post(
        "/api/v1/artists",
        json={"displayName": "X", "timeZone": "Africa/Abidjan", "location": {"lat": 91, "lng": 0}},
        headers=api.bearer(artist),
    )
    assert off_earth.status_code == 422 and off_earth.json()["errors"][0]["field"] == "location.lat"
    only_off_earth = await api.client.post(
        "/api/v1/artists", json={"location": {"lat": 100, "lng": 0}}, headers=api.bearer(artist)
    )  # a bad location is reported first, on its own, as it always was
    assert [e["field"] for e in only_off_earth.json()["errors"]] == ["location.lat"]
    missing = await api.client.post(
        "/api/v1/artists", json={"bio": "hi"}, headers=api.bearer(artist)
    )
    assert missing.status_code == 422
    assert {e["field"] for e in missing.json()["errors"]} == {"displayName", "timeZone"}
    unknown_studio = await api.client.post(
        "/api/v1/artists",
        json={
            "displayName": "X",
            "timeZone": "Africa/Abidjan",
            "studioId": "01890000-0000-7000-8000-000000000000",
        },
        headers=api.bearer(artist),
    )
    assert (
        unknown_studio.status_code == 422
        and unknown_studio.json()["errors"][0]["field"] == "studioId"
    )


async def test_submit_review_suspend_and_reinstate(api: Api) -> None:
    artist = await api.register("artist@example.com", role="artist")
    profile = await create_profile(api, artist)
    url = f"/api/v1/artists/{profile['id']}"
    admin = await api.admin()
    early = await api.client.patch(
        f"/api/v1/admin/artists/{profile['id']}/approval",
        json={"approved": True},
        headers=api.bearer(admin),
    )
    assert early.status_code == 409 and early.json()["code"] == "invalid_transition"

    assert (await api.client.post(url + "/submit", headers=api.bearer(artist))).json()[
        "status"
    ] == "pending"
    assert (await api.client.post(url + "/submit", headers=api.bearer(artist))).status_code == 409
    rejected = await api.client.patch(
        f"/api/v1/admin/artists/{profile['id']}/approval",
        json={"approved": False, "note": "Add portfolio"},
        headers=api.bearer(admin),
    )
    assert (
        rejected.json()["status"] == "rejected" and rejected.json()["reviewNote"] == "Add portfolio"
    )
    assert (await api.client.post(url + "/submit", headers=api.bearer(artist))).json()[
        "status"
    ] == "pending"
    customer = await api.register("c@example.com")
    not_admin = await api.client.patch(
        f"/api/v1/admin/artists/{profile['id']}/approval",
        json={"approved": True},
        headers=api.bearer(customer),
    )
    assert not_admin.status_code == 403
    approved = await api.client.patch(
        f"/api/v1/admin/artists/{profile['id']}/approval",
        json={"approved": True},
        headers=api.bearer(admin),
    )
    assert approved.json()["status"] == "approved" and approved.json()["bookable"] is True
    assert (await api.client.get(url)).status_code == 200

    suspended = await api.client.post(
        f"/api/v1/admin/artists/{profile['id']}/suspend", headers=api.bearer(admin)
    )
    assert suspended.json()["suspended"] is True
    assert (await api.client.get(url)).status_code == 404
    assert (
        await api.client.post(
            f"/api/v1/admin/artists/{profile['id']}/suspend", headers=api.bearer(admin)
        )
    ).status_code == 409
    await api.client.post(
        f"/api/v1/admin/artists/{profile['id']}/reinstate", headers=api.bearer(admin)
    )
    assert (await api.client.get(url)).status_code == 200
    stranger = await api.client.post(url + "/submit", headers=api.bearer(customer))
    assert stranger.status_code in (403, 404)


async def test_owner_and_admin_edit_strangers_cannot(api: Api) -> None:
    setup = await approved_artist(api)
    url = f"/api/v1/artists/{setup.id}"
    edited = await api.client.patch(
        url,
        json={"bio": "Fine line since 2015", "city": "Ulaanbaatar"},
        headers=api.bearer(setup.session),
    )
    assert edited.status_code == 200 and edited.json()["bio"] == "Fine line since 2015"
    other = await api.register("other@example.com", role="artist")
    assert (
        await api.client.patch(url, json={"bio": "mine now"}, headers=api.bearer(other))
    ).status_code == 403
    by_admin = await api.client.patch(
        url, json={"displayName": "Ink Master UB"}, headers=api.bearer(setup.admin)
    )
    assert by_admin.json()["displayName"] == "Ink Master UB"
    assert (await api.client.patch(url, json={"bio": "x"})).status_code == 401


async def test_studios(api: Api) -> None:
    artist = await api.register("artist@example.com", role="artist")
    studio = await api.client.post(
        "/api/v1/studios",
        json={
            "name": "Blue Ink",
            "address": "Peace Ave 12",
            "city": "Ulaanbaatar",
            "location": {"lat": 47.92, "lng": 106.92},
        },
        headers=api.bearer(artist),
    )
    assert studio.status_code == 201 and studio.json()["ownerUserId"] == artist["user"]["id"]
    url = f"/api/v1/studios/{studio.json()['id']}"
    assert (await api.client.get(url)).json()["name"] == "Blue Ink"
    other = await api.register("other@example.com", role="artist")
    assert (
        await api.client.patch(url, json={"name": "Mine"}, headers=api.bearer(other))
    ).status_code == 403
    renamed = await api.client.patch(
        url, json={"name": "Blue Ink Studio"}, headers=api.bearer(artist)
    )
    assert renamed.json()["name"] == "Blue Ink Studio"
    customer = await api.register("c@example.com")
    assert (
        await api.client.post(
            "/api/v1/studios",
            json={"name": "x", "address": "y", "city": "z"},
            headers=api.bearer(customer),
        )
    ).status_code == 403
    incomplete = await api.client.post(
        "/api/v1/studios", json={"name": "x"}, headers=api.bearer(artist)
    )
    assert incomplete.status_code == 422
    assert (
        await api.client.get("/api/v1/studios/01890000-0000-7000-8000-000000000000")
    ).status_code == 404
    profile = await create_profile(api, artist, studioId=studio.json()["id"])
    assert profile["studioId"] == studio.json()["id"]
