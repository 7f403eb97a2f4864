"""External calendars over HTTP: an artist connects feeds (URL masked afterwards), the
worker's fetch stores their busy time, and that time is neither offered nor bookable."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest

from booking_domain.scheduling import ExternalCalendarId
from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.catalog_helpers import create_profile
from tests.api.conftest import PASSWORD, Api, ApiFactory
from tests.support.ics_server import Answer, IcsServer, calendar, ics_server

pytestmark = pytest.mark.anyio

CALENDARS = "/api/v1/me/external-calendars"
# Thursday 2026-03-05, 10:00-12:00 UTC (the desk's artist works in UTC, 09:00-17:00).
BUSY = "DTSTART:20260305T100000Z\nDTEND:20260305T120000Z"
FREE = "DTSTART:20260305T140000Z\nDTEND:20260305T150000Z\nTRANSP:TRANSPARENT"


@pytest.fixture
def host() -> Iterator[IcsServer]:
    with ics_server() as server:
        yield server


async def _slots_on_thursday(desk: Desk) -> list[str]:
    params = {
        "serviceId": desk.artist.service["id"],
        "from": "2026-03-05T00:00:00Z",
        "to": "2026-03-06T00:00:00Z",
    }
    answer = await desk.api.client.get(f"/api/v1/artists/{desk.artist.id}/slots", params=params)
    assert answer.status_code == 200, answer.text
    return [s["start"][11:16] for s in answer.json()["items"]]


async def _refresh(api: Api, calendar_id: str) -> None:
    """What the worker's job does right after a calendar is added (and every ten minutes)."""
    await api.bundles.scheduling.refresh_external_calendar(ExternalCalendarId(UUID(calendar_id)))


async def test_busy_time_from_a_feed_is_neither_offered_nor_bookable(
    make_api: ApiFactory, host: IcsServer
) -> None:
    api = await make_api(webhooks_allow_private=True)  # the feed is on this machine
    desk = await open_desk(api)
    auth = api.bearer(desk.artist.session)
    before = await _slots_on_thursday(desk)
    assert "10:00" in before and "11:30" in before

    url = host.put("/private-abc123/basic.ics", Answer(calendar(BUSY, FREE)))
    added = await api.client.post(CALENDARS, json={"url": url, "name": "Personal"}, headers=auth)
    assert added.status_code == 201, added.text
    view = added.json()
    assert view["url"] == "http://127.0.0.1/…" and view["lastFetch"] is None
    assert "abc123" not in added.text
    await _refresh(api, view["id"])

    listed = (await api.client.get(CALENDARS, headers=auth)).json()
    assert listed["total"] == 1 and "abc123" not in str(listed)
    fetch = listed["items"][0]["lastFetch"]
    assert fetch["ok"] is True and fetch["busyCount"] == 1 and fetch["error"] is None
    after = await _slots_on_thursday(desk)
    # A 60-minute service: starts from 09:30 to 11:30 would overlap 10:00-12:00; the
    # transparent 14:00 event blocks nothing.
    assert after == [s for s in before if s not in ("09:30", "10:00", "10:30", "11:00", "11:30")]
    refused = await desk.book(SLOT)  # the same answer as for another booking's time
    assert refused.status_code == 409 and refused.json()["code"] == "slot_taken"

    # The feed fails: the error is shown, the last good busy time still blocks.
    host.put("/private-abc123/basic.ics", Answer(b"oops", 500))
    await _refresh(api, view["id"])
    fetch = (await api.client.get(CALENDARS, headers=auth)).json()["items"][0]["lastFetch"]
    assert fetch["ok"] is False and "500" in fetch["error"] and fetch["busyCount"] == 1
    assert await _slots_on_thursday(desk) == after

    # Disconnected: the time is free again.
    removed = await api.client.delete(f"{CALENDARS}/{view['id']}", headers=auth)
    assert removed.status_code == 204
    assert await _slots_on_thursday(desk) == before
    assert (await desk.book(SLOT)).status_code == 201


async def test_who_may_connect_what(make_api: ApiFactory) -> None:
    api = await make_api(webhooks_allow_private=False)
    artist = await api.register("artist@example.com", role="artist")
    auth = api.bearer(artist)
    secret = "https://calendar.example.com/ical/private-0123456789/basic.ics"
    no_profile = await api.client.post(CALENDARS, json={"url": secret}, headers=auth)
    assert no_profile.status_code == 404
    await create_profile(api, artist)

    for refused in (
        "http://calendar.example.com/feed.ics",  # https only
        "https://127.0.0.1/feed.ics",
        "https://localhost/feed.ics",
        "https://user:pw@calendar.example.com/feed.ics",
        "not a url",
    ):
        answer = await api.client.post(CALENDARS, json={"url": refused}, headers=auth)
        assert answer.status_code == 422, refused
        assert answer.json()["code"] == "invalid_external_calendar"

    ids = []
    for n in range(5):
        url = secret if n == 0 else f"webcal://calendar.example.com/{n}.ics"
        added = await api.client.post(CALENDARS, json={"url": url}, headers=auth)
        assert added.status_code == 201, added.text
        assert added.json()["url"] == "https://calendar.example.com/…"
        ids.append(added.json()["id"])
    sixth = await api.client.post(CALENDARS, json={"url": secret}, headers=auth)
    assert sixth.status_code == 422 and sixth.json()["code"] == "too_many_external_calendars"
    listed = await api.client.get(CALENDARS, headers=auth)
    assert sorted(c["id"] for c in listed.json()["items"]) == sorted(ids)  # one instant: any order
    assert "private-0123456789" not in listed.text

    customer = await api.register("c@example.com")
    assert (await api.client.get(CALENDARS, headers=api.bearer(customer))).status_code == 403
    # A customer learns nothing of the server's DNS: the same 403 for a private host.
    probe = await api.client.post(
        CALENDARS, json={"url": "https://localhost/x.ics"}, headers=api.bearer(customer)
    )
    assert probe.status_code == 403
    other = await api.register("other@example.com", role="artist")
    await create_profile(api, other)
    others = api.bearer(other)
    assert (await api.client.get(CALENDARS, headers=others)).json()["items"] == []
    assert (await api.client.delete(f"{CALENDARS}/{ids[0]}", headers=others)).status_code == 404
    assert (await api.client.delete(f"{CALENDARS}/{ids[0]}", headers=auth)).status_code == 204
    assert (await api.client.delete(f"{CALENDARS}/{ids[0]}", headers=auth)).status_code == 404
    assert (await api.client.get(CALENDARS)).status_code == 401


async def test_a_deleted_artists_calendars_are_forgotten(api: Api) -> None:
    desk = await open_desk(api)
    auth = api.bearer(desk.artist.session)
    url = "https://calendar.example.com/ical/private-0123456789/basic.ics"
    added = await api.client.post(CALENDARS, json={"url": url}, headers=auth)
    assert added.status_code == 201, added.text
    deleted = await api.client.request(
        "DELETE", "/api/v1/me", json={"password": PASSWORD}, headers=auth
    )
    assert deleted.status_code == 204, deleted.text
    # The worker's refresh finds nothing left to fetch.
    gone = ExternalCalendarId(UUID(added.json()["id"]))
    assert await api.bundles.scheduling.refresh_external_calendar(gone) is None
