"""An artist's avatar and cover over HTTP: set from an upload of that purpose, shown on the
profile with public URLs, replaced (the old images go) and cleared; others are refused."""

from __future__ import annotations

import pytest

from tests.api.catalog_helpers import approved_artist
from tests.api.conftest import Api
from tests.api.media.uploads import finished_upload, local_path

pytestmark = pytest.mark.anyio


async def test_an_artist_sets_replaces_and_clears_the_avatar(api: Api) -> None:
    setup = await approved_artist(api)
    auth = api.bearer(setup.session)
    avatar = f"/api/v1/artists/{setup.id}/avatar"
    first = await finished_upload(api, auth, purpose="avatar")
    set_ = await api.client.put(avatar, json={"uploadId": first["id"]}, headers=auth)
    assert set_.status_code == 200, set_.text
    public = (await api.client.get(f"/api/v1/artists/{setup.id}")).json()
    assert public["cover"] == []
    old_url = next(i["url"] for i in public["avatar"] if i["name"] == "small")
    assert (await api.client.get(local_path(old_url))).status_code == 200
    second = await finished_upload(api, auth, purpose="avatar")
    replaced = await api.client.put(avatar, json={"uploadId": second["id"]}, headers=auth)
    new_url = next(i["url"] for i in replaced.json()["avatar"] if i["name"] == "small")
    assert new_url != old_url
    assert (await api.client.get(local_path(old_url))).status_code == 404
    cleared = await api.client.put(avatar, json={"uploadId": None}, headers=auth)
    assert cleared.status_code == 200 and cleared.json()["avatar"] == []
    assert (await api.client.get(local_path(new_url))).status_code == 404


async def test_the_upload_must_be_the_callers_own_and_of_the_right_purpose(api: Api) -> None:
    setup = await approved_artist(api)
    auth = api.bearer(setup.session)
    portfolio = await finished_upload(api, auth, purpose="portfolio")
    cover = f"/api/v1/artists/{setup.id}/cover"
    wrong = await api.client.put(cover, json={"uploadId": portfolio["id"]}, headers=auth)
    assert wrong.status_code == 422 and wrong.json()["code"] == "upload_not_ready"
    stranger = api.bearer(await api.register("s@example.com", role="artist"))
    theirs = await finished_upload(api, stranger, purpose="cover")
    refused = await api.client.put(cover, json={"uploadId": theirs["id"]}, headers=stranger)
    assert refused.status_code == 403  # a public profile: refused, not hidden
    mine = await finished_upload(api, auth, purpose="cover")
    not_theirs = await api.client.put(cover, json={"uploadId": mine["id"]}, headers=stranger)
    assert not_theirs.status_code == 403
    assert (await api.client.put(cover, json={"uploadId": None})).status_code == 401
    admin = api.bearer(setup.admin)
    admins_own = await finished_upload(api, admin, purpose="cover")
    by_admin = await api.client.put(cover, json={"uploadId": admins_own["id"]}, headers=admin)
    assert by_admin.status_code == 200 and len(by_admin.json()["cover"]) == 2


async def test_an_admin_never_sets_an_avatar_from_another_users_upload(api: Api) -> None:
    setup = await approved_artist(api)
    artists_own = await finished_upload(api, api.bearer(setup.session), purpose="avatar")
    admin = api.bearer(setup.admin)
    avatar = f"/api/v1/artists/{setup.id}/avatar"
    refused = await api.client.put(avatar, json={"uploadId": artists_own["id"]}, headers=admin)
    assert refused.status_code == 422 and refused.json()["code"] == "upload_not_ready"
    assert (await api.client.get(f"/api/v1/artists/{setup.id}")).json()["avatar"] == []
    state = await api.client.get(f"/api/v1/uploads/{artists_own['id']}", headers=admin)
    assert state.json()["status"] == "ready"  # not consumed: the artist may still use it
