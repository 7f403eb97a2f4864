"""The waitlist's refusals over HTTP on real PostgreSQL, each with its status and code, and
none changing anything: dates that are no dates, in the past, beyond the horizon or more
than 90; an unknown or unapproved artist; a service of another artist, switched off,
reserved for a project or a one-off flash design; an artist or an admin joining; a closed
waitlist; an overlapping entry (409) and the 21st (409); another customer's entry or offer
(404), and what admins and the artist may not do; hold bounds and periods out of range."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import pytest

from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.catalog_helpers import create_profile
from tests.api.commissions.test_projects_api import a_quote, accepted_request
from tests.api.conftest import Api
from tests.api.media.uploads import finished_upload
from tests.api.waitlist.helpers import (
    DAY,
    WAITLIST,
    answer,
    entry,
    field_codes,
    join,
    joined,
    mine,
    offers_made,
    problem,
    settings_url,
    stats_url,
)

pytestmark = pytest.mark.anyio
NOWHERE = "00000000-0000-7000-8000-000000000000"


async def _one_off_flash_size(desk: Desk) -> str:
    auth = desk.auth(desk.artist.session)
    upload = await finished_upload(desk.api, auth)
    variant = {"sizeLabel": "S", "durationMinutes": 60, "price": {"amount": 150_000}}
    body = {"uploadId": upload["id"], "title": "Swallow", "oneOff": True, "variants": [variant]}
    made = await desk.api.client.post("/api/v1/me/flash", json=body, headers=auth)
    assert made.status_code == 201, made.text
    return str(made.json()["variants"][0]["id"])


async def _project_service(desk: Desk) -> str:
    """The service a project's sessions are booked under: reserved for it."""
    request_id = await accepted_request(desk)
    artist, customer = desk.auth(desk.artist.session), desk.auth(desk.customer)
    quote = await desk.api.client.post(
        f"/api/v1/requests/{request_id}/quotes", json=a_quote(), headers=artist
    )
    assert quote.status_code == 201, quote.text
    started = await desk.api.client.post(
        f"/api/v1/quotes/{quote.json()['id']}/accept", json={"start": SLOT}, headers=customer
    )
    assert started.status_code == 201, started.text
    booking = await desk.get(f"/{started.json()['booking']['bookingId']}", desk.customer)
    return str(booking.json()["serviceId"])


