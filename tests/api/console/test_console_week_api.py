# ruff: noqa: RUF001 (look-alike characters, on purpose)
"""The console's week and walk-in over HTTP: the week lists each day's bookings from
Monday; a walk-in is booked for a client record through ``CreateBooking`` with its rules
(a time not offered is refused on the form, nothing made), once however often its form is
sent, and never without the session's form token."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
_KEY = re.compile(r'name="key" value="([0-9a-f-]+)"')
_SERVICE = re.compile(r'<option value="([0-9a-f-]+)"')


async def _walk_in_form(client: httpx.AsyncClient, day: str) -> dict[str, str]:
    page = await client.get(f"/console/book?day={day}")
    assert page.status_code == 200
    key, service = _KEY.search(page.text), _SERVICE.search(page.text)
    assert key and service
    return {"form_token": form_token(page), "key": key.group(1), "service": service.group(1)}


async def _bookings(api: Api, session: dict[str, Any]) -> list[dict[str, Any]]:
    listed = await api.client.get(BOOKINGS, headers=api.bearer(session))
    items: list[dict[str, Any]] = listed.json()["items"]
    return items


async def test_the_week_lists_each_days_bookings_from_monday(api: Api) -> None:
    desk = await open_desk(api)
    thursday = await desk.booked(SLOT)
    friday = await desk.booked("2026-03-06T10:00:00Z")
    next_monday = await desk.booked("2026-03-09T10:00:00Z")
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        week = await client.get("/console/week?day=2026-03-05")
        assert week.status_code == 200
        text = week.text
        assert text.count('class="week-day') == 7
        assert text.index("Monday, 2 March 2026") < text.index(thursday) < text.index(friday)
        assert next_monday not in text
        later = await client.get("/console/week?day=2026-03-12")
        assert next_monday in later.text and thursday not in later.text


async def test_a_walk_in_is_booked_once_for_a_client_record(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        form = await _walk_in_form(client, "2026-03-05")
        body = {**form, "day": "2026-03-05", "time": "14:00", "name": "Walk In",
                "phone": "+97699112233", "notes": "Small rose"}  # fmt: skip
        first = await client.post("/console/book", data=body)
        assert first.status_code == 200 and "/console/bookings/" in str(first.url)
        assert "Walk In" in first.text and "14:00–15:00" in first.text
        again = await client.post("/console/book", data=body)  # the same form sent twice
        assert str(again.url) == str(first.url)
    booked = await _bookings(api, desk.artist.session)
    assert len(booked) == 1
    assert booked[0]["start"] == "2026-03-05T14:00:00Z" and booked[0]["clientId"]
    assert booked[0]["status"] == "confirmed" and booked[0]["notes"] == "Small rose"


async def test_a_time_not_offered_is_refused_on_the_form(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        form = await _walk_in_form(client, "2026-03-05")
        late = {**form, "day": "2026-03-05", "time": "20:00", "name": "Late", "phone": "99112233"}
        refused = await client.post("/console/book", data=late)
        assert refused.status_code == 409 and 'role="alert"' in refused.text
        assert 'value="Late"' in refused.text  # what was typed is kept
        unclear = await client.post("/console/book", data={**late, "time": "25:99"})
        assert unclear.status_code == 422
        unsigned = {**late, "time": "14:00", "form_token": ""}
        forged = await client.post("/console/book", data=unsigned)
        assert forged.status_code == 403
    assert await _bookings(api, desk.artist.session) == []


async def test_odd_week_and_walk_in_input_is_never_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    odd = ["", "\x00", "0001-01-01", "9999-12-31", "9999-12-25", "0001-01-03", "2026-02-29",
           "٢٠٢٦-٠٣-٠٥", "ＡＢＣ", "x" * 3000, "-1", "99:99", "23:59:60"]  # fmt: skip
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        form = await _walk_in_form(client, "2026-03-05")
        for text in odd:
            for path in ("/console/week", "/console/book"):
                answer = await client.get(path, params={"day": text})
                assert answer.status_code < 500, (path, text)
            for field in ("day", "time", "name", "phone", "notes", "service", "key"):
                body = {**form, "day": "2026-03-05", "time": "14:00", "name": "N",
                        "phone": "99112233", field: text}  # fmt: skip
                answer = await client.post("/console/book", data=body)
                assert answer.status_code < 500, (field, text, answer.status_code)
