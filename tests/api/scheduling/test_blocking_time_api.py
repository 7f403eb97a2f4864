"""``POST /availability/blocks`` over HTTP: an artist blocks part of a date, stored as that
date's override with the rest of the day kept; the free starts and a booking's check see it
at once; a second block cuts from what the first left; blocking time that is not open, a
date out of reach or another artist's profile is refused and changes nothing."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.api.booking_helpers import SLOT, open_desk
from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
BLOCKS = "/api/v1/availability/blocks"
THURSDAY = "2026-03-05"


async def _starts(api: Api, artist_id: str, service_id: str) -> list[str]:
    read = await api.client.get(
        f"/api/v1/artists/{artist_id}/slots",
        params={"serviceId": service_id, "from": f"{THURSDAY}T00:00:00Z",
                "to": "2026-03-06T00:00:00Z"},
    )  # fmt: skip
    assert read.status_code == 200, read.text
    return [s["start"][11:16] for s in read.json()["items"]]


async def _overrides(api: Api, artist_id: str) -> list[tuple[str, bool, list[Any]]]:
    read = (await api.client.get(f"/api/v1/artists/{artist_id}/availability")).json()
    return [(o["date"], o["closed"], o["windows"]) for o in read["overrides"]]


async def test_an_afternoon_blocked_keeps_the_morning_and_bookings_see_it(api: Api) -> None:
    desk = await open_desk(api)  # weekdays 09:00-17:00 UTC, one-hour service
    artist, service = desk.artist.id, desk.artist.service["id"]
    auth = desk.auth(desk.artist.session)
    assert "14:00" in await _starts(api, artist, service)
    blocked = await api.client.post(
        BLOCKS, json={"date": THURSDAY, "startTime": "13:00", "endTime": "24:00"}, headers=auth
    )
    assert blocked.status_code == 201, blocked.text
    assert blocked.json()["windows"] == [{"startTime": "09:00", "endTime": "13:00"}]
    starts = await _starts(api, artist, service)
    assert starts and all(s < "13:00" for s in starts) and "12:00" in starts
    refused = await desk.book("2026-03-05T14:00:00Z")
    assert refused.status_code == 422, refused.text
    # A second block cuts from what the first left: 10:00-11:00 goes too.
    again = await api.client.post(
        BLOCKS, json={"date": THURSDAY, "startTime": "10:00", "endTime": "11:00"}, headers=auth
    )
    assert again.status_code == 201, again.text
    assert await _overrides(api, artist) == [(THURSDAY, False, [
        {"startTime": "09:00", "endTime": "10:00"}, {"startTime": "11:00", "endTime": "13:00"},
    ])]  # fmt: skip
    # The rest of the morning, blocked: the date is closed.
    for span in (("09:00", "10:00"), ("11:00", "13:00")):
        closed = await api.client.post(
            BLOCKS, json={"date": THURSDAY, "startTime": span[0], "endTime": span[1]},
            headers=auth,
        )  # fmt: skip
        assert closed.status_code == 201, closed.text
    assert await _overrides(api, artist) == [(THURSDAY, True, [])]
    assert await _starts(api, artist, service) == []


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"date": THURSDAY, "startTime": "18:00", "endTime": "20:00"}, "invalid_schedule"),
        ({"date": "2026-03-07", "startTime": "10:00", "endTime": "12:00"}, "invalid_schedule"),
        ({"date": THURSDAY, "startTime": "12:00", "endTime": "12:00"}, "invalid_schedule"),
        ({"date": THURSDAY, "startTime": "13:00", "endTime": "12:00"}, "invalid_schedule"),
        ({"date": THURSDAY, "startTime": "25:00", "endTime": "26:00"}, "invalid_input"),
        ({"date": THURSDAY, "startTime": "1٣:00", "endTime": "14:00"}, "invalid_input"),
        ({"date": "2031-03-05", "startTime": "10:00", "endTime": "12:00"}, "invalid_input"),
        ({"date": "2026-02-30", "startTime": "10:00", "endTime": "12:00"}, "invalid_input"),
        ({"date": THURSDAY, "startTime": "10:00\u0000", "endTime": "12:00"}, "invalid_input"),
        ({"date": THURSDAY}, "invalid_input"),
    ],
)
async def test_a_block_that_is_not_one_is_refused_and_changes_nothing(
    api: Api, body: dict[str, str], code: str
) -> None:
    desk = await open_desk(api)
    refused = await api.client.post(BLOCKS, json=body, headers=desk.auth(desk.artist.session))
    assert refused.status_code == 422, refused.text
    assert refused.json()["code"] == code
    assert await _overrides(api, desk.artist.id) == []


async def test_only_the_artist_and_admins_block_and_strangers_change_nothing(api: Api) -> None:
    desk = await open_desk(api)
    other = await open_desk(api, admin=desk.admin)
    body = {"date": THURSDAY, "startTime": "10:00", "endTime": "12:00"}
    named = {**body, "artistId": desk.artist.id}
    assert (await api.client.post(BLOCKS, json=body)).status_code == 401
    customer = await api.client.post(BLOCKS, json=body, headers=desk.auth(desk.customer))
    assert customer.status_code == 403
    stranger = await api.client.post(BLOCKS, json=named, headers=other.auth(other.artist.session))
    assert stranger.status_code in (403, 404), stranger.text
    assert await _overrides(api, desk.artist.id) == []
    by_admin = await api.client.post(BLOCKS, json=named, headers=desk.auth(desk.admin))
    assert by_admin.status_code == 201, by_admin.text
    assert (await desk.book(SLOT)).status_code == 422  # 10:00 is blocked now


async def test_blocks_of_one_date_at_once_both_take_effect(api: Api) -> None:
    """Each block reads what the date offers, cuts and writes: two at once queue, so the
    second cuts from what the first left instead of writing over it."""
    desk = await open_desk(api)
    auth = desk.auth(desk.artist.session)
    spans = [("09:00", "10:00"), ("11:00", "12:00"), ("13:00", "14:00"), ("15:00", "16:00")]
    answers = await asyncio.gather(*(
        api.client.post(BLOCKS, json={"date": THURSDAY, "startTime": a, "endTime": b},
                        headers=auth)
        for a, b in spans
    ))  # fmt: skip
    assert [a.status_code for a in answers] == [201] * len(spans)
    assert await _overrides(api, desk.artist.id) == [(THURSDAY, False, [
        {"startTime": "10:00", "endTime": "11:00"}, {"startTime": "12:00", "endTime": "13:00"},
        {"startTime": "14:00", "endTime": "15:00"}, {"startTime": "16:00", "endTime": "17:00"},
    ])]  # fmt: skip
