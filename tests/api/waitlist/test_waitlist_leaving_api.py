"""Deleting an account covers the waitlist (docs/privacy.md, "The waitlist"), over HTTP on
real PostgreSQL: a leaving customer's entries go, their open offer is declined with their
upcoming bookings (a hold that ran out unswept is cancelled as any booking, never a reason
to refuse the deletion) and the time goes to the next in line; a leaving artist's whole
waitlist goes, entries and settings, their open offers cancelled by them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import PASSWORD, Api
from tests.api.waitlist.helpers import (
    WAITLIST,
    entry,
    joined,
    offers_made,
    problem,
    settings_url,
    stats_url,
)

pytestmark = pytest.mark.anyio


async def leave_inkslot(desk: Desk, session: dict[str, Any]) -> None:
    gone = await desk.api.client.request(
        "DELETE", "/api/v1/me", json={"password": PASSWORD}, headers=desk.auth(session)
    )
    assert gone.status_code == 204, gone.text


async def gone_for_admins(desk: Desk, *entry_ids: str) -> bool:
    for entry_id in entry_ids:
        found = await desk.api.client.get(f"{WAITLIST}/{entry_id}", headers=desk.auth(desk.admin))
        if problem(found) != (404, "waitlist_entry_not_found"):
            return False
    return True


@pytest.mark.parametrize("hold_ran_out", [False, True])
async def test_a_leaving_customer_s_entries_go_and_their_offer_passes_on(
    api: Api, hold_ran_out: bool
) -> None:
    desk = await open_desk(api)
    booked = await desk.booked()
    bo, cy = await desk.customer_named("Bo"), await desk.customer_named("Cy")
    holding = await joined(desk, bo)
    waiting = await joined(desk, bo, "2026-03-10", "2026-03-12")
    api.clock.advance(timedelta(seconds=1))
    next_in_line = await joined(desk, cy)
    await desk.patch(booked, desk.customer, status="cancelled")
    assert await offers_made(desk) == 1
    offer = (await entry(desk, bo, holding))["offer"]["bookingId"]
    if hold_ran_out:
        api.clock.advance(timedelta(minutes=31))  # unanswered, not swept yet

    await leave_inkslot(desk, bo)
    assert await gone_for_admins(desk, holding, waiting)
    seen = (await desk.get(f"/{offer}", desk.artist.session)).json()
    reason = "account_deleted" if hold_ran_out else "offer_declined"
    assert (seen["status"], seen["cancellationReason"]) == ("cancelled", reason)
    assert await offers_made(desk) == 1  # the time, to the next in line
    passed_on = await entry(desk, cy, next_in_line)
    assert passed_on["status"] == "offered"
    assert passed_on["offer"]["start"] == seen["start"]
    figures = (await api.client.get(stats_url(desk), headers=desk.auth(desk.admin))).json()
    assert (figures["offers"], figures["open"], figures["waiting"]) == (1, 1, 0)


async def test_a_leaving_artist_s_whole_waitlist_goes(api: Api) -> None:
    desk = await open_desk(api)
    artist = desk.auth(desk.artist.session)
    booked = await desk.booked()
    bo, cy = await desk.customer_named("Bo"), await desk.customer_named("Cy")
    holding = await joined(desk, bo)
    waiting = await joined(desk, cy, "2026-03-10", "2026-03-12")
    changed = await api.client.put(settings_url(desk), json={"holdMinutes": 10}, headers=artist)
    assert changed.status_code == 200, changed.text
    await desk.patch(booked, desk.customer, status="cancelled")
    assert await offers_made(desk) == 1
    offer = (await entry(desk, bo, holding))["offer"]["bookingId"]

    await leave_inkslot(desk, desk.artist.session)
    assert await gone_for_admins(desk, holding, waiting)
    seen = (await desk.get(f"/{offer}", bo)).json()
    assert (seen["status"], seen["cancellationReason"]) == ("cancelled", "account_deleted")
    assert await offers_made(desk) == 0  # nobody waits for a withdrawn artist
    admin = desk.auth(desk.admin)
    settings = (await api.client.get(settings_url(desk), headers=admin)).json()
    assert (settings["holdMinutes"], settings["updatedAt"]) == (30, None)  # theirs are gone
    figures = (await api.client.get(stats_url(desk), headers=admin)).json()
    assert (figures["offers"], figures["waiting"]) == (0, 0)
    listed = await api.client.get("/api/v1/me/waitlist", headers=desk.auth(cy))
    assert listed.json()["total"] == 0
