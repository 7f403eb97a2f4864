# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's aftercare settings over HTTP (``/console/settings/aftercare``): the page
shows the settings, its form sets them through ``SetAftercare`` (read back through the
API), a number out of the domain's bounds is refused naming the field and changes nothing,
another artist's settings are never read or changed, a form without its token does
nothing, and nothing a browser sends makes a 5xx."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
PAGE = "/console/settings/aftercare"
FIELDS = {
    "text": "Keep it clean.\nNo sun for two weeks.",
    "aftercare_delay_minutes": "2",
    "aftercare_delay_minutes_unit": "hours",
    "review_delay_minutes": "5",
    "review_delay_minutes_unit": "days",
    "touch_up_days": "90",
}


async def _aftercare(api: Api, desk: Desk) -> dict[str, Any]:
    read = await api.client.get(
        f"/api/v1/artists/{desk.artist.id}/aftercare", headers=api.bearer(desk.artist.session)
    )
    assert read.status_code == 200, read.text
    found: dict[str, Any] = read.json()
    return found


async def _post(client: httpx.AsyncClient, token: str, **fields: str) -> httpx.Response:
    return await client.post(PAGE, data={"form_token": token, **fields})


async def test_the_page_shows_the_defaults_and_the_form_sets_every_field(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(PAGE)
        assert page.status_code == 200
        assert "<h1>Aftercare</h1>" in page.text and "Sent 3 days after completion" in page.text
        assert "From 0 minutes to 30 days." in page.text  # the domain's bounds, in words
        saved = await _post(client, form_token(page), **FIELDS)
        assert saved.status_code == 200 and str(saved.url).endswith(f"{PAGE}?saved=1")
        assert 'role="status">Saved.' in saved.text and "Sent 2 hours after" in saved.text
    assert await _aftercare(api, desk) | {"updatedAt": None} == {
        "artistId": str(desk.artist.id),
        "text": "Keep it clean.\nNo sun for two weeks.",
        "aftercareDelayMinutes": 120,
        "reviewDelayMinutes": 7200,
        "touchUpDays": 90,
        "updatedAt": None,
    }


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"aftercare_delay_minutes": "31", "aftercare_delay_minutes_unit": "days"},
         "Send the aftercare after: choose from 0 minutes to 30 days."),
        ({"review_delay_minutes": "x"}, "Ask for a review after: choose from"),
        ({"review_delay_minutes_unit": "weeks"}, "Ask for a review after: choose from"),
        ({"touch_up_days": "731"}, "Free touch-ups within (days): choose from 0 to 730."),
        ({"text": "bad\x00text"}, "Aftercare text:"),
    ],
)  # fmt: skip
async def test_a_field_out_of_bounds_is_named_and_nothing_changes(
    api: Api, fields: dict[str, str], named: str
) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        refused = await _post(client, token, **{**FIELDS, **fields})
        assert refused.status_code == 422 and 'role="alert"' in refused.text
        assert named in refused.text, refused.text[:2000]
    assert (await _aftercare(api, desk))["updatedAt"] is None


async def test_the_page_and_its_refusals_speak_mongolian(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(f"{PAGE}?lang=mn")
        assert "<h1>Арчилгаа</h1>" in page.text and "30 хоног" in page.text
        refused = await _post(client, form_token(page), **{**FIELDS, "touch_up_days": "999"})
        assert refused.status_code == 422 and "Үнэгүй засвар" in refused.text


async def test_another_artists_settings_are_never_read_or_changed(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin)
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        token = form_token(await client.get(PAGE))
        # The page has no artist in its address: the form sets the signed-in artist's own.
        assert (await _post(client, token, **FIELDS, artist_id=str(theirs.artist.id))).is_success
    assert (await _aftercare(api, theirs))["updatedAt"] is None
    assert (await _aftercare(api, mine))["touchUpDays"] == 90


async def test_a_form_without_its_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        assert (await client.post(PAGE, data=FIELDS)).status_code == 403
        stolen = await client.post(PAGE, data={**FIELDS, "form_token": "0" * 64})
        assert stolen.status_code == 403
    assert (await _aftercare(api, desk))["updatedAt"] is None


async def test_signed_out_the_page_sends_to_sign_in(api: Api) -> None:
    async with browser(api) as client:
        answer = await client.get(PAGE, follow_redirects=False)
        assert answer.status_code == 303 and "/console/sign-in" in answer.headers["location"]


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    odd_texts = ["", "\x00", "x" * 9000, "9" * 400, "-1", "１２", "٣", "🙂"]
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        for odd in odd_texts:
            for name in FIELDS:
                answer = await _post(client, token, **{**FIELDS, name: odd})
                assert answer.status_code < 500, (name, odd[:20], answer.status_code)
        for raw in (b"form_token=\xff\xfe&text=\xc3", b"\x00\x00", b"%ZZ=%", b"a" * 100_000):
            answer = await client.post(
                PAGE, content=raw, headers={"content-type": "application/x-www-form-urlencoded"}
            )
            assert answer.status_code < 500, (raw[:20], answer.status_code)
