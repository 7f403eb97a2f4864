"""The booking page over HTTP: the link's page (a visit), in English or Mongolian, with a
strict Content-Security-Policy and its own script and styles; a replaced link's page is 410
and names nobody, an unknown one 404."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api
from tests.support.html_pages import page_data

pytestmark = pytest.mark.anyio
LINKS = "/api/v1/me/booking-links"


async def _link(api: Api, auth: dict[str, str]) -> dict[str, Any]:
    items = (await api.client.get(LINKS, headers=auth)).json()["items"]
    return next(i for i in items if i["serviceId"] is None)


async def test_the_page_shows_the_artist_and_hands_its_script_the_link(api: Api) -> None:
    desk = await open_desk(api, service={"deposit": {"amount": 20_000}})
    link = await _link(api, desk.auth(desk.artist.session))
    page = await api.client.get(f"/book/{link['token']}")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers["referrer-policy"] == "no-referrer"
    html = page.text
    assert desk.artist.artist["displayName"] in html
    assert "<script>" not in html  # no inline script: only the data block and book.js
    data = page_data(html)
    assert data["token"] == link["token"] and data["artistId"] == desk.artist.id
    # book.js builds on common.js (the API, signing in, the deposit): it must load first.
    assert html.index("/static/booking-page/common.js") < html.index("/static/booking-page/book.js")
    assert set(re.findall(r'data-text="(\w+)"', html)) <= set(data["texts"])  # no blank label
    (service,) = data["services"]
    assert service["id"] == desk.artist.service["id"]
    assert service["deposit"] == "MNT 200"
    assert 'for="phone"' in html and 'for="email"' in html and 'for="code"' in html
    assert "A deposit is paid within 15 minutes of booking" in html  # the deposit hold
    for asset in ("common.js", "book.js", "book.css"):
        served = await api.client.get(f"/static/booking-page/{asset}")
        assert served.status_code == 200 and served.content


async def test_the_page_speaks_mongolian_when_asked(api: Api) -> None:
    desk = await open_desk(api)
    link = await _link(api, desk.auth(desk.artist.session))
    by_query = await api.client.get(f"/book/{link['token']}", params={"lang": "mn"})
    by_header = await api.client.get(
        f"/book/{link['token']}", headers={"accept-language": "mn-MN,en;q=0.5"}
    )
    english = await api.client.get(f"/book/{link['token']}")
    for page in (by_query, by_header):
        assert '<html lang="mn">' in page.text
        assert "Үйлчилгээ" in page.text  # "Service"
        assert page_data(page.text)["texts"]["book"] != page_data(english.text)["texts"]["book"]
    assert '<html lang="en">' in english.text


async def test_a_replaced_links_page_is_gone_and_names_nobody(api: Api) -> None:
    desk = await open_desk(api)
    auth = desk.auth(desk.artist.session)
    link = await _link(api, auth)
    await api.client.post(f"{LINKS}/{link['id']}/regenerate", headers=auth)
    gone = await api.client.get(f"/book/{link['token']}")
    assert gone.status_code == 410
    assert gone.headers["content-type"].startswith("text/html")
    assert desk.artist.artist["displayName"] not in gone.text
    assert "replaced" in gone.text
    unknown = await api.client.get("/book/" + "B" * 32)
    assert unknown.status_code == 404 and "<html" in unknown.text
    odd = await api.client.get("/book/%00%FF")
    assert odd.status_code == 404
    listed = (await api.client.get(LINKS, headers=auth)).json()["items"][0]
    assert listed["total"]["visits"] == 0  # neither the gone nor the unknown page counted


async def test_the_page_shows_the_studio_the_policy_and_reviews_before_paying(api: Api) -> None:
    """Before paying: the studio's address, the cancellation policy's terms (48 h, 15 min by
    default) and the newest reviews with their stars, text and the writer's shown name."""
    desk = await open_desk(api)
    auth = desk.auth(desk.artist.session)
    studio = await api.client.post(
        "/api/v1/studios",
        json={"name": "Ink Yard", "address": "Peace Avenue 12", "city": "Ulaanbaatar"},
        headers=auth,
    )
    assert studio.status_code == 201, studio.text
    placed = await api.client.patch(
        f"/api/v1/artists/{desk.artist.id}", json={"studioId": studio.json()["id"]}, headers=auth
    )
    assert placed.status_code == 200, placed.text
    writer = await api.register(f"bat-{uuid4().hex[:6]}@example.com", name="Bat Erdene")
    booking_id = await desk.booked(session=writer)
    api.clock.set(datetime(2026, 3, 5, 14, tzinfo=UTC))
    artist = (await api.login(desk.artist.session["user"]["email"])).json()
    done = await desk.patch(booking_id, artist, status="completed")
    assert done.status_code == 200, done.text
    writer = (await api.login(writer["user"]["email"])).json()
    review = await api.client.post(
        f"/api/v1/bookings/{booking_id}/review",
        json={"rating": 4, "text": "Clean <b>lines</b>, kind artist."},
        headers=desk.auth(writer),
    )
    assert review.status_code == 201, review.text
    link = await _link(api, desk.auth(artist))
    html = (await api.client.get(f"/book/{link['token']}")).text
    assert "Peace Avenue 12, Ulaanbaatar" in html and "Ink Yard" in html
    assert "until 48 h before the start" in html
    assert "within 15 minutes of booking" not in html  # no service here takes a deposit
    assert "Clean &lt;b&gt;lines&lt;/b&gt;, kind artist." in html  # text, never markup
    assert 'aria-label="4 of 5 stars"' in html and "★★★★☆" in html
    assert "Bat E." in html and "Erdene" not in html
    assert html.index("Cancellation policy") < html.index('id="deposit"')