async def test_joining_refusals_name_the_rule_and_change_nothing(api: Api) -> None:
    desk = await open_desk(api)
    bo = await desk.customer_named("Bo")
    assert (await join(desk, bo, "2026-02-30")).status_code == 422  # no such date
    assert problem(await join(desk, bo, "next week")) == (422, "invalid_input")
    assert problem(await join(desk, bo, serviceId="not-a-uuid")) == (422, "invalid_input")
    assert field_codes(await join(desk, bo, "2026-03-01", DAY)) == ["date_in_past"]
    assert field_codes(await join(desk, bo, "0001-01-01")) == ["date_in_past"]
    assert field_codes(await join(desk, bo, "0001-01-01", DAY)) == [
        "date_in_past",
        "range_too_long",
    ]
    assert field_codes(await join(desk, bo, DAY, "2026-03-04")) == ["range_inverted"]
    assert field_codes(await join(desk, bo, DAY, "2026-06-01")) == ["beyond_horizon"]
    assert field_codes(await join(desk, bo, "9999-12-30", "9999-12-31")) == ["beyond_horizon"]
    far = await open_desk(api, settings={"horizonDays": 365}, admin=desk.admin)
    assert field_codes(await join(far, bo, "2026-03-03", "2026-06-01")) == ["range_too_long"]
    assert (await join(far, bo, "2026-03-03", "2026-05-31")).status_code == 201  # 90 dates

    unknown = await api.client.post(
        f"/api/v1/artists/{NOWHERE}/waitlist",
        json={"serviceId": desk.artist.service["id"], "firstDate": DAY, "lastDate": DAY},
        headers=desk.auth(bo),
    )
    assert problem(unknown) == (404, "artist_not_found")
    newcomer = await api.register(f"new-{uuid4().hex[:6]}@example.com", role="artist")
    unapproved = await create_profile(api, newcomer, timeZone="Africa/Abidjan")
    pending = await api.client.post(
        f"/api/v1/artists/{unapproved['id']}/waitlist",
        json={"serviceId": desk.artist.service["id"], "firstDate": DAY, "lastDate": DAY},
        headers=desk.auth(bo),
    )
    assert problem(pending) == (404, "artist_not_found")

    not_offered = ["not_offered"]
    assert field_codes(await join(desk, bo, serviceId=far.artist.service["id"])) == not_offered
    assert field_codes(await join(desk, bo, serviceId=NOWHERE)) == not_offered
    assert field_codes(await join(desk, bo, serviceId=await _one_off_flash_size(desk))) == (
        not_offered
    )
    assert field_codes(await join(desk, bo, serviceId=await _project_service(desk))) == (
        not_offered
    )
    switched_off = await api.client.patch(
        f"/api/v1/artists/{desk.artist.id}/services/{desk.artist.service['id']}",
        json={"active": False},
        headers=desk.auth(desk.artist.session),
    )
    assert switched_off.status_code == 200, switched_off.text
    assert field_codes(await join(desk, bo)) == not_offered

    for who in (far.artist.session, far.admin):
        assert problem(await join(far, who, "2026-04-01")) == (403, "waitlist_action_not_allowed")
    closed = await api.client.put(
        settings_url(far), json={"enabled": False}, headers=far.auth(far.artist.session)
    )
    assert closed.status_code == 200, closed.text
    assert problem(await join(far, bo, "2026-07-01")) == (409, "waitlist_closed")
    assert (await mine(desk, bo))["total"] == 1  # the one 90-date entry, and nothing else


async def test_an_overlapping_entry_and_the_twenty_first_are_refused(api: Api) -> None:
    desk = await open_desk(api, settings={"horizonDays": 365})
    bo = await desk.customer_named("Bo")
    await joined(desk, bo, "2026-03-03", "2026-03-05")
    for first, last in (("2026-03-05", "2026-03-06"), ("2026-03-01", "2026-03-03")):
        late = first < "2026-03-02"
        answer_ = await join(desk, bo, first, last)
        if late:
            assert field_codes(answer_) == ["date_in_past"]
        else:
            assert problem(answer_) == (409, "waitlist_entry_exists")
    cy = await desk.customer_named("Cy")
    await joined(desk, cy, "2026-03-03", "2026-03-05")  # another customer: no clash
    ids = [await joined(desk, bo, f"2026-04-{day:02d}") for day in range(1, 20)]
    assert (await mine(desk, bo))["total"] == 20
    assert problem(await join(desk, bo, "2026-05-01")) == (409, "too_many_waitlist_entries")
    assert (await mine(desk, bo))["total"] == 20
    left = await desk.api.client.delete(f"{WAITLIST}/{ids[0]}", headers=desk.auth(bo))
    assert left.status_code == 200, left.text
    assert (await join(desk, bo, "2026-05-01")).status_code == 201  # room again


