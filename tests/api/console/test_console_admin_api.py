# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's operator pages over HTTP (admins only): the artists waiting for review,
approved and rejected with a note, suspended and reinstated; the disputes with their booking
and parties, resolved once; the audit trail, filtered and paged by keyset. Each action goes
through the API's use cases (seen through the API after). An artist gets "not found" and no
tab; a customer has no console; a form without its token changes nothing; nothing a browser
sends makes a 5xx."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from urllib.parse import quote
from uuid import uuid4

import httpx
import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.catalog_helpers import create_profile
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in
from tests.api.disputes.test_disputes_api import _fresh, complete

pytestmark = pytest.mark.anyio
ARTISTS = "/console/admin/artists"
DISPUTES = "/console/admin/disputes"
AUDIT = "/console/admin/audit"
PAGES = (ARTISTS, f"{ARTISTS}?show=approved", f"{ARTISTS}?show=suspended", DISPUTES, AUDIT)


async def _pending(api: Api, name: str = "Nomin Ink") -> tuple[dict[str, Any], str]:
    """An artist who submitted a profile for review: their session and the profile's id."""
    session = await api.register(f"pending-{uuid4().hex[:6]}@example.com", role="artist")
    profile = await create_profile(api, session, displayName=name, city="Darkhan")
    submitted = await api.client.post(
        f"/api/v1/artists/{profile['id']}/submit", headers=api.bearer(session)
    )
    assert submitted.status_code == 200, submitted.text
    return session, str(profile["id"])


async def _profiles(api: Api, admin: dict[str, Any], **params: str) -> dict[str, Any]:
    read = await api.client.get("/api/v1/admin/artists", params=params, headers=api.bearer(admin))
    assert read.status_code == 200, read.text
    return {item["id"]: item for item in read.json()["items"]}


async def _post(client: httpx.AsyncClient, path: str, token: str, **fields: str) -> httpx.Response:
    return await client.post(path, data={"form_token": token, **fields})


async def test_an_admin_lands_on_the_review_queue_and_approves_or_rejects(api: Api) -> None:
    admin = await api.admin()
    _, first = await _pending(api, "Nomin Ink")
    _, second = await _pending(api, "Bold Lines")
    async with browser(api) as client:
        landed = await sign_in(client, email_of(admin))
        assert landed.status_code == 200 and str(landed.url).endswith(ARTISTS)
        page = landed.text
        assert "Nomin Ink" in page and "Bold Lines" in page and "Darkhan" in page
        assert 'aria-current="page">Artists<' in page and ">Disputes<" in page
        assert ">Audit log<" in page and ">Today<" not in page  # an operator's tabs only
        assert "No artist profile yet" not in (await client.get("/console")).text
        token = form_token(landed)
        approved = await _post(
            client, f"{ARTISTS}/{first}/review", token, decision="approve", note="Portfolio checked"
        )
        assert approved.status_code == 200 and "Nomin Ink" not in approved.text
        rejected = await _post(
            client, f"{ARTISTS}/{second}/review", token, decision="reject", note="Add pictures"
        )
        assert rejected.status_code == 200 and "No artists here." in rejected.text
        again = await _post(client, f"{ARTISTS}/{first}/review", token, decision="approve")
        assert again.status_code == 409 and 'role="alert"' in again.text
        mongolian = await client.get(f"{ARTISTS}?lang=mn")
        assert "Мастерууд" in mongolian.text and "Маргаанууд" in mongolian.text
    profiles = await _profiles(api, admin)
    assert (profiles[first]["status"], profiles[first]["reviewNote"]) == (
        "approved",
        "Portfolio checked",
    )
    assert (profiles[second]["status"], profiles[second]["reviewNote"]) == (
        "rejected",
        "Add pictures",
    )


