# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's availability over HTTP: the weekly hours by day, the date overrides, the
settings and the next 7 days' free starts; each form goes through the API's use case (seen
through the API after); another artist's hours are "not found" and stay; a form without
its token changes nothing; nothing a browser sends makes a 5xx."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
PAGE = "/console/availability"


async def _availability(desk: Desk) -> dict[str, Any]:
    read = await desk.api.client.get(f"/api/v1/artists/{desk.artist.id}/availability")
    assert read.status_code == 200, read.text
    found: dict[str, Any] = read.json()
    return found


async def _post(client: httpx.AsyncClient, path: str, token: str, **fields: str) -> httpx.Response:
    return await client.post(f"{PAGE}{path}", data={"form_token": token, **fields})


async def test_the_page_shows_the_hours_dates_settings_and_free_starts(api: Api) -> None:
    desk = await open_desk(api, settings={"slotStepMinutes": 60})
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(PAGE)
        assert page.status_code == 200
        text = page.text
        assert 'aria-current="page">Availability<' in text and ">Services<" in text
        assert text.count("<span>09:00–17:00</span>") == 5  # Monday to Friday
        assert "Africa/Abidjan" in text and "Small tattoo" in text
        # The clock is Monday 2026-03-02 10:00 UTC, the notice 24 h: Tuesday from 10:00 on,
        # hourly, the last start at 16:00 (an hour's service ends at 17:00).
        assert '<time datetime="2026-03-03">' in text
        tuesday = text.split('<time datetime="2026-03-03">')[1].split("<h3>")[0]
        assert "10:00" in tuesday and "16:00" in tuesday and "17:00" not in tuesday
        assert 'name="slot_step"' in text and 'value="60"' in text
        mongolian = await client.get(f"{PAGE}?lang=mn")
        assert "Долоо хоногийн ажлын цаг" in mongolian.text and "Даваа" in mongolian.text


async def test_adding_and_removing_hours_changes_the_availability(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        added = await _post(client, "/rules", token, day="6", start="10:00", end="14:00")
        assert added.status_code == 200 and str(added.url).endswith(PAGE)
        assert "10:00–14:00" in added.text
        saturday = [r for r in (await _availability(desk))["rules"] if r["day"] == 6]
        assert [(r["startTime"], r["endTime"]) for r in saturday] == [("10:00", "14:00")]
        removed = await _post(client, f"/rules/{saturday[0]['id']}/remove", token)
        assert removed.status_code == 200 and "10:00–14:00" not in removed.text
    assert not [r for r in (await _availability(desk))["rules"] if r["day"] == 6]


async def test_an_overlapping_window_is_refused_on_the_page_and_nothing_changes(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        refused = await _post(client, "/rules", token, day="1", start="16:00", end="18:00")
        assert refused.status_code == 422 and 'role="alert"' in refused.text
        assert "overlaps 09:00-17:00" in refused.text
    assert len((await _availability(desk))["rules"]) == 5


async def test_time_off_and_a_date_s_own_hours_are_kept_then_removed(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        closed = await _post(client, "/overrides", token, date="2026-03-04", kind="closed")
        assert closed.status_code == 200
        wednesday = closed.text.split('<time datetime="2026-03-04">')[-1].split("<h3>")[0]
        assert "No free times on this day." in wednesday
        opened = await _post(
            client, "/overrides", token, date="2026-03-06", kind="open", start="12:00", end="13:00"
        )
        assert opened.status_code == 200 and "12:00–13:00" in opened.text
        overrides = (await _availability(desk))["overrides"]
        assert [(o["date"], o["closed"]) for o in overrides] == [
            ("2026-03-04", True),
            ("2026-03-06", False),
        ]
        for override in overrides:
            gone = await _post(client, f"/overrides/{override['id']}/remove", token)
            assert gone.status_code == 200
    assert (await _availability(desk))["overrides"] == []


async def test_the_settings_change_through_the_policy(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        fields = {"slot_step": "15", "minimum_notice": "120", "horizon": "30",
                  "deposit_hold": "20", "approval_hold": "600",
                  "free_cancellation_notice": "1440", "daily_cap": "3"}  # fmt: skip
        saved = await _post(client, "/settings", token, **fields)
        assert saved.status_code == 200
        refused = await _post(client, "/settings", token, slot_step="0")
        assert refused.status_code == 422 and 'role="alert"' in refused.text
    artist = (await api.client.get(f"/api/v1/artists/{desk.artist.id}")).json()
    assert artist["settings"] == {
        "slotStepMinutes": 15, "minimumNoticeMinutes": 120, "horizonDays": 30,
        "depositHoldMinutes": 20, "approvalHoldMinutes": 600,
        "freeCancellationMinutes": 1440, "dailyCap": 3,
    }  # fmt: skip


async def test_another_artists_hours_are_not_found_and_stay(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin)
    rule_id = (await _availability(theirs))["rules"][0]["id"]
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        token = form_token(await client.get(PAGE))
        assert (await _post(client, f"/rules/{rule_id}/remove", token)).status_code == 404
        assert (await _post(client, f"/overrides/{rule_id}/remove", token)).status_code == 404
    assert len((await _availability(theirs))["rules"]) == 5


async def test_a_form_without_its_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    rule_id = (await _availability(desk))["rules"][0]["id"]
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        for path, fields in (
            ("/rules", {"day": "6", "start": "10:00", "end": "12:00"}),
            (f"/rules/{rule_id}/remove", {}),
            ("/overrides", {"date": "2026-03-04", "kind": "closed"}),
            ("/settings", {"slot_step": "5"}),
        ):
            answer = await client.post(f"{PAGE}{path}", data=fields)
            assert answer.status_code == 403, path
            stolen = await client.post(f"{PAGE}{path}", data={**fields, "form_token": "0" * 64})
            assert stolen.status_code == 403, path
    after = await _availability(desk)
    assert len(after["rules"]) == 5 and after["overrides"] == []


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    odd_texts = ["", "\x00", "9999-12-31", "0001-01-01", "2026-02-30", "2026-13-01",
                 "٢٠٢٦-٠٣-٠٥", "x" * 5000, "9" * 400, "-1", "１２", "🙂", "24:00", "99:99",
                 "٠٩:٠٠"]  # fmt: skip
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        for odd in odd_texts:
            posts: tuple[tuple[str, dict[str, str]], ...] = (
                ("/rules", {"day": odd, "start": odd, "end": "17:00"}),
                ("/rules", {"day": "0", "start": "08:00", "end": odd}),
                ("/overrides", {"date": odd, "kind": "open", "start": odd, "end": odd}),
                ("/overrides", {"date": "2026-03-10", "kind": odd}),
                ("/settings", {"slot_step": odd, "horizon": odd, "daily_cap": odd}),
                (f"/rules/{quote(odd, safe='')}/remove", {}),
                (f"/overrides/{quote(odd, safe='')}/remove", {}),
            )
            for path, fields in posts:
                answer = await _post(client, path, token, **fields)
                assert answer.status_code < 500, (path, fields, answer.status_code)
            assert (await client.get(f"{PAGE}?lang={quote(odd[:8], safe='')}")).status_code < 500
        for raw in (b"form_token=\xff\xfe&day=\xc3", b"\x00\x00", b"%ZZ=%", b"a" * 100_000):
            for path in ("/rules", "/overrides", "/settings"):
                answer = await client.post(
                    f"{PAGE}{path}",
                    content=raw,
                    headers={"content-type": "application/x-www-form-urlencoded"},
                )
                assert answer.status_code < 500, (path, raw[:20], answer.status_code)
