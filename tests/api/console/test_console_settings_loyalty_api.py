# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's loyalty section over HTTP (``/console/settings/loyalty``): the artist's own
program set through ``SetArtistProgram`` (read back through the API) with what a customer
earns worked out by the domain on the artist's service's price, a field out of the
domain's bounds refused naming it, the domain's own refusals naming their fields, another
artist's program never touched, a form without its token doing nothing, and no 5xx."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
PAGE = "/console/settings/loyalty"
FIELDS = {
    "active": "yes",
    "currency": "MNT",
    "spend_per_point": "100",  # whole units: MNT 100 a point
    "point_value": "10",
    "review_points": "5",
    "max_share_percent": "20",
    "expiry_days": "365",
    "tier0_name": "Gold",
    "tier0_threshold": "100",
    "tier0_multiplier_percent": "150",
}


async def _program(api: Api, desk: Desk) -> httpx.Response:
    return await api.client.get(
        f"/api/v1/artists/{desk.artist.id}/loyalty-program",
        headers=api.bearer(desk.artist.session),
    )


async def _post(client: httpx.AsyncClient, token: str, **fields: str) -> httpx.Response:
    return await client.post(PAGE, data={"form_token": token, **fields})


async def test_the_program_is_set_and_what_a_customer_earns_is_explained(api: Api) -> None:
    desk = await open_desk(api)  # its service costs MNT 1,500 (150,000 minor units)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(PAGE)
        assert page.status_code == 200 and "You have no program of your own yet" in page.text
        saved = await _post(client, form_token(page), **FIELDS)
        assert saved.status_code == 200 and str(saved.url).endswith(f"{PAGE}?saved=1")
        text = saved.text
        assert "Every MNT 100 spent earns 1 point; a point takes MNT 10 off" in text
        assert "A booking of MNT 1,500 earns 15 points, worth MNT 150." in text
        assert "At Gold (100 points over 12 months) it earns 22 points, worth MNT 220." in text
        assert "A published review earns 5 points." in text
        assert "at most 20% of an invoice and expire 365 days after" in text
    found = await _program(api, desk)
    assert found.status_code == 200
    program: dict[str, Any] = found.json()
    assert {k: program[k] for k in ("active", "currency", "spendPerPoint", "pointValue",
            "reviewPoints", "maxSharePercent", "expiryDays")} == {
        "active": True, "currency": "MNT", "spendPerPoint": 10_000, "pointValue": 1_000,
        "reviewPoints": 5, "maxSharePercent": 20, "expiryDays": 365,
    }  # fmt: skip
    assert program["tiers"] == [{"name": "Gold", "threshold": 100, "multiplierPercent": 150}]


async def test_turning_it_off_keeps_the_rates(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        await _post(client, token, **FIELDS)
        off = await _post(client, token, **{**FIELDS, "active": ""})
        assert off.status_code == 200 and "Your program is off" in off.text
    program = (await _program(api, desk)).json()
    assert program["active"] is False and program["version"] == 2


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"max_share_percent": "91"},
         "Points pay at most (percent of an invoice): choose from 1 to 90."),
        ({"expiry_days": "0"}, "Points expire after (days): choose from 1 to 3,650."),
        ({"spend_per_point": "0"}, "Spending that earns one point: choose from 0.01 to"),
        ({"point_value": "abc"}, "What one point takes off an invoice: choose from"),
        ({"tier0_multiplier_percent": "99"},
         "Tier 1: Earns (percent of the points): choose from 100 to 500."),
        ({"currency": "XYZ"}, "Currency: &#39;XYZ&#39; is not a circulating"),
        ({"tier1_name": "Ink", "tier1_threshold": "50", "tier1_multiplier_percent": "200"},
         "Tiers: Thresholds rise strictly"),
        ({"tier0_name": "bad\x00name"}, "Tier 1: Tier name:"),
    ],
)  # fmt: skip
async def test_a_field_refused_is_named_and_nothing_changes(
    api: Api, fields: dict[str, str], said: str
) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        refused = await _post(client, token, **{**FIELDS, **fields})
        assert refused.status_code == 422 and 'role="alert"' in refused.text
        assert said in refused.text, refused.text.split('role="alert">')[1][:400]
    assert (await _program(api, desk)).status_code == 404


async def test_the_page_speaks_mongolian(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        await _post(client, token, **FIELDS)
        page = await client.get(f"{PAGE}?lang=mn")
        assert "<h1>Урамшууллын хөтөлбөр</h1>" in page.text
        assert "MNT 1,500 үнэтэй захиалга 15 оноо авчирна" in page.text
        refused = await _post(client, token, **{**FIELDS, "expiry_days": "0"})
        assert refused.status_code == 422 and "Оноо хүчингүй болох хугацаа (хоног):" in refused.text


async def test_another_artists_program_is_never_read_or_changed(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin)
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        token = form_token(await client.get(PAGE))
        answer = await _post(client, token, **FIELDS, artist_id=str(theirs.artist.id))
        assert answer.status_code == 200
        assert "You have no program" not in (await client.get(PAGE)).text
    assert (await _program(api, theirs)).status_code == 404  # theirs: never made
    assert (await _program(api, mine)).status_code == 200


async def test_a_form_without_its_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        assert (await client.post(PAGE, data=FIELDS)).status_code == 403
        stolen = await client.post(PAGE, data={**FIELDS, "form_token": "0" * 64})
        assert stolen.status_code == 403
    assert (await _program(api, desk)).status_code == 404


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    odd_texts = ["", "\x00", "x" * 5000, "9" * 400, "-1", "１２", "٣", "🙂", "1e3", "0.001"]
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        for odd in odd_texts:
            for name in FIELDS:
                answer = await _post(client, token, **{**FIELDS, name: odd})
                assert answer.status_code < 500, (name, odd[:20], answer.status_code)
        for raw in (b"form_token=\xff\xfe&currency=\xc3", b"\x00\x00", b"%ZZ=%", b"a" * 100_000):
            answer = await client.post(
                PAGE, content=raw, headers={"content-type": "application/x-www-form-urlencoded"}
            )
            assert answer.status_code < 500, (raw[:20], answer.status_code)
