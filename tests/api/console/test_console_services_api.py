# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's services over HTTP: the list shows each service's terms as the artist
reads money (whole units); adding, changing and taking one off offer go through the API's
use cases (seen through the API after), amounts typed in whole units and kept in minor
units; another artist's service is "not found" and stays; a form without its token changes
nothing; nothing a browser sends makes a 5xx."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
PAGE = "/console/services"
NEW = {"name": "Half sleeve", "duration": "180", "price": "1,500,000", "currency": "MNT",
       "deposit_kind": "amount", "deposit_value": "300000", "buffer_before": "0",
       "buffer_after": "15", "needs_approval": "yes"}  # fmt: skip


async def _services(desk: Desk) -> list[dict[str, Any]]:
    read = await desk.api.client.get(
        f"/api/v1/artists/{desk.artist.id}/services", headers=desk.auth(desk.artist.session)
    )
    assert read.status_code == 200, read.text
    items: list[dict[str, Any]] = read.json()["items"]
    return items


async def _post(client: httpx.AsyncClient, path: str, token: str, **fields: str) -> httpx.Response:
    return await client.post(f"{PAGE}{path}", data={"form_token": token, **fields})


async def test_the_list_shows_each_service_s_terms(api: Api) -> None:
    desk = await open_desk(
        api, service={"price": {"amount": 15_000_000}, "deposit": {"percent": 20}}
    )
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(PAGE)
        assert page.status_code == 200
        text = page.text
        assert 'aria-current="page">Services<' in text
        assert "Small tattoo" in text and "60 min" in text
        assert "MNT 150,000" in text and "MNT 30,000 (20 %)" in text
        assert "Booked at once" in text and ">Take off offer<" in text
        mongolian = await client.get(f"{PAGE}?lang=mn")
        assert "Үйлчилгээнүүд" in mongolian.text


async def test_adding_a_service_takes_whole_units(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        added = await _post(client, "", token, **NEW)
        assert added.status_code == 200 and str(added.url).endswith(PAGE)
        assert "MNT 1,500,000" in added.text and "MNT 300,000" in added.text
    made = next(s for s in await _services(desk) if s["name"] == "Half sleeve")
    assert made["price"] == {"amount": 150_000_000, "currency": "MNT"}
    assert made["deposit"]["amount"] == 30_000_000
    assert made["durationMinutes"] == 180 and made["bufferAfterMinutes"] == 15
    assert made["requiresApproval"] is True and made["active"] is True


async def test_changing_and_taking_off_offer_go_through_the_api_s_rules(api: Api) -> None:
    desk = await open_desk(api)
    service_id = desk.artist.service["id"]
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        form = await client.get(f"{PAGE}/{service_id}")
        assert form.status_code == 200 and 'value="1500"' in form.text  # 150,000 minor units
        token = form_token(form)
        changed = await _post(
            client, f"/{service_id}", token,
            **{**NEW, "name": "Small tattoo", "price": "2000", "deposit_kind": "percent",
               "deposit_value": "10", "needs_approval": ""},
        )  # fmt: skip
        assert changed.status_code == 200 and "MNT 2,000" in changed.text
        above = await _post(
            client, f"/{service_id}", token, **{**NEW, "price": "100", "deposit_value": "500"}
        )
        assert above.status_code == 422 and 'role="alert"' in above.text
        off = await _post(client, f"/{service_id}/offer", token, active="no")
        assert off.status_code == 200 and ">Offer again<" in off.text
    (service,) = await _services(desk)
    assert service["price"]["amount"] == 200_000 and service["deposit"]["percent"] == 10
    assert service["durationMinutes"] == 180 and service["active"] is False


async def test_another_artists_service_is_not_found_and_stays(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin)
    service_id = theirs.artist.service["id"]
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        token = form_token(await client.get(PAGE))
        seen = await client.get(f"{PAGE}/{service_id}")
        assert seen.status_code == 404 and "Small tattoo" not in seen.text
        assert (await _post(client, f"/{service_id}", token, **NEW)).status_code == 404
        assert (await _post(client, f"/{service_id}/offer", token, active="no")).status_code == 404
    (service,) = await _services(theirs)
    assert service["name"] == "Small tattoo" and service["active"] is True
    assert service["price"]["amount"] == 150_000


async def test_a_form_without_its_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    service_id = desk.artist.service["id"]
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        for path, fields in (("", NEW), (f"/{service_id}", NEW),
                             (f"/{service_id}/offer", {"active": "no"})):  # fmt: skip
            assert (await client.post(f"{PAGE}{path}", data=fields)).status_code == 403
    (service,) = await _services(desk)
    assert service["name"] == "Small tattoo" and service["active"] is True


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    service_id = desk.artist.service["id"]
    odd_texts = ["", "\x00", "9" * 400, "-1", "1e9", "١٢٣", "１２", "🙂", "x" * 5000,
                 "150,000.999", "ＭＮＴ", "mnt", "XXX", "0.5", "Small\x00tattoo"]  # fmt: skip
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        for odd in odd_texts:
            for name in NEW:
                for path in ("", f"/{service_id}"):
                    answer = await _post(client, path, token, **{**NEW, name: odd})
                    assert answer.status_code < 500, (path, name, odd[:20], answer.status_code)
            quoted = quote(odd, safe="")
            for path in (f"/{quoted}", f"/{quoted}/offer"):
                assert (await _post(client, path, token, active=odd)).status_code < 500
                assert (await client.get(f"{PAGE}{path}")).status_code < 500
        for raw in (b"form_token=\xff\xfe&name=\xc3", b"\x00\x00", b"%ZZ=%", b"a" * 100_000):
            for path in ("", f"/{service_id}", f"/{service_id}/offer"):
                answer = await client.post(
                    f"{PAGE}{path}",
                    content=raw,
                    headers={"content-type": "application/x-www-form-urlencoded"},
                )
                assert answer.status_code < 500, (path, raw[:20], answer.status_code)
