"""``POST/GET /api/v1/bookings`` and ``GET /api/v1/bookings/{id}`` over HTTP on PostgreSQL:
outcomes, every refusal with its status and code, idempotent replays, roles, pagination."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio


async def test_a_plain_service_is_confirmed_at_once(api: Api) -> None:
    desk = await open_desk(api)
    response = await desk.book("2026-03-05T18:00:00+08:00", notes="a fine-line rose")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["paymentStatus"] == "unpaid"
    assert (body["start"], body["end"]) == (SLOT, "2026-03-05T11:00:00Z")
    assert body["holdExpiresAt"] is None
    assert body["waitingFor"] == []
    assert (body["depositAmount"], body["currency"]) == (0, "MNT")
    assert body["reference"].startswith("INK-")
    assert body["notes"] == "a fine-line rose"
    assert body["artistId"] == desk.artist.id
    assert body["customerId"] == desk.customer["user"]["id"]
    assert "Idempotent-Replayed" not in response.headers


async def test_a_deposit_holds_the_slot_pending_payment(api: Api) -> None:
    desk = await open_desk(api, service={"deposit": {"amount": 30_000}})
    body = (await desk.book()).json()
    assert body["status"] == "pending"
    assert body["holdExpiresAt"] == "2026-03-02T10:15:00Z"
    assert body["depositAmount"] == 30_000
    assert body["waitingFor"] == ["deposit"]  # the pay-by time is the hold's end


async def test_a_taken_time_is_a_409_slot_taken(api: Api) -> None:
    desk = await open_desk(api)
    await desk.booked()
    other = await desk.customer_named("bob")
    response = await desk.book("2026-03-05T10:30:00Z", other)
    assert response.status_code == 409
    assert response.json()["code"] == "slot_taken"
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("start", "reason"),
    [
        ("2026-03-03T09:00:00Z", "too_soon"),
        ("2026-03-05T18:00:00Z", "outside_availability"),
        ("2026-07-02T10:00:00Z", "beyond_horizon"),
        ("2026-03-05T10:10:00Z", "off_grid"),
    ],
)
async def test_an_unbookable_start_is_a_422_with_its_reason(
    api: Api, start: str, reason: str
) -> None:
    desk = await open_desk(api)
    response = await desk.book(start)
    assert response.status_code == 422, response.text
    assert (response.json()["code"], response.json()["reason"]) == ("not_bookable", reason)


async def test_the_daily_cap_is_a_reason(api: Api) -> None:
    desk = await open_desk(api, settings={"dailyCap": 1})
    await desk.booked()
    response = await desk.book("2026-03-05T13:00:00Z")
    assert (response.status_code, response.json()["reason"]) == (422, "daily_cap")


async def test_an_artist_who_takes_no_bookings_is_a_422(api: Api) -> None:
    desk = await open_desk(api)
    suspended = await api.client.post(
        f"/api/v1/admin/artists/{desk.artist.id}/suspend", headers=desk.auth(desk.admin)
    )
    assert suspended.status_code == 200, suspended.text
    response = await desk.book()
    assert response.status_code == 422
    assert (response.json()["code"], response.json()["reason"]) == (
        "artist_not_bookable",
        "artist_not_bookable",
    )
    unknown = await desk.book(serviceId="018f0000-0000-7000-8000-000000000000")
    assert (unknown.status_code, unknown.json()["code"]) == (422, "artist_not_bookable")


async def test_authentication_and_role(api: Api) -> None:
    desk = await open_desk(api)
    body = {"artistId": desk.artist.id, "serviceId": desk.artist.service["id"], "start": SLOT}
    assert (await api.client.post(BOOKINGS, json=body)).status_code == 401
    for session in (desk.artist.session, desk.admin):
        response = await desk.book(SLOT, session)
        assert (response.status_code, response.json()["code"]) == (
            403,
            "booking_action_not_allowed",
        )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"start": "2026-03-05T10:00:00"}, "start"),  # no offset: never guessed
        ({"start": "tomorrow"}, "start"),
        ({"artistId": "not-a-uuid"}, "artistId"),
        ({"notes": "x" * 2001}, "notes"),
        ({"colour": "red"}, "colour"),
    ],
)
async def test_malformed_bodies_are_422_with_the_field(
    api: Api, change: dict[str, Any], field: str
) -> None:
    desk = await open_desk(api)
    response = await desk.book(**change)
    assert response.status_code == 422, response.text
    assert field in [e["field"] for e in response.json()["errors"]]


async def test_unparseable_json_is_a_400(api: Api) -> None:
    desk = await open_desk(api)
    response = await api.client.post(
        BOOKINGS,
        content=b"{nope",
        headers={**desk.auth(desk.customer), "content-type": "application/json"},
    )
    assert response.status_code == 400


async def test_a_retried_post_with_its_key_returns_the_first_booking(api: Api) -> None:
    desk = await open_desk(api)
    first = await desk.book(key="retry-7f3a")
    again = await desk.book(key="retry-7f3a")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    listed = await desk.get("", desk.customer)
    assert listed.json()["total"] == 1
    reused = await desk.book("2026-03-05T13:00:00Z", key="retry-7f3a")
    assert (reused.status_code, reused.json()["code"]) == (422, "idempotency_key_reused")
    bad = await desk.book(key="x" * 201)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "Idempotency-Key"


async def test_a_key_is_remembered_for_a_day(api: Api) -> None:
    desk = await open_desk(api)
    first = (await desk.book(key="daily")).json()
    api.clock.advance(timedelta(hours=24))
    signed_in = await api.login(desk.customer["user"]["email"])
    later = await desk.book("2026-03-05T13:00:00Z", signed_in.json(), key="daily")
    assert later.status_code == 201
    assert later.json()["id"] != first["id"]


async def test_parties_and_admins_read_a_booking_strangers_get_404(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    for session in (desk.customer, desk.artist.session, desk.admin):
        response = await desk.get(f"/{booking_id}", session)
        assert (response.status_code, response.json()["id"]) == (200, booking_id)
    stranger = await desk.customer_named("eve")
    other_artist = (await open_desk(api, admin=desk.admin)).artist.session
    for session in (stranger, other_artist):
        response = await desk.get(f"/{booking_id}", session)
        assert (response.status_code, response.json()["code"]) == (404, "booking_not_found")
    missing = await desk.get("/018f0000-0000-7000-8000-000000000000", desk.admin)
    assert missing.status_code == 404
    assert (await desk.get("/not-a-uuid", desk.admin)).status_code in (400, 404)
    assert (await desk.get(f"/{booking_id}", None)).status_code == 401


async def test_lists_are_role_sensitive_filtered_and_paginated(api: Api) -> None:
    desk = await open_desk(api)
    bob = await desk.customer_named("bob")
    ada_ids = [await desk.booked(f"2026-03-0{day}T10:00:00Z") for day in (4, 5, 6)]
    bob_id = await desk.booked("2026-03-05T14:00:00Z", bob)
    cancelled = await desk.patch(ada_ids[0], desk.customer, status="cancelled")
    assert cancelled.status_code == 200, cancelled.text

    async def ids(session: dict[str, Any], **params: Any) -> list[str]:
        response = await desk.get("", session, **params)
        assert response.status_code == 200, response.text
        return [item["id"] for item in response.json()["items"]]

    assert await ids(desk.customer) == ada_ids[::-1]
    assert await ids(bob) == [bob_id]
    assert set(await ids(desk.artist.session)) == {*ada_ids, bob_id}
    assert len(await ids(desk.admin)) == 4
    assert await ids((await open_desk(api, admin=desk.admin)).artist.session) == []
    assert await ids(desk.customer, status="cancelled") == [ada_ids[0]]
    assert await ids(desk.admin, status=["cancelled", "confirmed"], **{
        "from": "2026-03-05T00:00:00Z", "to": "2026-03-05T12:00:00+00:00"
    }) == [ada_ids[1]]  # fmt: skip
    page = (await desk.get("", desk.admin, page=2, pageSize=3)).json()
    assert (len(page["items"]), page["total"], page["page"], page["pageSize"]) == (1, 4, 2, 3)


async def test_the_list_and_a_booking_name_the_customer_and_the_service(api: Api) -> None:
    """In the same query as the list; the customer's name to the booking's parties and
    admins, a stranger never reads the booking at all."""
    desk = await open_desk(api)
    bob = await desk.customer_named("Bob")
    ada_id = await desk.booked("2026-03-04T10:00:00Z")
    bob_id = await desk.booked("2026-03-05T10:00:00Z", bob)

    def names(view: dict[str, Any]) -> tuple[str, str | None, str | None]:
        return view["id"], view.get("customerName"), view.get("serviceName")

    listed = (await desk.get("", desk.artist.session)).json()["items"]
    assert [names(v) for v in listed] == [
        (bob_id, "Bob", "Small tattoo"), (ada_id, "Ada", "Small tattoo")
    ]  # fmt: skip
    for session, booking_id, name in [
        (desk.artist.session, ada_id, "Ada"), (desk.customer, ada_id, "Ada"), (bob, bob_id, "Bob")
    ]:  # fmt: skip
        read = (await desk.get(f"/{booking_id}", session)).json()
        assert names(read) == (booking_id, name, "Small tattoo")
    assert [names(v) for v in (await desk.get("", bob)).json()["items"]] == [
        (bob_id, "Bob", "Small tattoo")
    ]
    stranger = await desk.customer_named("eve")
    refused = await desk.get(f"/{ada_id}", stranger)
    assert refused.status_code == 404 and "Ada" not in refused.text
    assert (await desk.get("", stranger)).json()["items"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"status": "lost"},
        {"pageSize": 101},
        {"page": 0},
        {"from": "2026-03-05T00:00:00"},
        {"to": "soon"},
    ],
)
async def test_bad_list_queries_are_4xx(api: Api, params: dict[str, Any]) -> None:
    desk = await open_desk(api)
    response = await desk.get("", desk.customer, **params)
    assert response.status_code in (400, 422), response.text
    assert (await desk.get("", None)).status_code == 401
