"""Reviews over HTTP on real PostgreSQL: a completed booking's customer reviews it once,
edits it for 7 days, the artist replies once, admins hide and restore; the artist's
rating on the profile follows the visible reviews."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.notifications.delivery import deliver

pytestmark = pytest.mark.anyio


async def completed(desk: Desk) -> str:
    booking_id = await desk.booked()
    desk.api.clock.set(datetime.fromisoformat(SLOT) + timedelta(hours=2))
    artist = (await desk.api.login(desk.artist.session["user"]["email"])).json()
    desk.artist.session.update(artist)
    done = await desk.patch(booking_id, artist, status="completed")
    assert done.status_code == 200, done.text
    return booking_id


async def fresh(api: Api, session: dict[str, Any]) -> dict[str, Any]:
    """The session signed in again (the clock moved past its access token)."""
    renewed = (await api.login(session["user"]["email"])).json()
    session.update(renewed)
    return session


async def test_review_reply_edit_window_and_the_rating_on_the_profile(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await completed(desk)
    customer = await fresh(api, desk.customer)
    path = f"/api/v1/bookings/{booking_id}/review"
    early = await api.client.post(path, json={"rating": 6}, headers=desk.auth(customer))
    assert early.status_code == 422
    made = await api.client.post(
        path, json={"rating": 4, "text": "Fine lines, kind artist."}, headers=desk.auth(customer)
    )
    assert made.status_code == 201, made.text
    review = made.json()
    again = await api.client.post(path, json={"rating": 5}, headers=desk.auth(customer))
    assert again.status_code == 409 and again.json()["code"] == "review_exists"
    by_artist = await api.client.post(
        path, json={"rating": 5}, headers=desk.auth(desk.artist.session)
    )
    assert by_artist.status_code == 422 and by_artist.json()["code"] == "review_not_allowed"

    profile = (await api.client.get(f"/api/v1/artists/{desk.artist.id}")).json()
    assert (profile["rating"], profile["reviewCount"]) == (4.0, 1)
    reply = await api.client.post(
        f"/api/v1/reviews/{review['id']}/reply", json={"text": "Thank you!"},
        headers=desk.auth(desk.artist.session),
    )  # fmt: skip
    assert reply.status_code == 200 and reply.json()["reply"]["text"] == "Thank you!"
    twice = await api.client.post(
        f"/api/v1/reviews/{review['id']}/reply", json={"text": "Again"},
        headers=desk.auth(desk.artist.session),
    )  # fmt: skip
    assert twice.status_code == 409 and twice.json()["code"] == "reply_exists"

    edited = await api.client.patch(
        f"/api/v1/reviews/{review['id']}", json={"rating": 5}, headers=desk.auth(customer)
    )
    assert edited.status_code == 200 and edited.json()["rating"] == 5
    api.clock.advance(timedelta(days=8))
    customer = await fresh(api, customer)
    late = await api.client.patch(
        f"/api/v1/reviews/{review['id']}", json={"rating": 1}, headers=desk.auth(customer)
    )
    assert late.status_code == 422 and late.json()["code"] == "review_edit_closed"
    listed = (await api.client.get(f"/api/v1/artists/{desk.artist.id}/reviews")).json()
    assert [r["rating"] for r in listed["items"]] == [5] and listed["total"] == 1
    assert [r["reviewerName"] for r in listed["items"]] == ["Ada"]  # a one-word name, whole
    assert "reviewerName" not in edited.json()  # only lists sign with it
    profile = (await api.client.get(f"/api/v1/artists/{desk.artist.id}")).json()
    assert (profile["rating"], profile["reviewCount"]) == (5.0, 1)
    await deliver(api)  # the artist hears of the review, the customer of the reply
    artist = await fresh(api, desk.artist.session)
    heard = await api.client.get("/api/v1/me/notifications", headers=desk.auth(artist))
    reference = (await desk.get(f"/{booking_id}", customer)).json()["reference"]
    titles = [i["title"] for i in heard.json()["items"]]
    assert f"New review of booking {reference}" in titles
    told = await api.client.get("/api/v1/me/notifications", headers=desk.auth(customer))
    assert "Ink Master replied to your review" in [i["title"] for i in told.json()["items"]]


async def test_admins_hide_and_restore_and_hidden_reviews_do_not_count(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await completed(desk)
    customer = await fresh(api, desk.customer)
    made = await api.client.post(
        f"/api/v1/bookings/{booking_id}/review", json={"rating": 2, "text": "Late start."},
        headers=desk.auth(customer),
    )  # fmt: skip
    review_id = made.json()["id"]
    admin = await fresh(api, desk.admin)
    hide = f"/api/v1/admin/reviews/{review_id}/hide"
    refused = await api.client.post(hide, json={"reason": "x"}, headers=desk.auth(customer))
    assert refused.status_code == 403
    no_reason = await api.client.post(hide, json={"reason": " "}, headers=desk.auth(admin))
    assert no_reason.status_code == 422
    hidden = await api.client.post(
        hide, json={"reason": "Names a staff member"}, headers=desk.auth(admin)
    )
    assert hidden.status_code == 200 and hidden.json()["hiddenReason"] == "Names a staff member"
    public = (await api.client.get(f"/api/v1/artists/{desk.artist.id}/reviews")).json()
    assert public["total"] == 0
    assert (await api.client.get(f"/api/v1/reviews/{review_id}")).status_code == 404
    own = await api.client.get(f"/api/v1/reviews/{review_id}", headers=desk.auth(customer))
    assert own.status_code == 200 and own.json()["hidden"] is True
    profile = (await api.client.get(f"/api/v1/artists/{desk.artist.id}")).json()
    assert (profile["rating"], profile["reviewCount"]) == (None, 0)
    restored = await api.client.post(
        f"/api/v1/admin/reviews/{review_id}/restore", headers=desk.auth(admin)
    )
    assert restored.status_code == 200 and restored.json()["hidden"] is False
    sorted_best = await api.client.get(
        f"/api/v1/artists/{desk.artist.id}/reviews", params={"sort": "rating"}
    )
    assert sorted_best.json()["total"] == 1
    bad_sort = await api.client.get(
        f"/api/v1/artists/{desk.artist.id}/reviews", params={"sort": "loudest"}
    )
    assert bad_sort.status_code in (400, 422)
