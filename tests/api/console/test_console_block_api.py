# ruff: noqa: RUF001 (Mongolian and other-script characters, on purpose)
"""Blocking time from the console, over HTTP: the page shows the date's hours as they stand;
a span blocked goes through the API's ``BlockTime`` (the date's override keeps the rest),
the day's page follows and the week shows the date's new hours; the free starts and a
booking's check see it at once; a span that is not open, a date that is no date or out of
reach, odd input and a form without its token are refused and change nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
BLOCK = "/console/availability/block"
THURSDAY = "2026-03-05"


async def _overrides(api: Api, artist_id: str) -> list[tuple[str, bool, list[Any]]]:
    read = (await api.client.get(f"/api/v1/artists/{artist_id}/availability")).json()
    return [(o["date"], o["closed"], o["windows"]) for o in read["overrides"]]


async def _post(client: httpx.AsyncClient, **fields: str) -> httpx.Response:
    page = await client.get(BLOCK, params={"day": THURSDAY})
    assert page.status_code == 200, page.text
    return await client.post(BLOCK, data={"form_token": form_token(page), **fields})


async def test_an_afternoon_blocked_from_the_day_shows_on_the_week(api: Api) -> None:
    desk = await open_desk(api)  # weekdays 09:00-17:00 UTC
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        day = await client.get("/console", params={"day": THURSDAY})
        assert f'href="{BLOCK}?day={THURSDAY}"' in day.text
        page = await client.get(BLOCK, params={"day": THURSDAY})
        assert "09:00–17:00" in page.text.split('id="hours"')[1].split("</p>")[0]
        blocked = await _post(client, date=THURSDAY, start="13:00", end="")
        assert [r.status_code for r in blocked.history] == [303], blocked.text
        assert str(blocked.url).endswith(f"/console?day={THURSDAY}")
        week = await client.get("/console/week", params={"day": THURSDAY})
        thursday = week.text.split(f'href="/console?day={THURSDAY}"')[1].split("</li>")[0]
        assert "09:00–13:00" in thursday
        closed = await _post(client, date=THURSDAY, start="09:00", end="13:00")
        assert [r.status_code for r in closed.history] == [303], closed.text
        week = await client.get("/console/week", params={"day": THURSDAY})
        thursday = week.text.split(f'href="/console?day={THURSDAY}"')[1].split("</li>")[0]
        assert "Closed" in thursday and "availability/block" not in thursday
    assert await _overrides(api, desk.artist.id) == [(THURSDAY, True, [])]
    assert (await desk.book("2026-03-05T10:00:00Z")).status_code == 422


@pytest.mark.parametrize(
    ("fields", "status", "said"),
    [
        ({"date": THURSDAY, "start": "18:00", "end": "20:00"}, 422, "nothing to block"),
        ({"date": "2026-03-07", "start": "10:00", "end": ""}, 422, "nothing to block"),
        ({"date": THURSDAY, "start": "12:00", "end": "11:00"}, 422, None),
        ({"date": THURSDAY, "start": "", "end": "11:00"}, 422, "time to block from"),
        ({"date": "2026-02-30", "start": "10:00", "end": ""}, 422, "time to block from"),
        ({"date": "٢٠٢٦-٠٣-٠٥", "start": "10:00", "end": ""}, 422, "time to block from"),
        ({"date": THURSDAY + "\x00", "start": "10:00", "end": ""}, 422, "time to block from"),
        ({"date": THURSDAY, "start": "1٠:00", "end": ""}, 422, None),
        ({"date": THURSDAY, "start": "10:00\x00", "end": ""}, 422, None),
        ({"date": "9999-12-31", "start": "10:00", "end": ""}, 422, None),
        ({"date": "2031-03-05", "start": "10:00", "end": ""}, 422, None),
    ],
)
async def test_a_span_that_cannot_be_blocked_is_said_and_nothing_changes(
    api: Api, fields: dict[str, str], status: int, said: str | None
) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        refused = await _post(client, **fields)
    assert refused.status_code == status, refused.text
    assert 'role="alert"' in refused.text
    if said:
        assert said in refused.text
    assert await _overrides(api, desk.artist.id) == []


async def test_no_token_no_profile_or_signed_out_blocks_nothing(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        away = await client.get(BLOCK, follow_redirects=False)
        assert "/console/sign-in" in away.headers["location"]
        await sign_in(client, email_of(desk.artist.session))
        untokened = await client.post(BLOCK, data={"date": THURSDAY, "start": "10:00"})
        assert untokened.status_code == 403
        mongolian = await client.get(BLOCK, params={"day": THURSDAY, "lang": "mn"})
        assert "Цаг хаах" in mongolian.text
    assert await _overrides(api, desk.artist.id) == []


@pytest.mark.parametrize(
    "raw", [b"start=1%FF:00", b"start=%C3", b"start=\xff\xfe", b"end=%ED%A0%80"]
)
async def test_a_form_whose_text_is_not_utf8_is_refused_not_read_with_stand_ins(
    api: Api, raw: bytes
) -> None:
    """Every console form: bytes that are no UTF-8 are a 400 saying so, nothing done (they
    were read as U+FFFD stand-ins and could be stored)."""
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(BLOCK, params={"day": THURSDAY}))
        body = b"form_token=" + token.encode() + b"&date=" + THURSDAY.encode() + b"&" + raw
        sent = await client.post(
            BLOCK, content=body, headers={"content-type": "application/x-www-form-urlencoded"}
        )
    assert sent.status_code == 400, sent.text[:300]
    assert "not text" in sent.text
    assert await _overrides(api, desk.artist.id) == []
