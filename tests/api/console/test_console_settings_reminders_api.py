# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's reminders over HTTP (``/console/settings/reminders``): the offsets in
words, added, removed and turned off through ``SetReminderOffsets`` (read back through the
API), an offset out of the domain's bounds refused naming the field, the domain's own
refusals (a repeat, a fifth) said on the page, another artist's never touched, a form
without its token doing nothing, and no 5xx for anything a browser sends."""

from __future__ import annotations

import httpx
import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
PAGE = "/console/settings/reminders"


async def _offsets(api: Api, desk: Desk) -> list[int]:
    read = await api.client.get(
        f"/api/v1/artists/{desk.artist.id}/reminders", headers=api.bearer(desk.artist.session)
    )
    assert read.status_code == 200, read.text
    found: list[int] = read.json()["offsetsMinutes"]
    return found


async def _post(client: httpx.AsyncClient, path: str, token: str, **fields: str) -> httpx.Response:
    return await client.post(f"{PAGE}{path}", data={"form_token": token, **fields})


async def test_the_reminders_are_shown_added_removed_and_turned_off(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(PAGE)
        assert page.status_code == 200
        assert "1 day before" in page.text and "2 hours before" in page.text
        assert "From 15 minutes to 14 days; at most 4 reminders." in page.text
        token = form_token(page)
        added = await _post(client, "", token, offset="30", offset_unit="minutes")
        assert added.status_code == 200 and "30 minutes before" in added.text
        assert await _offsets(api, desk) == [1440, 120, 30]
        removed = await _post(client, "/remove", token, minutes="120")
        assert removed.status_code == 200 and "2 hours before" not in removed.text
        assert await _offsets(api, desk) == [1440, 30]
        off = await _post(client, "/off", token)
        assert off.status_code == 200 and "Reminders are off" in off.text
    assert await _offsets(api, desk) == []


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"offset": "15", "offset_unit": "days"},
         "Remind before the appointment: choose from 15 minutes to 14 days."),
        ({"offset": "10", "offset_unit": "minutes"}, "Remind before the appointment: choose"),
        ({"offset": "1", "offset_unit": "weeks"}, "Remind before the appointment: choose"),
        ({"offset": "", "offset_unit": "days"}, "Remind before the appointment: choose"),
        ({"offset": "1", "offset_unit": "days"}, "Each reminder offset may appear once."),
    ],
)  # fmt: skip
async def test_an_offset_the_rules_refuse_is_said_and_nothing_changes(
    api: Api, fields: dict[str, str], said: str
) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        refused = await _post(client, "", token, **fields)
        assert refused.status_code == 422 and 'role="alert"' in refused.text
        assert said in refused.text
    assert await _offsets(api, desk) == [1440, 120]


async def test_a_fifth_reminder_is_refused_by_the_domain(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        for minutes in ("30", "60"):
            await _post(client, "", token, offset=minutes, offset_unit="minutes")
        full = await client.get(PAGE)
        assert "At most 4 reminders: remove one to add another." in full.text
        refused = await _post(client, "", token, offset="45", offset_unit="minutes")
        assert refused.status_code == 422 and "Choose at most 4 reminders." in refused.text
    assert await _offsets(api, desk) == [1440, 120, 60, 30]


async def test_the_page_speaks_mongolian(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(f"{PAGE}?lang=mn")
        assert "<h1>Сануулга</h1>" in page.text and "Цаг эхлэхээс 1 хоног өмнө" in page.text
        refused = await _post(client, "", form_token(page), offset="99", offset_unit="days")
        assert refused.status_code == 422 and "Цаг эхлэхээс өмнө сануулах:" in refused.text


async def test_another_artists_reminders_are_never_changed(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin)
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        token = form_token(await client.get(PAGE))
        off = await _post(client, "/off", token, artist_id=str(theirs.artist.id))
        assert off.status_code == 200
    assert await _offsets(api, mine) == []
    assert await _offsets(api, theirs) == [1440, 120]
    other = await api.client.get(
        f"/api/v1/artists/{theirs.artist.id}/reminders", headers=api.bearer(mine.artist.session)
    )
    assert other.status_code == 404  # what the page reads is the API's: never another's


async def test_a_form_without_its_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        for path, fields in (("", {"offset": "30", "offset_unit": "minutes"}),
                             ("/remove", {"minutes": "120"}), ("/off", {})):  # fmt: skip
            assert (await client.post(f"{PAGE}{path}", data=fields)).status_code == 403
            stolen = await client.post(f"{PAGE}{path}", data={**fields, "form_token": "0" * 64})
            assert stolen.status_code == 403
    assert await _offsets(api, desk) == [1440, 120]


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    odd_texts = ["", "\x00", "x" * 5000, "9" * 400, "-1", "１２", "٣", "🙂", "1e3"]
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        for odd in odd_texts:
            for path, fields in (
                ("", {"offset": odd, "offset_unit": "hours"}),
                ("", {"offset": "3", "offset_unit": odd}),
                ("/remove", {"minutes": odd}),
            ):
                answer = await _post(client, path, token, **fields)
                assert 400 <= answer.status_code < 500, (path, odd[:20], answer.status_code)
        for raw in (b"form_token=\xff\xfe&offset=\xc3", b"\x00\x00", b"%ZZ=%", b"a" * 100_000):
            for path in ("", "/remove", "/off"):
                answer = await client.post(
                    f"{PAGE}{path}",
                    content=raw,
                    headers={"content-type": "application/x-www-form-urlencoded"},
                )
                assert answer.status_code < 500, (path, raw[:20], answer.status_code)
