"""``PATCH /api/v1/bookings/{id}``, ``POST .../reschedule`` and ``GET .../events`` over HTTP
on PostgreSQL: each transition, each refusal with its status and code, the audit trail."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
UNKNOWN = "018f0000-0000-7000-8000-000000000000"


async def move(desk: Desk, booking_id: str, session: dict[str, Any], start: str) -> Any:
    return await desk.api.client.post(
        f"{BOOKINGS}/{booking_id}/reschedule", json={"start": start}, headers=desk.auth(session)
    )


async def test_the_artist_approves_a_request(api: Api) -> None:
    desk = await open_desk(api, service={"requiresApproval": True})
    booking = (await desk.book()).json()
    assert (booking["status"], booking["requiresApproval"]) == ("pending", True)
    response = await desk.patch(booking["id"], desk.artist.session, status="confirmed")
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["approved"]) == ("confirmed", True)


async def test_approving_a_deposit_request_awaits_the_deposit(api: Api) -> None:
    desk = await open_desk(api, service={"requiresApproval": True, "deposit": {"percent": 20}})
    booking_id = await desk.booked()
    response = await desk.patch(booking_id, desk.artist.session, status="confirmed")
    body = response.json()
    assert (body["status"], body["approved"], body["depositAmount"]) == ("pending", True, 30_000)
    assert body["holdExpiresAt"] == "2026-03-02T10:15:00Z"


async def test_who_may_change_what(api: Api) -> None:
    desk = await open_desk(api, service={"requiresApproval": True})
    booking_id = await desk.booked()
    customer_confirms = await desk.patch(booking_id, desk.customer, status="confirmed")
    assert (customer_confirms.status_code, customer_confirms.json()["code"]) == (
        403,
        "booking_action_not_allowed",
    )
    stranger = await desk.customer_named("eve")
    for session in (stranger, (await open_desk(api, admin=desk.admin)).artist.session):
        response = await desk.patch(booking_id, session, status="cancelled")
        assert (response.status_code, response.json()["code"]) == (404, "booking_not_found")
    assert (await desk.patch(UNKNOWN, desk.admin, status="cancelled")).status_code == 404
    unauthenticated = await api.client.patch(f"{BOOKINGS}/{booking_id}", json={"status": "x"})
    assert unauthenticated.status_code == 401


async def test_cancellations_follow_the_lifecycle(api: Api) -> None:
    desk = await open_desk(api)
    first, second = await desk.booked(), await desk.booked("2026-03-05T13:00:00Z")
    response = await desk.patch(first, desk.customer, status="cancelled", reason="flu")
    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["cancellationReason"]) == (
        "cancelled",
        "flu",
    )
    again = await desk.patch(first, desk.customer, status="cancelled")
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")
    no_refund = await desk.patch(second, desk.admin, status="cancelled")
    assert (no_refund.status_code, no_refund.json()["code"]) == (422, "refund_out_of_range")
    stated = await desk.patch(second, desk.admin, status="cancelled", refundAmount=0)
    assert stated.status_code == 200, stated.text
    # The freed time is bookable again.
    assert (await desk.book()).status_code == 201


async def test_completion_waits_for_the_appointment(api: Api) -> None:
    desk = await open_desk(api)
    first, second = await desk.booked(), await desk.booked("2026-03-05T13:00:00Z")
    early = await desk.patch(first, desk.artist.session, status="completed")
    assert (early.status_code, early.json()["code"]) == (422, "appointment_not_started")
    api.clock.set(datetime(2026, 3, 5, 14, tzinfo=UTC))
    artist = await api.login(desk.artist.session["user"]["email"])
    done = await desk.patch(first, artist.json(), status="completed")
    assert (done.status_code, done.json()["status"]) == (200, "completed")
    missed = await desk.patch(second, artist.json(), status="no_show")
    assert (missed.status_code, missed.json()["status"]) == (200, "no_show")


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"status": "pending"}, 409, "invalid_transition"),
        ({"status": "disputed"}, 409, "invalid_transition"),
        ({"status": "banana"}, 422, "invalid_input"),
        ({"status": "cancelled", "refundAmount": -1}, 422, "invalid_input"),
        ({"status": "completed", "refundAmount": 0}, 422, "invalid_input"),
        ({"reason": "no status"}, 422, "invalid_input"),
    ],
)
async def test_bad_status_changes(api: Api, body: dict[str, Any], status: int, code: str) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    response = await desk.patch(booking_id, desk.artist.session, **body)
    assert (response.status_code, response.json()["code"]) == (status, code), response.text


async def test_a_reschedule_moves_the_booking_and_frees_the_old_time(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    response = await move(desk, booking_id, desk.customer, "2026-03-06T14:00:00+00:00")
    assert response.status_code == 200, response.text
    assert (response.json()["start"], response.json()["version"]) == ("2026-03-06T14:00:00Z", 2)
    bob = await desk.customer_named("bob")
    assert (await desk.book(SLOT, bob)).status_code == 201


async def test_reschedule_refusals(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    await desk.booked("2026-03-05T13:00:00Z", await desk.customer_named("bob"))
    taken = await move(desk, booking_id, desk.customer, "2026-03-05T13:00:00Z")
    assert (taken.status_code, taken.json()["code"]) == (409, "slot_taken")
    closed = await move(desk, booking_id, desk.customer, "2026-03-07T10:00:00Z")  # Saturday
    assert (closed.status_code, closed.json()["reason"]) == (422, "outside_availability")
    naive = await move(desk, booking_id, desk.customer, "2026-03-06T10:00:00")
    assert naive.status_code == 422
    stranger = await move(desk, booking_id, await desk.customer_named("eve"), SLOT)
    assert stranger.status_code == 404
    api.clock.advance(timedelta(hours=30))  # 42 h before the start: inside the 48 h notice
    customer = (await api.login(desk.customer["user"]["email"])).json()
    late = await move(desk, booking_id, customer, "2026-03-06T10:00:00Z")
    assert (late.status_code, late.json()["code"]) == (422, "too_late_to_change")
    artist = (await api.login(desk.artist.session["user"]["email"])).json()
    assert (await move(desk, booking_id, artist, "2026-03-06T10:00:00Z")).status_code == 200


async def test_the_audit_trail_says_who_when_from_to_and_why(api: Api) -> None:
    desk = await open_desk(api, service={"requiresApproval": True})
    booking_id = await desk.booked()
    await desk.patch(booking_id, desk.artist.session, status="confirmed", reason="looks good")
    await desk.patch(booking_id, desk.customer, status="cancelled", reason="moving away")
    response = await desk.get(f"/{booking_id}/events", desk.customer)
    assert response.status_code == 200, response.text
    trail = response.json()["items"]
    assert [(e["version"], e["kind"], e["from"], e["to"]) for e in trail] == [
        (1, "requested", None, "pending"),
        (2, "approved", "pending", "confirmed"),
        (3, "cancelled", "confirmed", "cancelled"),
    ]
    assert [e["actorRole"] for e in trail] == ["customer", "artist", "customer"]
    assert trail[2]["actorId"] == desk.customer["user"]["id"]
    assert (trail[2]["reason"], trail[2]["amount"], trail[2]["at"]) == (
        "moving away",
        0,
        "2026-03-02T10:00:00Z",
    )
    for session in (desk.artist.session, desk.admin):
        assert (await desk.get(f"/{booking_id}/events", session)).status_code == 200
    stranger = await desk.get(f"/{booking_id}/events", await desk.customer_named("eve"))
    assert stranger.status_code == 404
    assert (await desk.get(f"/{booking_id}/events", None)).status_code == 401


async def test_the_cancellation_quote_says_what_the_policy_keeps(api: Api) -> None:
    """Asked before cancelling: the deposit back until the free-cancellation notice (48 h
    before), kept after; changes nothing; strangers 404, a cancelled booking 409."""
    desk = await open_desk(api, service={"deposit": {"amount": 30_000}})
    booking_id = await desk.booked()
    made = await api.client.post(
        f"{BOOKINGS}/{booking_id}/deposit-invoice", headers=desk.auth(desk.customer)
    )
    assert made.status_code == 201, made.text
    assert api.sandbox is not None
    await api.sandbox.pay(made.json()["invoiceId"])
    early = await desk.get(f"/{booking_id}/cancellation", desk.customer)
    assert early.status_code == 200, early.text
    assert early.json() == {
        "currency": "MNT", "refundAmount": 30_000, "keptAmount": 0,
        "freeUntil": "2026-03-03T10:00:00Z", "mayMove": True,
    }  # fmt: skip
    api.clock.set(datetime(2026, 3, 4, 10, tzinfo=UTC))  # a day before: signed in anew
    customer = (await api.login(desk.customer["user"]["email"])).json()
    late = (await desk.get(f"/{booking_id}/cancellation", customer)).json()
    assert (late["refundAmount"], late["keptAmount"], late["mayMove"]) == (0, 30_000, False)
    artist = (await api.login(desk.artist.session["user"]["email"])).json()
    artists = (await desk.get(f"/{booking_id}/cancellation", artist)).json()
    assert (artists["refundAmount"], artists["mayMove"]) == (30_000, True)
    stranger = await desk.customer_named("eve")
    assert (await desk.get(f"/{booking_id}/cancellation", stranger)).status_code == 404
    assert (await desk.get(f"/{booking_id}", customer)).json()["status"] == "confirmed"
    await desk.patch(booking_id, customer, status="cancelled")
    closed = await desk.get(f"/{booking_id}/cancellation", customer)
    assert (closed.status_code, closed.json()["code"]) == (409, "invalid_transition")
