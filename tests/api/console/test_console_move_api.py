# ruff: noqa: RUF001 (Mongolian and look-alike characters, on purpose)
"""Moving a booking from the console, over HTTP: the page says what moving does and lists
the day's free starts of the booking's service; a start tapped (or any day and time typed)
moves it through the API's ``RescheduleBooking`` and the booking's page says so; a time the
artist does not offer, a day that does not exist, a booking that may no longer move,
another artist's booking or a form without its token are refused and change nothing, and
odd input never answers 5xx."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import act, browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio


def _move(booking_id: str) -> str:
    return f"/console/bookings/{booking_id}/move"


async def _start(desk: Desk, booking_id: str) -> str:
    read = await desk.get(f"/{booking_id}", desk.artist.session)
    return str(read.json()["start"])


async def _post(client: httpx.AsyncClient, booking_id: str, **fields: Any) -> httpx.Response:
    page = await client.get(_move(booking_id))
    assert page.status_code == 200, page.text
    return await client.post(_move(booking_id), data={"form_token": form_token(page), **fields})


async def test_the_page_lists_the_days_free_starts_and_a_tap_moves_the_booking(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()  # Thursday 10:00-11:00, the artist's zone is UTC
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        day = await client.get("/console", params={"day": "2026-03-05"})
        assert f'href="{_move(booking_id)}"' in day.text  # offered beside cancel
        page = await client.get(_move(booking_id))
        assert page.status_code == 200, page.text
        assert "keeps its deposit" in page.text
        listed = page.text.split('class="move-starts"')[1].split("</ul>")[0]
        assert 'value="09:00"' in listed and 'value="11:00"' in listed
        assert 'value="10:00"' not in listed  # its own time is not a place to move to
        moved = await client.post(
            _move(booking_id),
            data={"form_token": form_token(page), "day": "2026-03-05", "time": "14:00"},
        )
        assert [r.status_code for r in moved.history] == [303], moved.text
        assert str(moved.url).endswith(f"/console/bookings/{booking_id}?done=moved")
        assert "The booking is moved" in moved.text
        assert await _start(desk, booking_id) == "2026-03-05T14:00:00Z"
        # Any other day, typed: the next day's first hour.
        other = await _post(client, booking_id, day="2026-03-06", time="09:00")
        assert [r.status_code for r in other.history] == [303], other.text
    assert await _start(desk, booking_id) == "2026-03-06T09:00:00Z"
    history = await desk.get(f"/{booking_id}/events", desk.customer)
    assert [e["kind"] for e in history.json()["items"]].count("rescheduled") == 2


@pytest.mark.parametrize(
    ("fields", "status", "said"),
    [
        ({"day": "2026-03-05", "time": "20:00"}, 422, "cannot be booked"),  # after hours
        ({"day": "2026-03-07", "time": "10:00"}, 422, "cannot be booked"),  # a Saturday
        ({"day": "2026-02-30", "time": "10:00"}, 422, "Choose a day and a time."),
        ({"day": "2026-03-05", "time": "25:61"}, 422, "Choose a day and a time."),
        ({"day": "2026-03-05\x00", "time": "10\x00"}, 422, "Choose a day and a time."),
        ({"day": "٢٠٢٦-٠٣-٠٥", "time": "١٤:٠٠"}, 422, "Choose a day and a time."),
        ({"day": "9999-12-31", "time": "23:59"}, 422, "between the years"),
        ({"day": "0001-01-01", "time": "00:00"}, 422, "between the years"),
        ({"day": "2026-03-05 ", "time": "14:00"}, 422, "Choose a day and a time."),
        ({"day": "2026-03-05", "time": "14:00:00"}, 422, "Choose a day and a time."),
        ({"time": "14:00"}, 422, "Choose a day and a time."),
        ({"day": "2026-03-05", "time": "10:00"}, 409, "already starts"),  # where it is
    ],
)
async def test_a_time_that_cannot_be_booked_is_said_and_nothing_moves(
    api: Api, fields: dict[str, str], status: int, said: str | None
) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        refused = await _post(client, booking_id, **fields)
    assert refused.status_code == status, refused.text
    assert 'role="alert"' in refused.text
    if said:
        assert said in refused.text
    assert await _start(desk, booking_id) == SLOT


async def test_strangers_stale_bookings_and_missing_tokens_change_nothing(api: Api) -> None:
    desk = await open_desk(api)
    other = await open_desk(api, admin=desk.admin)
    theirs = await other.booked()
    mine = await desk.booked()
    cancelled = await desk.booked("2026-03-05T13:00:00Z")
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(_move(mine)))
        assert (await client.get(_move(theirs))).status_code == 404
        stolen = await client.post(
            _move(theirs), data={"form_token": token, "day": "2026-03-05", "time": "14:00"}
        )
        assert stolen.status_code == 404
        for odd in ("nope", "0" * 36, "%00", "018f0000-0000-7000-8000-000000000000"):
            assert (await client.get(_move(odd))).status_code == 404, odd
        untokened = await client.post(_move(mine), data={"day": "2026-03-05", "time": "14:00"})
        assert untokened.status_code == 403
        day_page = await client.get("/console", params={"day": "2026-03-05"})
        done = await act(client, cancelled, "cancel", form_token(day_page))
        assert [r.status_code for r in done.history] == [303], done.text
        assert (await client.get(_move(cancelled))).status_code == 409
        late = await client.post(
            _move(cancelled), data={"form_token": token, "day": "2026-03-05", "time": "15:00"}
        )
        assert late.status_code == 409
    assert await _start(other, theirs) == SLOT
    assert await _start(desk, mine) == SLOT
    assert await _start(desk, cancelled) == "2026-03-05T13:00:00Z"


async def test_signed_out_goes_to_sign_in_and_the_page_speaks_mongolian(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    async with browser(api) as client:
        away = await client.get(_move(booking_id), follow_redirects=False)
        assert away.status_code in (302, 303) and "/console/sign-in" in away.headers["location"]
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(_move(booking_id), params={"lang": "mn", "day": "2026-03-06"})
    assert page.status_code == 200
    assert "Энэ захиалгыг шилжүүлэх" in page.text and 'value="2026-03-06"' in page.text
    assert BOOKINGS not in page.text
