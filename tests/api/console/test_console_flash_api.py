# ruff: noqa: RUF001 (other-script digits and Mongolian, on purpose)
"""The console's flash sheet over HTTP: a design goes up with its picture sent straight to
the store and its sizes typed in rows, through the API's use case (read back from
``GET /artists/{id}/flash``); its title and tags change; removing it asks first, then takes
it off the sheet and switches its sizes off; another artist's design is 404 and unchanged;
a form without its token changes nothing; odd input is a 4xx, never a 5xx; the page speaks
Mongolian."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, cast
from urllib.parse import urlsplit

import httpx
import pytest

from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in
from tests.api.media.uploads import a_jpeg, local_path

pytestmark = pytest.mark.anyio
FLASH = "/console/flash"


async def _sheet(desk: Desk) -> list[dict[str, Any]]:
    read = await desk.api.client.get(
        f"/api/v1/artists/{desk.artist.id}/flash", headers=desk.auth(desk.artist.session)
    )
    assert read.status_code == 200, read.text
    return cast(list[dict[str, Any]], read.json()["items"])


@asynccontextmanager
async def _signed_in(api: Api, desk: Desk) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(FLASH)
        assert page.status_code == 200, page.text
        client.follow_redirects = False
        yield client, form_token(page)


async def _uploaded(client: httpx.AsyncClient, token: str) -> str:
    """What the page's script does: a ticket from the console, the file PUT to the store."""
    data = a_jpeg()
    asked = await client.post(
        "/console/settings/uploads",
        data={
            "form_token": token,
            "purpose": "portfolio",
            "content_type": "image/jpeg",
            "size": str(len(data)),
        },
    )
    assert asked.status_code == 201, asked.text
    ticket = asked.json()
    put = await client.put(local_path(ticket["url"]), content=data, headers=ticket["headers"])
    assert put.status_code == 200, put.text
    return str(ticket["uploadId"])


def _swallow(token: str, upload: str, **more: str) -> dict[str, str]:
    return {
        "form_token": token,
        "upload_id": upload,
        "title": "Swallow",
        "tags": "Old School, bird",
        "one_off": "yes",
        "currency": "MNT",
        "label_1": "S",
        "cm_1": "5",
        "minutes_1": "60",
        "price_1": "120000",
        "label_2": "L",
        "cm_2": "12",
        "minutes_2": "120",
        "price_2": "250,000",
        "deposit_2": "20 %",
        **more,
    }


def _problem(answer: httpx.Response) -> list[str]:
    return re.findall(r'class="problem"[^<]*<?[^<]*', answer.text)


async def test_a_design_goes_up_with_its_picture_and_sizes_then_changes_and_leaves(
    api: Api,
) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        empty = await client.get(FLASH)
        assert "console-upload.js" in empty.text and 'data-upload="portfolio"' in empty.text
        assert 'aria-current="page"' in empty.text and ">Flash<" in empty.text
        upload = await _uploaded(client, token)
        added = await client.post(FLASH, data=_swallow(token, upload))
        assert added.status_code == 303, _problem(added)
        assert added.headers["location"] == FLASH
        (design,) = await _sheet(desk)
        assert (design["title"], design["tags"], design["oneOff"], design["taken"]) == (
            "Swallow",
            ["old-school", "bird"],
            True,
            False,
        )
        sizes = {v["sizeLabel"]: v for v in design["variants"]}
        assert sizes["S"]["price"]["amount"] == 12_000_000 and sizes["S"]["sizeCm"] == 5
        assert sizes["L"]["price"]["amount"] == 25_000_000 and sizes["L"]["durationMinutes"] == 120
        small = next(i["url"] for i in design["images"] if i["name"] == "small")
        listed = await client.get(FLASH)
        assert f'src="{small}"' in listed.text and "old-school, bird" in listed.text
        assert "MNT 50,000" in listed.text or "50,000" in listed.text  # 20 % of 250,000
        assert f'href="/console/services/{sizes["S"]["id"]}"' in listed.text

        changed = await client.post(
            f"{FLASH}/{design['id']}",
            data={"form_token": token, "title": "Barn swallow", "tags": "bird, Traditional"},
        )
        assert changed.status_code == 303, _problem(changed)
        (design,) = await _sheet(desk)
        assert (design["title"], design["tags"]) == ("Barn swallow", ["bird", "traditional"])
        assert sorted(v["name"] for v in design["variants"]) == [
            "Barn swallow (L)",
            "Barn swallow (S)",
        ]

        ask = await client.get(f"{FLASH}/{design['id']}/remove")
        assert ask.status_code == 200 and "Bookings already made keep their size" in ask.text
        assert await _sheet(desk) != []  # asking changes nothing
        removed = await client.post(f"{FLASH}/{design['id']}/remove", data={"form_token": token})
        assert removed.status_code == 303
        assert await _sheet(desk) == []
        again = await client.post(f"{FLASH}/{design['id']}/remove", data={"form_token": token})
        assert again.status_code == 404


