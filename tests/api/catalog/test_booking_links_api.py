"""Booking links over HTTP: the artist's listing with counts, a service link, regeneration
(the old token 410 with nothing about whose it was, an unknown one 404), visits and slot
views counted once per visitor and day (never a HEAD, never a slot view without the page's
ticket), and a booking made through a link counted in the listing."""

from __future__ import annotations

from typing import Any, cast

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api
from tests.support.html_pages import page_data
from tests.support.statements import counting

pytestmark = pytest.mark.anyio
LINKS = "/api/v1/me/booking-links"


def _views(token: str) -> str:
    return f"/api/v1/booking-links/{token}/slot-views"


async def _general(api: Api, auth: dict[str, str]) -> dict[str, Any]:
    listed = await api.client.get(LINKS, headers=auth)
    assert listed.status_code == 200, listed.text
    (link,) = [i for i in listed.json()["items"] if i["serviceId"] is None]
    return cast(dict[str, Any], link)


def _ticket(html: str) -> str:
    return cast(str, page_data(html)["visit"])


async def test_a_link_counts_visits_slot_views_and_bookings(api: Api) -> None:
    desk = await open_desk(api)
    auth = desk.auth(desk.artist.session)
    link = await _general(api, auth)
    assert link["url"].endswith(f"/book/{link['token']}") and len(link["token"]) >= 22
    assert link["total"] == {"visits": 0, "slotViews": 0, "bookings": 0, "conversion": None}
    page = f"/book/{link['token']}"
    first = await api.client.get(page, headers={"user-agent": "Phone"})
    assert first.status_code == 200
    assert (await api.client.get(page, headers={"user-agent": "Phone"})).status_code == 200
    assert (await api.client.get(page, headers={"user-agent": "Laptop"})).status_code == 200
    assert (await api.client.head(page, headers={"user-agent": "Tablet"})).status_code == 200
    visit = {"visit": _ticket(first.text)}
    for _ in range(3):  # one page load, one slot view
        assert (await api.client.post(_views(link["token"]), json=visit)).status_code == 204
    booked = await desk.book(bookingLink=link["token"])
    assert booked.status_code == 201, booked.text
    assert (await desk.book("2026-03-05T12:00:00Z")).status_code == 201  # not through the link
    again = await _general(api, auth)
    assert again["total"] == {"visits": 2, "slotViews": 1, "bookings": 1, "conversion": 0.5}
    assert again["last30Days"] == again["total"]


async def test_a_head_and_slot_views_without_a_page_load_count_nothing(api: Api) -> None:
    desk = await open_desk(api)
    auth = desk.auth(desk.artist.session)
    link = await _general(api, auth)
    head = await api.client.head(f"/book/{link['token']}")
    assert head.status_code == 200 and not head.content
    assert (await _general(api, auth))["total"]["visits"] == 0
    bare = await api.client.post(_views(link["token"]))
    assert bare.status_code == 422, bare.text
    forged = await api.client.post(_views(link["token"]), json={"visit": "2026-03-02.a.b"})
    assert forged.status_code == 422 and forged.json()["code"] == "invalid_input"
    assert [(e["field"], e["code"]) for e in forged.json()["errors"]] == [
        ("visit", "invalid_visit")
    ]
    again = await _general(api, auth)
    assert again["total"] == {"visits": 0, "slotViews": 0, "bookings": 0, "conversion": None}


async def test_a_service_link_once_and_regeneration(api: Api) -> None:
    desk = await open_desk(api)
    auth = desk.auth(desk.artist.session)
    general = await _general(api, auth)
    made = await api.client.post(LINKS, json={"serviceId": desk.artist.service["id"]}, headers=auth)
    assert made.status_code == 201, made.text
    assert made.json()["serviceId"] == desk.artist.service["id"]
    twice = await api.client.post(
        LINKS, json={"serviceId": desk.artist.service["id"]}, headers=auth
    )
    assert twice.status_code == 409 and twice.json()["code"] == "booking_link_exists"
    renewed = await api.client.post(f"{LINKS}/{general['id']}/regenerate", headers=auth)
    assert renewed.status_code == 200, renewed.text
    assert renewed.json()["id"] == general["id"]
    assert renewed.json()["token"] != general["token"]
    gone = await api.client.post(_views(general["token"]), json={"visit": "x"})
    assert gone.status_code == 410 and gone.json()["code"] == "booking_link_gone"
    assert desk.artist.artist["displayName"] not in gone.text
    booked = await desk.book(bookingLink=general["token"])
    assert booked.status_code == 410
    unknown = await api.client.post(_views("A" * 32), json={"visit": "x"})
    assert unknown.status_code == 404 and unknown.json()["code"] == "booking_link_not_found"


async def test_who_may_see_and_change_links(api: Api) -> None:
    desk = await open_desk(api)
    link = await _general(api, desk.auth(desk.artist.session))
    customer = desk.auth(desk.customer)
    mine = await api.client.get(LINKS, headers=customer)
    assert mine.status_code == 404 and mine.json()["code"] == "artist_not_found"
    assert (await api.client.get(LINKS)).status_code == 401
    other = await open_desk(api, admin=desk.admin)
    theirs = await api.client.post(
        f"{LINKS}/{link['id']}/regenerate", headers=desk.auth(other.artist.session)
    )
    assert theirs.status_code == 404
    stranger = await desk.book(
        bookingLink=(await _general(api, desk.auth(other.artist.session)))["token"]
    )
    assert stranger.status_code == 422
    assert [e["field"] for e in stranger.json()["errors"]] == ["bookingLink"]


async def test_a_booking_through_a_link_costs_one_lookup_more(api: Api) -> None:
    """Creation without ``bookingLink`` stays as ``tests/api/system/test_statement_counts.py``
    counts it; with it, the link's lookup is the one statement added."""
    desk = await open_desk(api)
    link = await _general(api, desk.auth(desk.artist.session))
    await desk.booked("2026-03-05T10:00:00Z")  # warm-up: connections made, the catalogue cached
    with counting() as plain:
        assert (await desk.book("2026-03-05T12:00:00Z")).status_code == 201
    with counting() as linked:
        booked = await desk.book("2026-03-05T14:00:00Z", bookingLink=link["token"])
        assert booked.status_code == 201
    assert len(linked.statements) == len(plain.statements) + 1, linked.report()
    assert linked.round_trips == plain.round_trips + 1
