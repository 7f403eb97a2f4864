"""Tattoo requests over HTTP on real PostgreSQL: a customer sends one with a reference
picture, the artist finds it first in their queue, accepts it with a message, the two talk
in its thread, each step tells the other party in their inbox; strangers get 404, wrong
parties 403, closed requests 409, broken rules 422 with stable codes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.media.uploads import finished_upload, local_path
from tests.api.notifications.delivery import deliver

pytestmark = pytest.mark.anyio
REQUESTS = "/api/v1/requests"
APP = "http://localhost:5173"


def a_request(desk: Desk, **changes: Any) -> dict[str, Any]:
    return {
        "artistId": desk.artist.id,
        "idea": "A fox curled around the wrist, fine line",
        "placement": {"area": "forearm", "text": "inner, near the wrist"},
        "sizeCm": 12,
        "colour": "black_and_grey",
        "budget": {"min": 150_000, "max": 300_000, "currency": "MNT"},
        "preferredDates": ["2026-03-10", "2026-03-12"],
        "firstTattoo": True,
        "ageConfirmed": True,
        **changes,
    }


async def send(desk: Desk, session: dict[str, Any] | None = None, **changes: Any) -> Any:
    body = a_request(desk, **changes)
    return await desk.api.client.post(
        REQUESTS, json=body, headers=desk.auth(session or desk.customer)
    )


def problem(response: Any) -> tuple[int, str]:
    return response.status_code, response.json()["code"]


async def post(api: Api, url: str, body: dict[str, Any], who: dict[str, str]) -> tuple[int, str]:
    """A POST that is refused: its status and problem code."""
    return problem(await api.client.post(url, json=body, headers=who))


NOT_YOURS = (403, "request_action_not_allowed")


async def test_a_request_from_sending_through_the_queue_to_acceptance_and_its_thread(
    api: Api,
) -> None:
    desk = await open_desk(api)
    customer, artist = desk.auth(desk.customer), desk.auth(desk.artist.session)
    picture = await finished_upload(api, customer, purpose="idea")
    # Its own moment, after the artist's approval: the inbox orders by time-ordered ids.
    api.clock.advance(timedelta(minutes=1))
    sent = await send(desk, uploadIds=[picture["id"]])
    assert sent.status_code == 201, sent.text
    body = sent.json()
    request = body["request"]
    assert (request["status"], request["turn"], body["viewerRole"]) == (
        "open",
        "artist",
        "customer",
    )
    assert request["budget"] == {"min": 150_000, "max": 300_000, "currency": "MNT"}
    assert request["preferredDates"] == ["2026-03-10", "2026-03-12"]
    (image,) = [v for v in body["images"][0]["variants"] if v["name"] == "small"]
    assert (await api.client.get(local_path(image["url"]))).status_code == 200
    path = f"{REQUESTS}/{request['id']}"

    queue = await api.client.get("/api/v1/me/request-queue", headers=artist)
    assert queue.status_code == 200, queue.text
    assert [(r["id"], r["turn"]) for r in queue.json()["items"]] == [(request["id"], "artist")]
    seen = await api.client.get(path, headers=artist)
    assert (seen.status_code, seen.json()["viewerRole"]) == (200, "artist")

    api.clock.advance(timedelta(minutes=1))  # each step its own moment: the inbox's order
    accepted = await api.client.post(
        f"{path}/accept", json={"message": "Love it. 12 cm works."}, headers=artist
    )
    assert accepted.status_code == 200, accepted.text
    assert (accepted.json()["status"], accepted.json()["turn"]) == ("accepted", "customer")
    api.clock.advance(timedelta(minutes=1))
    said = await api.client.post(
        f"{path}/messages", json={"text": "Great! Which day suits you?"}, headers=customer
    )
    assert said.status_code == 201, said.text
    thread = await api.client.get(f"{path}/messages?pageSize=10", headers=artist)
    assert thread.status_code == 200, thread.text
    assert [(m["authorRole"], m["text"]) for m in thread.json()["items"]] == [
        ("artist", "Love it. 12 cm works."), ("customer", "Great! Which day suits you?"),
    ]  # fmt: skip
    mine = await api.client.get("/api/v1/me/requests", headers=customer)
    assert [r["status"] for r in mine.json()["items"]] == ["accepted"]

    await deliver(api)
    inbox = await api.client.get("/api/v1/me/notifications", headers=artist)
    titles = [n["title"] for n in inbox.json()["items"]]
    assert titles[:2] == ["New message from Ada", "New tattoo request from Ada"]
    assert inbox.json()["items"][0]["link"].endswith(f"/requests/{request['id']}")
    told = await api.client.get("/api/v1/me/notifications", headers=customer)
    assert [n["title"] for n in told.json()["items"]] == ["Ink Master accepted your tattoo request"]


async def test_strangers_find_nothing_and_each_party_only_takes_their_own_steps(api: Api) -> None:
    desk = await open_desk(api)
    customer, artist = desk.auth(desk.customer), desk.auth(desk.artist.session)
    request_id = (await send(desk)).json()["request"]["id"]
    path = f"{REQUESTS}/{request_id}"
    stranger = desk.auth(await desk.customer_named("Eve"))
    for method, url, body in (
        ("GET", path, None),
        ("GET", f"{path}/messages", None),
        ("POST", f"{path}/messages", {"text": "hi"}),
        ("POST", f"{path}/withdraw", {}),
        ("POST", f"{path}/accept", {"message": "ok"}),
    ):
        answer = await api.client.request(method, url, json=body, headers=stranger)
        assert problem(answer) == (404, "request_not_found"), (method, url)

    assert await post(api, f"{path}/accept", {"message": "mine"}, customer) == NOT_YOURS
    assert problem(await api.client.post(f"{path}/withdraw", json={}, headers=artist)) == (
        403, "request_action_not_allowed",
    )  # fmt: skip
    admin = desk.auth(desk.admin)
    assert (await api.client.get(path, headers=admin)).json()["viewerRole"] == "admin"
    assert await post(api, f"{path}/messages", {"text": "x"}, admin) == NOT_YOURS
    assert problem(await api.client.get("/api/v1/me/request-queue", headers=customer)) == (
        403, "request_action_not_allowed",
    )  # fmt: skip

    declined = await api.client.post(
        f"{path}/decline", json={"message": "Not my style, sorry."}, headers=artist
    )
    assert declined.json()["status"] == "declined"
    assert problem(await api.client.post(f"{path}/withdraw", json={}, headers=customer)) == (
        409, "request_not_open",
    )  # fmt: skip
    closed = await post(api, f"{path}/messages", {"text": "Please?"}, customer)
    assert closed == (409, "request_closed")
    assert (await api.client.get("/api/v1/me/request-queue", headers=artist)).json()["total"] == 0


async def test_refusals_name_the_rule(api: Api) -> None:
    desk = await open_desk(api)
    assert problem(await send(desk, ageConfirmed=False)) == (422, "age_not_confirmed")
    assert problem(await send(desk, session=desk.artist.session)) == (
        403, "request_action_not_allowed",
    )  # fmt: skip
    upside_down = await send(desk, budget={"min": 300_000, "max": 100})
    assert problem(upside_down) == (422, "invalid_request")
    assert [e["code"] for e in upside_down.json()["errors"]] == ["budget_range"]
    past = await send(desk, preferredDates=["2026-03-01"])  # the clock says 2 March
    assert problem(past) == (422, "invalid_request")
    assert problem(await send(desk, idea="fox\u0000")) == (422, "invalid_request")
    assert problem(await send(desk, placement={"area": "elbow"}))[0] == 422
    assert problem(await send(desk, artistId="00000000-0000-7000-8000-000000000000")) == (
        404, "artist_not_found",
    )  # fmt: skip
    mine = await api.client.get("/api/v1/me/requests", headers=desk.auth(desk.customer))
    assert mine.json()["total"] == 0