async def test_a_sizes_terms_change_on_its_service_form_and_lead_back_to_the_sheet(
    api: Api,
) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token)
        await client.post(FLASH, data=_swallow(token, upload))
        (design,) = await _sheet(desk)
        small = next(v for v in design["variants"] if v["sizeLabel"] == "S")
        form = await client.get(f"/console/services/{small['id']}")
        assert 'name="back" value="flash"' in form.text and 'href="/console/flash"' in form.text
        changed = await client.post(
            f"/console/services/{small['id']}",
            data={
                "form_token": token,
                "back": "flash",
                "name": small["name"],
                "duration": "90",
                "price": "130000",
                "currency": "MNT",
                "deposit_kind": "none",
            },
        )
        assert changed.status_code == 303 and changed.headers["location"] == FLASH
        off = await client.post(
            f"/console/services/{small['id']}/offer",
            data={"form_token": token, "back": "flash", "active": "no"},
        )
        assert off.status_code == 303 and off.headers["location"] == FLASH
        sheet = await client.get(FLASH)
        services = await client.get("/console/services")
    (design,) = await _sheet(desk)
    small = next(v for v in design["variants"] if v["sizeLabel"] == "S")
    assert (small["price"]["amount"], small["durationMinutes"]) == (13_000_000, 90)
    assert small["active"] is False and "MNT 130,000" in sheet.text
    assert "Swallow (S)" not in services.text  # sizes stay on the sheet, not the services


async def test_without_script_the_form_carries_the_file(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        fields = _swallow(token, "")
        files = {"file": ("swallow.jpg", a_jpeg(), "image/jpeg")}
        added = await client.post(FLASH, data=fields, files=files)
        assert added.status_code == 303, _problem(added)
        nothing = await client.post(FLASH, data={**fields, "title": "Nothing"})
        assert nothing.status_code == 422 and "Choose a picture first." in nothing.text
        assert 'value="Nothing"' in nothing.text
    assert [d["title"] for d in await _sheet(desk)] == ["Swallow"]


async def test_the_domain_refuses_with_the_field_named_and_what_was_typed_kept(
    api: Api,
) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token)
        twice = await client.post(FLASH, data=_swallow(token, upload, label_2="s"))
        assert twice.status_code == 422 and "Each size needs its own label." in twice.text
        assert 'value="250,000"' in twice.text and 'value="Swallow"' in twice.text
        assert "<details open>" in twice.text  # the second row shown again
        too_big = await client.post(FLASH, data=_swallow(token, upload, cm_1="500"))
        assert too_big.status_code == 422 and "1 to 200 centimetres." in too_big.text
        no_size = {k: v for k, v in _swallow(token, upload).items() if k[-2:] not in ("_1", "_2")}
        none = await client.post(FLASH, data=no_size)
        assert none.status_code == 422 and "Give 1 to 6 sizes." in none.text
        deposit_above = await client.post(FLASH, data=_swallow(token, upload, deposit_1="200000"))
        assert deposit_above.status_code == 422, _problem(deposit_above)
        bad_tag = await client.post(FLASH, data=_swallow(token, upload, tags="ok, no/slash"))
        assert bad_tag.status_code == 422 and 'value="ok, no/slash"' in bad_tag.text
        # the upload was never taken: it still makes the design
        fine = await client.post(FLASH, data=_swallow(token, upload))
        assert fine.status_code == 303, _problem(fine)
        used_again = await client.post(FLASH, data=_swallow(token, upload, title="Twice"))
        assert used_again.status_code == 422 and 'value="Twice"' in used_again.text
    assert [d["title"] for d in await _sheet(desk)] == ["Swallow"]


async def test_another_artists_design_is_not_found_and_unchanged(api: Api) -> None:
    desk = await open_desk(api)
    other = await open_desk(api, admin=desk.admin)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token)
        added = await client.post(FLASH, data=_swallow(token, upload))
        assert added.status_code == 303, _problem(added)
    (design,) = await _sheet(desk)
    async with _signed_in(api, other) as (intruder, their_token):
        change = await intruder.post(
            f"{FLASH}/{design['id']}", data={"form_token": their_token, "title": "Mine"}
        )
        ask = await intruder.get(f"{FLASH}/{design['id']}/remove")
        remove = await intruder.post(
            f"{FLASH}/{design['id']}/remove", data={"form_token": their_token}
        )
        odd = await intruder.post(f"{FLASH}/not-a-uuid", data={"form_token": their_token})
        theirs = await intruder.get(FLASH)
    assert [r.status_code for r in (change, ask, remove, odd)] == [404, 404, 404, 404]
    assert "Swallow" not in theirs.text
    assert [(d["title"], d["tags"]) for d in await _sheet(desk)] == [
        ("Swallow", ["old-school", "bird"])
    ]


async def test_a_form_without_its_token_or_session_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token)
        fields = _swallow(token, upload)
        del fields["form_token"]
        no_token = await client.post(FLASH, data=fields)
        wrong = await client.post(FLASH, data={**fields, "form_token": "0" * 32})
    async with browser(api) as stranger:
        signed_out = await stranger.post(FLASH, data=_swallow(token, upload))
        page = await stranger.get(FLASH)
    assert (no_token.status_code, wrong.status_code) == (403, 403)
    assert "/console/sign-in" in str(signed_out.url)  # sent to sign in, nothing done
    assert page.status_code in (200, 303) and "/console/sign-in" in str(page.url)
    assert await _sheet(desk) == []


