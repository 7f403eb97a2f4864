"""Portfolios over HTTP: an artist adds finished uploads, orders and describes them, removes
them; the public sees an approved artist's portfolio; everyone else is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.api.catalog_helpers import approved_artist, create_profile
from tests.api.conftest import Api
from tests.api.media.uploads import finished_upload, local_path

pytestmark = pytest.mark.anyio
PORTFOLIO = "/api/v1/portfolio"


async def test_an_artist_builds_a_portfolio_the_public_browses(api: Api) -> None:
    setup = await approved_artist(api)
    auth = api.bearer(setup.session)
    ids = []
    for n in range(3):
        api.clock.advance(timedelta(seconds=1))  # "oldest first" needs the items apart in time
        upload = await finished_upload(api, auth)
        body = {"uploadId": upload["id"], "description": f"piece {n}", "styleTags": ["blackwork"]}
        added = await api.client.post(PORTFOLIO, json=body, headers=auth)
        assert added.status_code == 201, added.text
        assert added.json()["position"] == n
        ids.append(added.json()["id"])
    moved = await api.client.patch(f"{PORTFOLIO}/{ids[2]}", json={"position": 0}, headers=auth)
    assert moved.status_code == 200
    public = await api.client.get(f"/api/v1/artists/{setup.id}/portfolio", params={"pageSize": 2})
    assert public.status_code == 200
    page = public.json()
    assert page["total"] == 3
    assert [i["id"] for i in page["items"]] == [ids[0], ids[2]]  # position 0: oldest first
    image = page["items"][0]["images"][0]
    assert (await api.client.get(local_path(image["url"]))).status_code == 200
    assert (await api.client.delete(f"{PORTFOLIO}/{ids[0]}", headers=auth)).status_code == 204
    assert (await api.client.get(local_path(image["url"]))).status_code == 404
    after = (await api.client.get(f"/api/v1/artists/{setup.id}/portfolio")).json()
    assert [i["id"] for i in after["items"]] == [ids[2], ids[1]]


async def test_an_upload_is_used_once_and_only_by_its_owner_for_a_portfolio(api: Api) -> None:
    setup = await approved_artist(api)
    auth = api.bearer(setup.session)
    upload = await finished_upload(api, auth)
    body = {"uploadId": upload["id"]}
    assert (await api.client.post(PORTFOLIO, json=body, headers=auth)).status_code == 201
    again = await api.client.post(PORTFOLIO, json=body, headers=auth)
    assert again.status_code == 422 and again.json()["code"] == "upload_not_ready"
    idea = await finished_upload(api, auth, purpose="idea")
    wrong = await api.client.post(PORTFOLIO, json={"uploadId": idea["id"]}, headers=auth)
    assert wrong.status_code == 422 and wrong.json()["code"] == "upload_not_ready"
    other = await approved_artist(api, "other@example.com", admin=setup.admin)
    theirs = await api.client.post(
        PORTFOLIO, json={"uploadId": idea["id"]}, headers=api.bearer(other.session)
    )
    assert theirs.status_code == 404 and theirs.json()["code"] == "upload_not_found"


async def test_who_may_change_and_who_may_see(api: Api) -> None:
    setup = await approved_artist(api)
    auth = api.bearer(setup.session)
    upload = await finished_upload(api, auth)
    item = (await api.client.post(PORTFOLIO, json={"uploadId": upload["id"]}, headers=auth)).json()
    customer = api.bearer(await api.register("cu@example.com"))
    refused = await api.client.post(PORTFOLIO, json={"uploadId": upload["id"]}, headers=customer)
    assert refused.status_code == 403
    other = api.bearer((await approved_artist(api, "o@example.com", admin=setup.admin)).session)
    for headers in (customer, other):
        change = await api.client.patch(
            f"{PORTFOLIO}/{item['id']}", json={"position": 5}, headers=headers
        )
        assert change.status_code == 403  # the portfolio is public: refused, not hidden
        assert (
            await api.client.delete(f"{PORTFOLIO}/{item['id']}", headers=headers)
        ).status_code == 403
    admin = api.bearer(setup.admin)
    by_admin = await api.client.patch(
        f"{PORTFOLIO}/{item['id']}", json={"description": "moderated"}, headers=admin
    )
    assert by_admin.status_code == 200 and by_admin.json()["description"] == "moderated"
    assert (await api.client.patch(f"{PORTFOLIO}/{item['id']}", json={})).status_code == 401


async def test_a_portfolio_of_an_artist_not_yet_approved_is_private(api: Api) -> None:
    session = await api.register("new@example.com", role="artist")
    profile = await create_profile(api, session)
    upload = await finished_upload(api, api.bearer(session))
    added = await api.client.post(
        PORTFOLIO, json={"uploadId": upload["id"]}, headers=api.bearer(session)
    )
    assert added.status_code == 201
    path = f"/api/v1/artists/{profile['id']}/portfolio"
    assert (await api.client.get(path)).status_code == 404
    assert (await api.client.get(path, headers=api.bearer(session))).json()["total"] == 1
    stranger = api.bearer(await api.register("s@example.com"))
    change = await api.client.patch(
        f"{PORTFOLIO}/{added.json()['id']}", json={"position": 1}, headers=stranger
    )
    assert change.status_code == 404 and change.json()["code"] == "portfolio_item_not_found"


@pytest.mark.parametrize(
    "body",
    [
        {"uploadId": "not-a-uuid"},
        {"uploadId": "018f0000-0000-7000-8000-000000000000", "styleTags": ["Not A Slug"]},
        {"uploadId": "018f0000-0000-7000-8000-000000000000", "description": "x" * 2001},
        {"uploadId": "018f0000-0000-7000-8000-000000000000", "styleTags": ["a"] * 11},
        {"uploadId": "018f0000-0000-7000-8000-000000000000", "description": "bad\u0000"},
    ],
)
async def test_bad_items_are_4xx(api: Api, body: dict[str, object]) -> None:
    setup = await approved_artist(api)
    answer = await api.client.post(PORTFOLIO, json=body, headers=api.bearer(setup.session))
    assert (
        400 <= answer.status_code < 500 and answer.status_code != 404
    ) or answer.status_code == 404
