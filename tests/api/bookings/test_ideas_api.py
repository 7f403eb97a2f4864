"""Ideas on a booking over HTTP: the parties add them (with a private image or without),
the other party hears of it, strangers learn nothing, only the author or an admin changes
one, and a closed booking takes no more."""

from __future__ import annotations

import pytest

from tests.api.booking_helpers import BOOKINGS, open_desk
from tests.api.conftest import Api
from tests.api.media.uploads import finished_upload, local_path

pytestmark = pytest.mark.anyio


async def test_a_customer_shares_an_idea_with_an_image_only_the_parties_see(api: Api) -> None:
    desk = await open_desk(api)
    booking = await desk.booked()
    customer = desk.auth(desk.customer)
    upload = await finished_upload(api, customer, purpose="idea")
    body = {"description": "A koi around the wrist", "uploadId": upload["id"]}
    added = await api.client.post(f"{BOOKINGS}/{booking}/ideas", json=body, headers=customer)
    assert added.status_code == 201, added.text
    idea = added.json()
    assert idea["description"] == "A koi around the wrist"
    image = next(i for i in idea["images"] if i["name"] == "large")
    assert "/_storage/uploads/private/" in image["url"]
    assert (await api.client.get(local_path(image["url"]))).status_code == 200
    artist = desk.auth(desk.artist.session)
    seen = await api.client.get(f"{BOOKINGS}/{booking}/ideas", headers=artist)
    assert [i["id"] for i in seen.json()["items"]] == [idea["id"]]
    assert (seen.json()["total"], seen.json()["page"], seen.json()["pageSize"]) == (1, 1, 20)
    trail = (await api.client.get(f"{BOOKINGS}/{booking}/events", headers=artist)).json()
    assert trail["items"][-1]["kind"] == "idea_added"
    stranger = desk.auth(await desk.customer_named("Eve"))
    hidden = await api.client.get(f"{BOOKINGS}/{booking}/ideas", headers=stranger)
    assert hidden.status_code == 404
    for call in (
        api.client.patch(
            f"/api/v1/ideas/{idea['id']}", json={"description": "x"}, headers=stranger
        ),
        api.client.delete(f"/api/v1/ideas/{idea['id']}", headers=stranger),
    ):
        answer = await call
        assert answer.status_code == 404 and answer.json()["code"] == "idea_not_found"
    admin = desk.auth(desk.admin)
    assert (
        len((await api.client.get(f"{BOOKINGS}/{booking}/ideas", headers=admin)).json()["items"])
        == 1
    )


async def test_only_the_author_or_an_admin_changes_or_removes_an_idea(api: Api) -> None:
    desk = await open_desk(api)
    booking = await desk.booked()
    artist = desk.auth(desk.artist.session)
    made = await api.client.post(
        f"{BOOKINGS}/{booking}/ideas", json={"description": "Linework first"}, headers=artist
    )
    assert made.status_code == 201
    idea = f"/api/v1/ideas/{made.json()['id']}"
    customer = desk.auth(desk.customer)
    refused = await api.client.patch(idea, json={"description": "mine now"}, headers=customer)
    assert refused.status_code == 403
    assert (await api.client.delete(idea, headers=customer)).status_code == 403
    changed = await api.client.patch(
        idea, json={"description": "Linework, then shading"}, headers=artist
    )
    assert changed.status_code == 200 and changed.json()["description"] == "Linework, then shading"
    assert (await api.client.delete(idea, headers=desk.auth(desk.admin))).status_code == 204
    assert (await api.client.get(f"{BOOKINGS}/{booking}/ideas", headers=artist)).json()[
        "items"
    ] == []


async def test_admins_read_but_do_not_add_and_closed_bookings_take_no_more(api: Api) -> None:
    desk = await open_desk(api)
    booking = await desk.booked()
    path = f"{BOOKINGS}/{booking}/ideas"
    by_admin = await api.client.post(path, json={"description": "x"}, headers=desk.auth(desk.admin))
    assert by_admin.status_code == 403
    cancelled = await desk.patch(
        booking, desk.customer, status="cancelled", reason="changed my mind"
    )
    assert cancelled.status_code == 200, cancelled.text
    late = await api.client.post(
        path, json={"description": "too late"}, headers=desk.auth(desk.customer)
    )
    assert late.status_code == 409


async def test_an_image_must_be_the_authors_own_idea_upload_used_once(api: Api) -> None:
    desk = await open_desk(api)
    booking = await desk.booked()
    customer = desk.auth(desk.customer)
    artist = desk.auth(desk.artist.session)
    path = f"{BOOKINGS}/{booking}/ideas"
    portfolio_upload = await finished_upload(api, customer, purpose="evidence")
    wrong = await api.client.post(
        path, json={"description": "x", "uploadId": portfolio_upload["id"]}, headers=customer
    )
    assert wrong.status_code == 422 and wrong.json()["code"] == "upload_not_ready"
    upload = await finished_upload(api, customer, purpose="idea")
    theirs = await api.client.post(
        path, json={"description": "x", "uploadId": upload["id"]}, headers=artist
    )
    assert theirs.status_code == 404 and theirs.json()["code"] == "upload_not_found"
    body = {"description": "x", "uploadId": upload["id"]}
    assert (await api.client.post(path, json=body, headers=customer)).status_code == 201
    again = await api.client.post(path, json=body, headers=customer)
    assert again.status_code == 422 and again.json()["code"] == "upload_not_ready"


@pytest.mark.parametrize(
    "body", [{}, {"description": ""}, {"description": "x" * 2001}, {"description": "nul\u0000"}]
)
async def test_bad_ideas_are_refused(api: Api, body: dict[str, object]) -> None:
    desk = await open_desk(api)
    booking = await desk.booked()
    answer = await api.client.post(
        f"{BOOKINGS}/{booking}/ideas", json=body, headers=desk.auth(desk.customer)
    )
    assert answer.status_code in (400, 422), answer.text
