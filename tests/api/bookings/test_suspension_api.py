"""Suspending an artist over HTTP on real PostgreSQL: in the same transaction their upcoming
pending and confirmed bookings are cancelled with everything paid owed back, each one a
``cancelled`` event by the admin (reason ``artist_suspended``); a booking that has started
is left alone; reinstating brings the artist back, not the bookings."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.api.booking_helpers import SLOT, open_desk
from tests.api.conftest import Api
from tests.api.payments.test_deposits_api import DEPOSIT_SERVICE, _booking, _events, _invoice

pytestmark = pytest.mark.anyio
DEPOSIT = 30_000
FRIDAY = "2026-03-06T10:00:00Z"
NEXT_WEEK = "2026-03-10T10:00:00Z"


async def test_suspension_cancels_upcoming_bookings_with_full_refunds(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    paid = await desk.booked(SLOT)
    invoice = (await _invoice(desk, paid)).json()["invoiceId"]
    assert (await api.client.post(f"/api/v1/sandbox/invoices/{invoice}/pay")).status_code == 200
    held = await desk.booked(FRIDAY)  # pending, never paid (its hold has run out by then)
    later = await desk.booked(NEXT_WEEK, await desk.customer_named("Bold"))
    # Thursday's session has begun when the admin acts: it stays as it is.
    api.clock.set(datetime.fromisoformat(SLOT) + timedelta(minutes=30))
    for session in (desk.admin, desk.customer, desk.artist.session):
        session.update((await api.login(session["user"]["email"])).json())
    for who in (desk.customer, desk.artist.session):
        refused = await api.client.post(
            f"/api/v1/admin/artists/{desk.artist.id}/suspend", headers=desk.auth(who)
        )
        assert refused.status_code == 403
    suspended = await api.client.post(
        f"/api/v1/admin/artists/{desk.artist.id}/suspend", headers=desk.auth(desk.admin)
    )
    assert (suspended.status_code, suspended.json()["suspended"]) == (200, True)
    told = {b["id"]: b["status"] for b in suspended.json()["cancelledBookings"]}
    assert told == {held: "cancelled", later: "cancelled"}  # not the session under way

    started = await _booking(desk, paid)
    assert (started["status"], started["refundDue"]) == ("confirmed", 0)
    for booking_id, owed in ((held, 0), (later, 0)):
        seen = await desk.get(f"/{booking_id}", desk.admin)
        body = seen.json()
        assert (body["status"], body["cancellationReason"], body["refundDue"]) == (
            "cancelled", "artist_suspended", owed,
        )  # fmt: skip
    assert (await _events(desk, held))[-1] == "cancelled"
    assert (await api.client.get(f"/api/v1/artists/{desk.artist.id}")).status_code == 404
    again = await api.client.post(
        f"/api/v1/admin/artists/{desk.artist.id}/suspend", headers=desk.auth(desk.admin)
    )
    assert (again.status_code, again.json()["code"]) == (409, "invalid_transition")

    back = await api.client.post(
        f"/api/v1/admin/artists/{desk.artist.id}/reinstate", headers=desk.auth(desk.admin)
    )
    assert (back.status_code, back.json()["suspended"]) == (200, False)
    assert (await api.client.get(f"/api/v1/artists/{desk.artist.id}")).status_code == 200
    assert (await desk.get(f"/{held}", desk.admin)).json()["status"] == "cancelled"


async def test_a_paid_upcoming_booking_is_refunded_in_full(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id = await desk.booked(FRIDAY)
    invoice = (await _invoice(desk, booking_id)).json()["invoiceId"]
    paid = await api.client.post(f"/api/v1/sandbox/invoices/{invoice}/pay?method=card")
    assert paid.status_code == 200
    # Within the free-cancellation notice a customer's own cancellation would keep it all.
    api.clock.set(datetime.fromisoformat(FRIDAY) - timedelta(hours=2))
    desk.admin.update((await api.login(desk.admin["user"]["email"])).json())
    suspended = await api.client.post(
        f"/api/v1/admin/artists/{desk.artist.id}/suspend", headers=desk.auth(desk.admin)
    )
    assert suspended.status_code == 200, suspended.text
    booking = (await desk.get(f"/{booking_id}", desk.admin)).json()
    assert (booking["status"], booking["refundDue"]) == ("cancelled", DEPOSIT)
    assert await api.bundles.payments.plan_refunds() == 1  # then paid back like every refund
