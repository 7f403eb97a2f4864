"""Aftercare settings, the messages after a session and free touch-ups over HTTP on real
PostgreSQL (docs/aftercare.md)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime, timedelta
from typing import Any

import pytest

from booking_domain.notifications import AFTERCARE, REVIEW_REQUEST, NotificationStatus
from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import PASSWORD, Api
from tests.api.notifications.delivery import deliver

pytestmark = pytest.mark.anyio
TEXT = "Wash gently twice a day.\nNo sun or swimming for two weeks."


def aftercare_path(desk: Desk) -> str:
    return f"/api/v1/artists/{desk.artist.id}/aftercare"


async def signed_in(api: Api, session: dict[str, Any]) -> dict[str, Any]:
    """The session signed in again (the clock moved past its access token)."""
    session.update((await api.login(session["user"]["email"])).json())
    return session


async def set_aftercare(desk: Desk, **body: Any) -> dict[str, Any]:
    choice = {
        "text": TEXT, "aftercareDelayMinutes": 0, "reviewDelayMinutes": 60,
        "touchUpDays": 30, **body,
    }  # fmt: skip
    response = await desk.api.client.put(
        aftercare_path(desk), json=choice, headers=desk.auth(desk.artist.session)
    )
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


async def completed(desk: Desk) -> str:
    booking_id = await desk.booked()
    desk.api.clock.set(datetime.fromisoformat(SLOT) + timedelta(hours=2))
    artist = await signed_in(desk.api, desk.artist.session)
    done = await desk.patch(booking_id, artist, status="completed")
    assert done.status_code == 200, done.text
    await signed_in(desk.api, desk.customer)
    return booking_id


async def test_the_owner_and_admins_set_the_aftercare_and_nobody_else_sees_it(api: Api) -> None:
    desk = await open_desk(api)
    path = aftercare_path(desk)
    defaults = await api.client.get(path, headers=desk.auth(desk.artist.session))
    assert defaults.json() == {
        "artistId": desk.artist.id, "text": "", "aftercareDelayMinutes": 0,
        "reviewDelayMinutes": 4320, "touchUpDays": 180, "updatedAt": None,
    }  # fmt: skip
    chosen = await set_aftercare(desk, text=f"  {TEXT}\n")
    assert chosen["text"] == TEXT and chosen["updatedAt"] is not None
    for stranger in (desk.customer, None):
        headers = desk.auth(stranger) if stranger else {}
        assert (await api.client.get(path, headers=headers)).status_code in (401, 404)
    admin = desk.admin
    as_admin = await api.client.get(path, headers=desk.auth(admin))
    assert as_admin.status_code == 200 and as_admin.json()["text"] == TEXT


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"text": "a\u0000b"}, "text"),
        ({"text": "x" * 4001}, "text"),
        ({"aftercareDelayMinutes": -1}, "aftercareDelayMinutes"),
        ({"reviewDelayMinutes": 43201}, "reviewDelayMinutes"),
        ({"touchUpDays": 731}, "touchUpDays"),
        ({"touchUpDays": 10**30}, "touchUpDays"),
    ],
)
async def test_bad_aftercare_settings_are_refused_and_change_nothing(
    api: Api, change: dict[str, Any], field: str
) -> None:
    desk = await open_desk(api)
    body = {
        "text": "ok", "aftercareDelayMinutes": 0, "reviewDelayMinutes": 0, "touchUpDays": 0,
        **change,
    }  # fmt: skip
    response = await api.client.put(
        aftercare_path(desk), json=body, headers=desk.auth(desk.artist.session)
    )
    assert response.status_code == 422, response.text
    assert field in response.text
    kept = await api.client.get(aftercare_path(desk), headers=desk.auth(desk.artist.session))
    assert kept.json()["updatedAt"] is None


async def test_completing_sends_the_aftercare_then_the_review_request(api: Api) -> None:
    desk = await open_desk(api)
    await set_aftercare(desk, aftercareDelayMinutes=0, reviewDelayMinutes=60)
    booking_id = await completed(desk)
    sent = [n for n in await deliver(api) if n.kind in (AFTERCARE, REVIEW_REQUEST)]
    assert {(n.kind, n.status) for n in sent} == {(AFTERCARE, NotificationStatus.SENT)}
    inbox = await api.client.get("/api/v1/me/notifications", headers=desk.auth(desk.customer))
    care = next(i for i in inbox.json()["items"] if i["kind"] == AFTERCARE)
    assert TEXT in care["body"] and care["bookingId"] == booking_id
    api.clock.advance(timedelta(hours=1))
    later = [n for n in await deliver(api) if n.kind == REVIEW_REQUEST]
    assert {n.status for n in later} == {NotificationStatus.SENT}
    customer = await signed_in(api, desk.customer)
    inbox = await api.client.get("/api/v1/me/notifications", headers=desk.auth(customer))
    review = next(i for i in inbox.json()["items"] if i["kind"] == REVIEW_REQUEST)
    assert f"/bookings/{booking_id}/review" in review["body"]


async def test_a_touch_up_is_free_linked_one_at_a_time_and_within_the_window(api: Api) -> None:
    desk = await open_desk(api)
    await set_aftercare(desk, touchUpDays=30)
    booking_id = await completed(desk)
    path = f"{BOOKINGS}/{booking_id}/touch-up"
    offer = await api.client.get(path, headers=desk.auth(desk.customer))
    assert offer.status_code == 200, offer.text
    assert offer.json() == {
        "bookingId": booking_id, "touchUpOf": None, "available": True,
        "bookableUntil": "2026-04-04T10:00:00Z", "reason": None, "touchUp": None,
    }  # fmt: skip
    slots = await api.client.get(
        f"{path}/slots", params={"from": "2026-04-01T00:00:00Z", "to": "2026-04-10T00:00:00Z"},
        headers=desk.auth(desk.customer),
    )  # fmt: skip
    assert slots.status_code == 200, slots.text
    starts = slots.json()["items"]
    assert starts and max(starts) <= "2026-04-03T16:00:00Z"  # Friday's last: the window ends
    late = await api.client.post(
        path, json={"start": "2026-04-06T10:00:00Z"}, headers=desk.auth(desk.customer)
    )
    assert late.status_code == 422 and late.json()["reason"] == "window_closed"
    made = await api.client.post(path, json={"start": starts[0]}, headers=desk.auth(desk.customer))
    assert made.status_code == 201, made.text
    touch_up = made.json()
    assert touch_up["touchUpOf"] == booking_id and touch_up["status"] == "confirmed"
    assert (touch_up["priceAmount"], touch_up["depositAmount"]) == (0, 0)
    again = await api.client.post(path, json={"start": starts[1]}, headers=desk.auth(desk.customer))
    assert again.status_code == 409 and again.json()["code"] == "touch_up_taken"
    seen = await api.client.get(path, headers=desk.auth(desk.artist.session))
    assert seen.json()["touchUp"]["id"] == touch_up["id"] and not seen.json()["available"]
    of_touch_up = await api.client.get(
        f"{BOOKINGS}/{touch_up['id']}/touch-up", headers=desk.auth(desk.customer)
    )
    assert of_touch_up.json()["reason"] == "is_touch_up"
    messages = [
        n for n in await deliver(api) if n.booking_id and str(n.booking_id) == touch_up["id"]
    ]
    assert messages, "the touch-up's confirmation is told"


async def test_strangers_get_404_and_admins_do_not_book_touch_ups(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await completed(desk)
    path = f"{BOOKINGS}/{booking_id}/touch-up"
    stranger = await desk.customer_named("Eve")
    for call in ("get", "post"):
        kwargs: dict[str, Any] = {"headers": desk.auth(stranger)}
        if call == "post":
            kwargs["json"] = {"start": "2026-03-10T10:00:00Z"}
        response = await getattr(api.client, call)(path, **kwargs)
        assert response.status_code == 404, response.text
    admin = await signed_in(api, desk.admin)
    refused = await api.client.post(
        path, json={"start": "2026-03-10T10:00:00Z"}, headers=desk.auth(admin)
    )
    assert refused.status_code == 403
    bad = await api.client.post(
        path, json={"start": "2026-03-10T10:00:00"}, headers=desk.auth(desk.customer)
    )
    assert bad.status_code in (400, 422)


async def test_the_export_holds_the_aftercare_and_deletion_forgets_it(api: Api) -> None:
    desk = await open_desk(api)
    await set_aftercare(desk)
    export = await api.client.get("/api/v1/me/export", headers=desk.auth(desk.artist.session))
    with zipfile.ZipFile(io.BytesIO(export.content)) as archive:
        artist = json.loads(archive.read("artist.json"))
    assert artist[0]["aftercare"]["text"] == TEXT
    deleted = await api.client.request(
        "DELETE", "/api/v1/me", json={"password": PASSWORD}, headers=desk.auth(desk.artist.session)
    )
    assert deleted.status_code == 204, deleted.text
    shown = await api.client.get(aftercare_path(desk), headers=desk.auth(desk.admin))
    assert shown.json()["text"] == "" and shown.json()["updatedAt"] is None