async def test_strangers_find_nothing_and_no_one_answers_for_the_customer(api: Api) -> None:
    desk = await open_desk(api)
    booked = await desk.booked()
    bo, eve = await desk.customer_named("Bo"), await desk.customer_named("Eve")
    entry_id = await joined(desk, bo)
    url = f"{WAITLIST}/{entry_id}"
    for who in (eve, desk.artist.session):
        for method in ("GET", "DELETE"):
            found = await api.client.request(method, url, headers=desk.auth(who))
            assert problem(found) == (404, "waitlist_entry_not_found"), (method, who)
    assert (await entry(desk, desk.admin, entry_id))["status"] == "waiting"
    refused = await api.client.delete(url, headers=desk.auth(desk.admin))
    assert problem(refused) == (403, "waitlist_action_not_allowed")
    assert (await api.client.get(f"{WAITLIST}/{NOWHERE}", headers=desk.auth(bo))).status_code == (
        404
    )
    assert (await api.client.get(f"{WAITLIST}/not-an-id", headers=desk.auth(bo))).status_code == 404
    assert (await api.client.get(url)).status_code == 401

    await desk.patch(booked, desk.customer, status="cancelled")
    assert await offers_made(desk) == 1
    offer = (await entry(desk, bo, entry_id))["offer"]["bookingId"]
    for how in ("accept", "decline"):
        for who in (eve, desk.artist.session, desk.customer):
            assert problem(await answer(desk, who, offer, how)) == (404, "offer_not_found")
        assert problem(await answer(desk, desk.admin, offer, how)) == (
            403, "waitlist_action_not_allowed",
        )  # fmt: skip
        assert problem(await answer(desk, bo, booked, how)) == (404, "offer_not_found")
        assert problem(await answer(desk, bo, NOWHERE, how)) == (404, "offer_not_found")
    moved = await api.client.post(
        f"/api/v1/bookings/{offer}/reschedule",
        json={"start": "2026-03-05T12:00:00Z"},
        headers=desk.auth(bo),
    )
    assert moved.status_code == 409, moved.text  # answer first
    approved = await desk.patch(offer, desk.artist.session, status="confirmed")
    assert approved.status_code in (409, 422), approved.text  # only the answer confirms it
    still = (await desk.get(f"/{offer}", bo)).json()
    assert (still["status"], still["offer"], still["version"]) == ("pending", "offered", 1)
    assert (await entry(desk, bo, entry_id))["status"] == "offered"


async def test_settings_and_figures_are_the_artist_s_and_checked(api: Api) -> None:
    desk = await open_desk(api)
    other = await open_desk(api, admin=desk.admin)
    artist = desk.auth(desk.artist.session)
    for who in (desk.customer, other.artist.session):
        for url in (settings_url(desk), stats_url(desk)):
            assert problem(await api.client.get(url, headers=desk.auth(who))) == (
                404, "artist_not_found",
            )  # fmt: skip
        changed = await api.client.put(
            settings_url(desk), json={"enabled": False}, headers=desk.auth(who)
        )
        assert problem(changed) == (404, "artist_not_found")
    admin = desk.auth(desk.admin)
    assert (await api.client.get(settings_url(desk), headers=admin)).status_code == 200
    assert (await api.client.get(stats_url(desk), headers=admin)).status_code == 200
    by_admin = await api.client.put(settings_url(desk), json={"enabled": False}, headers=admin)
    assert problem(by_admin) == (403, "waitlist_action_not_allowed")

    bad_bodies: list[Any] = [
        {"holdMinutes": 4}, {"holdMinutes": 1441}, {"holdMinutes": 10**30},
        {"holdMinutes": "10"}, {"holdMinutes": 10.5}, {"enabled": "yes"}, [], "x",
        {"holdMinutes": None, "enabled": "\u0000"},
    ]  # fmt: skip
    for body in bad_bodies:
        refused = await api.client.put(settings_url(desk), json=body, headers=artist)
        assert refused.status_code in (400, 422), (body, refused.text)
    for days in ("8", "0", "-30", "366", "99999999999999999999", "x"):
        answered = await api.client.get(stats_url(desk), params={"days": days}, headers=artist)
        assert answered.status_code == 422, (days, answered.text)
    settings = (await api.client.get(settings_url(desk), headers=artist)).json()
    assert (settings["enabled"], settings["holdMinutes"], settings["updatedAt"]) == (
        True, 30, None,
    )  # fmt: skip
    for period in (7, 30, 90, 365):
        figures = await api.client.get(stats_url(desk), params={"days": period}, headers=artist)
        assert (figures.json()["days"], figures.json()["fillRatePercent"]) == (period, None)