async def test_an_admin_suspends_and_reinstates_an_artist(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    async with browser(api) as client:
        await sign_in(client, email_of(desk.admin))
        listed = await client.get(f"{ARTISTS}?show=approved")
        assert listed.status_code == 200 and "Ink Master" in listed.text
        token = form_token(listed)
        path = f"{ARTISTS}/{desk.artist.id}"
        assert f'href="{path}/suspend"' in listed.text  # a question first, not a form
        asked = await client.get(f"{path}/suspend")
        assert asked.status_code == 200 and "Ink Master" in asked.text
        assert "one upcoming booking is cancelled" in asked.text
        assert (await _profiles(api, desk.admin))[desk.artist.id]["suspended"] is False
        suspended = await _post(client, f"{path}/suspend", token, show="approved")
        assert suspended.status_code == 200 and "show=approved" in str(suspended.url)
        assert (await _profiles(api, desk.admin))[desk.artist.id]["suspended"] is True
        booking = await desk.get(f"/{booking_id}", desk.customer)
        assert booking.json()["status"] == "cancelled"  # suspension cancels what is upcoming
        twice = await _post(client, f"{path}/suspend", token, show="approved")
        assert twice.status_code == 409 and 'role="alert"' in twice.text
        assert (await client.get(f"{path}/suspend")).status_code == 409  # suspended already
        for odd in ("nope", str(uuid4()), "%00"):
            assert (await client.get(f"{ARTISTS}/{odd}/suspend")).status_code == 404, odd
        shown = await client.get(f"{ARTISTS}?show=suspended")
        assert "Ink Master" in shown.text and ">Reinstate<" in shown.text
        back = await _post(client, f"{path}/reinstate", token, show="suspended")
        assert back.status_code == 200
        missing = await _post(client, f"{ARTISTS}/{uuid4()}/reinstate", token)
        assert missing.status_code == 404
    assert (await _profiles(api, desk.admin))[desk.artist.id]["suspended"] is False


async def _disputed(desk: Desk) -> tuple[str, str]:
    """A completed booking its customer disputes: the booking's id and the dispute's."""
    booking_id = await desk.booked()
    await complete(desk, booking_id)
    opened = await desk.api.client.post(
        "/api/v1/disputes",
        json={"bookingId": booking_id, "reason": "The linework is not what we agreed"},
        headers=desk.auth(desk.customer),
    )
    assert opened.status_code == 201, opened.text
    return booking_id, str(opened.json()["id"])


async def test_an_admin_reads_a_dispute_and_resolves_it_once(api: Api) -> None:
    desk = await open_desk(api)
    booking_id, dispute_id = await _disputed(desk)
    async with browser(api) as client:
        await sign_in(client, email_of(await _fresh(api, desk.admin)))
        listed = await client.get(DISPUTES)
        assert listed.status_code == 200
        for seen in ("The linework is not what we agreed", "Ada", "Ink Master", "Small tattoo"):
            assert seen in listed.text, seen
        page = await client.get(f"{DISPUTES}/{dispute_id}")
        assert page.status_code == 200 and ">Resolve<" in page.text
        token = form_token(page)
        path = f"{DISPUTES}/{dispute_id}/resolve"
        fields = {"outcome": "completed", "resolution": "Redone for free"}
        too_much = await _post(client, path, token, refund="1", **fields)
        assert too_much.status_code == 422 and 'role="alert"' in too_much.text
        assert "Redone for free" in too_much.text  # what was typed is kept
        resolved = await _post(client, path, token, refund="0", **fields)
        assert resolved.status_code == 200 and 'role="status"' in resolved.text
        assert ">Resolve<" not in resolved.text and "Redone for free" in resolved.text
        twice = await _post(client, path, token, refund="0", **fields)
        assert twice.status_code == 409
        assert "The linework" in (await client.get(f"{DISPUTES}?show=resolved")).text
        assert (await client.get(f"{DISPUTES}/{uuid4()}")).status_code == 404
    read = await api.client.get(f"/api/v1/disputes/{dispute_id}", headers=desk.auth(desk.admin))
    assert read.json()["dispute"]["status"] == "resolved"
    booking = await desk.get(f"/{booking_id}", desk.admin)
    assert booking.json()["status"] == "completed"


async def test_the_audit_log_filters_and_pages_newest_first(api: Api) -> None:
    admin = await api.admin()
    ids = [(await _pending(api, f"Artist {n}"))[1] for n in range(3)]
    for artist_id in ids:
        api.clock.advance(timedelta(seconds=1))  # each review its own moment
        reviewed = await api.client.patch(
            f"/api/v1/admin/artists/{artist_id}/approval",
            json={"approved": True},
            headers=api.bearer(admin),
        )
        assert reviewed.status_code == 200, reviewed.text
    async with browser(api) as client:
        await sign_in(client, email_of(admin))
        page = await client.get(AUDIT)
        assert page.status_code == 200 and 'aria-current="page">Audit log<' in page.text
        kind = await client.get(AUDIT, params={"action": "artist"})
        shown = [i for i in ids if f"artist/{i}" in kind.text]
        assert shown == ids
        assert kind.text.index(f"artist/{ids[2]}") < kind.text.index(f"artist/{ids[0]}")
        one = await client.get(AUDIT, params={"action": "artist.", "target": f"artist/{ids[1]}"})
        assert f"artist/{ids[1]}" in one.text and f"artist/{ids[0]}" not in one.text
        refused = await client.get(AUDIT, params={"action": "Artist!", "target": "x"})
        assert refused.status_code == 422 and 'role="alert"' in refused.text
    found = await api.client.get(
        "/api/v1/admin/audit", params={"action": "artist.", "limit": 1}, headers=api.bearer(admin)
    )
    newest, older = found.json()["items"][0], found.json()["next"]
    async with browser(api) as client:
        await sign_in(client, email_of(admin))
        paged = await client.get(AUDIT, params={"action": "artist.", "before": older})
        assert paged.status_code == 200 and ">Newest entries<" in paged.text
    rest = await api.client.get(
        "/api/v1/admin/audit", params={"action": "artist.", "before": older},
        headers=api.bearer(admin),
    )  # fmt: skip
    expected = [f"<h2>{e['action']} · {e['target']}</h2>" for e in rest.json()["items"]]
    assert re.findall(r"<h2>[^<]*</h2>", paged.text) == expected
    assert f"<h2>{newest['action']} · {newest['target']}</h2>" not in expected


async def test_an_artist_finds_no_operator_page_and_a_customer_no_console(api: Api) -> None:
    desk = await open_desk(api)
    _, pending = await _pending(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        day = await client.get("/console")
        assert day.status_code == 200 and ">Today<" in day.text
        assert ">Artists<" not in day.text and ">Audit log<" not in day.text
        token = form_token(day)
        for path in PAGES:
            seen = await client.get(path)
            assert seen.status_code == 404 and "Ink Master" not in seen.text, path
        asked = await client.get(f"{ARTISTS}/{desk.artist.id}/suspend")
        assert asked.status_code == 404 and "Ink Master" not in asked.text
        for path, fields in (
            (f"{ARTISTS}/{pending}/review", {"decision": "approve"}),
            (f"{ARTISTS}/{desk.artist.id}/suspend", {}),
            (f"{ARTISTS}/{desk.artist.id}/reinstate", {}),
            (f"{DISPUTES}/{uuid4()}/resolve", {"refund": "0", "outcome": "completed"}),
        ):
            assert (await _post(client, path, token, **fields)).status_code == 404, path
    async with browser(api) as client:
        refused = await sign_in(client, email_of(desk.customer))
        assert refused.status_code == 403
        assert (await client.get(ARTISTS, follow_redirects=False)).status_code == 303
    profiles = await _profiles(api, desk.admin)
    assert profiles[pending]["status"] == "pending"
    assert profiles[desk.artist.id]["suspended"] is False


async def test_a_form_without_its_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    _, pending = await _pending(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.admin))
        for path, fields in (
            (f"{ARTISTS}/{pending}/review", {"decision": "approve"}),
            (f"{ARTISTS}/{desk.artist.id}/suspend", {}),
            (f"{DISPUTES}/{uuid4()}/resolve", {"refund": "0", "outcome": "completed"}),
        ):
            assert (await client.post(path, data=fields)).status_code == 403, path
            forged = await client.post(path, data={**fields, "form_token": "0" * 64})
            assert forged.status_code == 403, path
    profiles = await _profiles(api, desk.admin)
    assert profiles[pending]["status"] == "pending"
    assert profiles[desk.artist.id]["suspended"] is False


ODD = ("\x00", "9" * 400, "-1", "٣", "１", "аrtist.", "artist/../x", "é" * 300, "2026-02-30")


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    _, dispute_id = await _disputed(desk)
    async with browser(api) as client:
        await sign_in(client, email_of(await _fresh(api, desk.admin)))
        token = form_token(await client.get(ARTISTS))
        for odd in ODD:
            for path, name in (
                (ARTISTS, "show"),
                (ARTISTS, "page"),
                (DISPUTES, "page"),
                (DISPUTES, "show"),
                (AUDIT, "action"),
                (AUDIT, "target"),
                (AUDIT, "before"),
            ):
                seen = await client.get(path, params={name: odd})
                assert seen.status_code < 500, (path, name, odd)
            quoted = quote(odd, safe="")
            for path in (f"{ARTISTS}/{quoted}/review", f"{DISPUTES}/{quoted}"):
                assert (await client.get(path)).status_code < 500, path
            resolve = f"{DISPUTES}/{dispute_id}/resolve"
            for fields in (
                {"refund": odd, "outcome": "cancelled", "resolution": "x"},
                {"refund": "0", "outcome": odd, "resolution": "x"},
                {"refund": "0", "outcome": "completed", "resolution": odd},
            ):
                answer = await _post(client, resolve, token, **fields)
                assert answer.status_code < 500, (fields, answer.text[:300])
            review = await _post(
                client, f"{ARTISTS}/{desk.artist.id}/review", token, decision=odd, note=odd
            )
            assert review.status_code < 500
        raw = await client.post(
            f"{DISPUTES}/{dispute_id}/resolve",
            content=b"form_token=" + token.encode() + b"&refund=%FF%FE&resolution=%C3",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert raw.status_code < 500
    read = await api.client.get(f"/api/v1/disputes/{dispute_id}", headers=desk.auth(desk.admin))
    assert read.json()["dispute"]["status"] in ("open", "resolved")
