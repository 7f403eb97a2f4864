"""Calendar feeds over HTTP on PostgreSQL: the owner's secret URL (made once, replaced on
demand), the feed itself without a bearer token, read back by a strict RFC 5545 parser
(``ical``), its conditional GET, and the 404 that says nothing of replaced or unknown
tokens."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from ical.calendar import Calendar
from ical.calendar_stream import IcsCalendarStream
from ical.event import EventStatus

from tests.api.booking_helpers import BOOKINGS, Desk, open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
FEED = "/api/v1/me/calendar-feed"


async def feed_url(desk: Desk, session: dict[str, Any]) -> str:
    response = await desk.api.client.get(FEED, headers=desk.auth(session))
    assert response.status_code == 200, response.text
    return str(response.json()["url"])


async def read_feed(api: Api, url: str, **headers: str) -> Any:
    return await api.client.get(urlsplit(url).path, headers=headers)


def parsed(text: str) -> Calendar:
    return IcsCalendarStream.calendar_from_ics(text)


async def test_each_party_reads_their_bookings_by_a_secret_url(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    url = await feed_url(desk, desk.customer)
    assert url == await feed_url(desk, desk.customer)  # made once, shown again
    path = urlsplit(url).path
    assert path.startswith("/cal/") and path.endswith(".ics") and len(path) == 5 + 64 + 4

    response = await read_feed(api, url)  # no Authorization header: the URL is the secret
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/calendar; charset=utf-8"
    (event,) = parsed(response.text).events
    assert event.uid == f"{booking_id}@inkslot"
    assert event.status is EventStatus.CONFIRMED
    assert event.summary == "Small tattoo · Ink Master"  # the other party: the artist
    # The artist's zone, Africa/Abidjan, has always been UTC: written as UTC, with no
    # VTIMEZONE (the unit tests show a zone of its own written with one).
    assert event.dtstart is not None
    assert event.dtstart.isoformat() == "2026-03-05T10:00:00+00:00"
    assert "BEGIN:VTIMEZONE" not in response.text
    assert desk.customer["user"]["email"] not in response.text

    artist_url = await feed_url(desk, desk.artist.session)
    assert artist_url != url
    (seen_by_artist,) = parsed((await read_feed(api, artist_url)).text).events
    assert seen_by_artist.uid == event.uid and seen_by_artist.summary == "Small tattoo · Ada"


async def test_a_cancelled_booking_stays_cancelled_with_a_higher_sequence(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    url = await feed_url(desk, desk.customer)
    before = parsed((await read_feed(api, url)).text).events[0]
    cancelled = await desk.patch(booking_id, desk.customer, status="cancelled")
    assert cancelled.status_code == 200, cancelled.text
    (after,) = parsed((await read_feed(api, url)).text).events
    assert after.uid == before.uid and after.status is EventStatus.CANCELLED
    assert (after.sequence or 0) > (before.sequence or 0)


async def test_a_feed_answers_304_to_the_etag_it_gave(api: Api) -> None:
    desk = await open_desk(api)
    await desk.booked()
    url = await feed_url(desk, desk.customer)
    first = await read_feed(api, url)
    etag = first.headers["etag"]
    again = await read_feed(api, url, **{"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = await read_feed(api, url, **{"If-None-Match": '"stale"'})
    assert other.status_code == 200 and other.headers["etag"] == etag


async def test_regenerating_retires_the_old_url_without_a_trace(api: Api) -> None:
    desk = await open_desk(api)
    await desk.booked()
    old = await feed_url(desk, desk.customer)
    response = await api.client.post(f"{FEED}/regenerate", headers=desk.auth(desk.customer))
    assert response.status_code == 200, response.text
    new = str(response.json()["url"])
    assert new != old and new == await feed_url(desk, desk.customer)
    assert (await read_feed(api, new)).status_code == 200
    retired = await read_feed(api, old)
    unknown = await api.client.get("/cal/" + "0" * 64 + ".ics")
    assert retired.status_code == unknown.status_code == 404
    same = ("type", "title", "status", "code", "detail")
    # nothing tells a retired URL from a made-up one
    assert [retired.json().get(k) for k in same] == [unknown.json().get(k) for k in same]
    assert retired.json()["code"] == "calendar_feed_not_found"


@pytest.mark.parametrize(
    "name", ["x.ics", "0" * 64, "0" * 64 + ".ICS", "%00.ics", "A" * 64 + ".ics", "z" * 300]
)
async def test_anything_but_a_token_is_404(api: Api, name: str) -> None:
    response = await api.client.get(f"/cal/{name}")
    assert response.status_code == 404


async def test_only_a_signed_in_owner_has_a_feed_url(api: Api) -> None:
    assert (await api.client.get(FEED)).status_code == 401
    assert (await api.client.post(f"{FEED}/regenerate")).status_code == 401
    desk = await open_desk(api)
    other = await desk.customer_named("Bo")
    mine, theirs = await feed_url(desk, desk.customer), await feed_url(desk, other)
    assert mine != theirs
    booking_id = await desk.booked()
    assert (await read_feed(api, theirs)).text.count("BEGIN:VEVENT") == 0
    assert booking_id in (await read_feed(api, mine)).text


async def test_a_feed_lists_only_the_window(api: Api) -> None:
    desk = await open_desk(api)
    near = await desk.booked()
    url = await feed_url(desk, desk.customer)
    listed = await api.client.get(f"{BOOKINGS}/{near}", headers=desk.auth(desk.customer))
    assert listed.status_code == 200
    api.clock.advance(timedelta(days=120))  # past 90 days back
    assert (await read_feed(api, url)).text.count("BEGIN:VEVENT") == 0


async def test_the_access_log_never_shows_a_feed_token(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    desk = await open_desk(api)
    url = await feed_url(desk, desk.customer)
    token = urlsplit(url).path.removeprefix("/cal/").removesuffix(".ics")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="inkslot.access"):
        assert (await read_feed(api, url)).status_code == 200
        assert (await read_feed(api, url.replace(token, "f" * 64))).status_code == 404
    records = [r for r in caplog.records if r.name == "inkslot.access"]
    paths = [r.fields["path"] for r in records]  # type: ignore[attr-defined]
    assert paths == ["/cal/<secret>", "/cal/<secret>"]
    assert token not in caplog.text