NUMBERS = ("cm_1", "minutes_1", "price_1", "deposit_1")


@pytest.mark.parametrize(
    "odd", ["\x00", "9" * 40, "١٢٠", "１２０", "-5", "1e9", "ꓳ", "0x10", "1\u00a0000"]
)
async def test_an_odd_number_is_a_4xx_and_changes_nothing(api: Api, odd: str) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token)
        answers = [
            await client.post(FLASH, data=_swallow(token, upload, **{field: odd}))
            for field in NUMBERS
        ]
        answers.append(await client.get(FLASH, params={"page": odd}))
    codes = [a.status_code for a in answers]
    assert all(400 <= c < 500 for c in codes), codes
    assert await _sheet(desk) == []


async def test_odd_words_are_a_4xx_and_change_nothing(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token)
        odd_words = [
            {"title": "Swal\x00low"},
            {"title": "x" * 100_000},
            {"tags": "bird\x00"},
            {"tags": "оld-school"},  # its first letter Cyrillic: no tag
            {"tags": ", ".join(f"t{i}" for i in range(11))},
            {"label_1": "S\x00"},
            {"label_1": "x" * 30},
            {"currency": "\x00\x00\x00"},
            {"one_off": "\x00"},  # not "yes": a design that is not one-off, if all else holds
        ]
        answers = [
            await client.post(FLASH, data=_swallow(token, upload, **fields))
            for fields in odd_words[:-1]
        ]
        answers.append(await client.post(FLASH, data=_swallow(token, "\x00")))
        answers.append(await client.post(FLASH, data=_swallow(token, "9" * 100)))
        for path in (f"{FLASH}/%00", f"{FLASH}/{'9' * 400}", f"{FLASH}/%FF/remove"):
            answers.append(await client.post(path, data={"form_token": token, "title": "x"}))
        answers.append(await client.get(f"{FLASH}/%00/remove"))
    codes = [a.status_code for a in answers]
    assert all(400 <= c < 500 for c in codes), str(codes)
    assert await _sheet(desk) == []


async def test_invalid_utf8_is_never_a_server_error(api: Api) -> None:
    """The console's forms decode bytes that are no UTF-8 as U+FFFD (shared form parsing):
    such a title is a title of replacement marks, never a 5xx and never a lone surrogate."""
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token)
        raw = (
            f"form_token={token}&upload_id={upload}&title=%FF%FE&label_1=%C0%AF"
            "&minutes_1=60&price_1=1"
        ).encode()
        answer = await client.post(
            FLASH, content=raw, headers={"content-type": "application/x-www-form-urlencoded"}
        )
    assert answer.status_code < 500
    for design in await _sheet(desk):
        design["title"].encode("utf-8")  # no lone surrogate stored
        for size in design["variants"]:
            size["sizeLabel"].encode("utf-8")


async def test_a_number_in_another_script_is_refused_by_name(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token)
        answer = await client.post(FLASH, data=_swallow(token, upload, price_1="١٢٠٠٠٠"))
    assert answer.status_code == 422
    assert "Enter whole numbers within the limits shown." in answer.text
    assert 'value="١٢٠٠٠٠"' in answer.text
    assert await _sheet(desk) == []


async def test_a_taken_one_off_shows_as_taken(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token)
        await client.post(FLASH, data=_swallow(token, upload))
        (design,) = await _sheet(desk)
        small = next(v for v in design["variants"] if v["sizeLabel"] == "S")
        booked = await desk.book(SLOT, serviceId=small["id"])
        assert booked.status_code == 201 and booked.json()["status"] == "confirmed", booked.text
        page = await client.get(FLASH)
        ask = await client.get(f"{FLASH}/{design['id']}/remove")
    assert "Taken: a customer&#39;s booking claimed it" in page.text
    assert "Taken: a customer&#39;s booking claimed it" in ask.text


async def test_the_sheet_speaks_mongolian(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, _):
        page = await client.get(f"{FLASH}?lang=mn")
    assert page.status_code == 200
    assert 'lang="mn"' in page.text
    assert "Загвар нэмэх" in page.text and "Флэш хуудсанд нэмэх" in page.text
    assert "Add a design" not in page.text


async def test_only_the_flash_page_of_the_catalogue_tabs_may_reach_the_store(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        flash = await client.get(FLASH)
        services = await client.get("/console/services")
        asked = await client.post(
            "/console/settings/uploads",
            data={
                "form_token": token,
                "purpose": "portfolio",
                "content_type": "image/png",
                "size": "100",
            },
        )
    parts = urlsplit(asked.json()["url"])
    store = f"{parts.scheme}://{parts.netloc}"

    def connect(answer: httpx.Response) -> str:
        found = re.search(r"connect-src ([^;]*)", answer.headers["content-security-policy"])
        assert found is not None
        return found.group(1)

    assert connect(flash) == f"'self' {store}"
    assert connect(services) == "'self'"
