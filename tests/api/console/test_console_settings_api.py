# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's settings over HTTP: the index lists every section; the profile saves by
the API's rules (a refusal keeps what was typed, nothing changed); pictures go straight to
the store with a ticket the console gives, then complete through the page's form (or, with
no script, ride in the form); the portfolio's pieces are added, changed and removed, another
artist's never; the language and the channels are the account's; a form without its token
changes nothing; odd input is a 4xx."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, cast
from urllib.parse import quote, urlsplit

import httpx
import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in
from tests.api.media.uploads import a_jpeg, local_path

pytestmark = pytest.mark.anyio
SETTINGS = "/console/settings"
PROFILE = f"{SETTINGS}/profile"
PORTFOLIO = f"{SETTINGS}/portfolio"


async def _artist(desk: Desk) -> dict[str, Any]:
    read = await desk.api.client.get(
        f"/api/v1/artists/{desk.artist.id}", headers=desk.auth(desk.artist.session)
    )
    assert read.status_code == 200, read.text
    return cast(dict[str, Any], read.json())


async def _pieces(desk: Desk) -> list[dict[str, Any]]:
    read = await desk.api.client.get(
        f"/api/v1/artists/{desk.artist.id}/portfolio", headers=desk.auth(desk.artist.session)
    )
    assert read.status_code == 200, read.text
    return cast(list[dict[str, Any]], read.json()["items"])


@asynccontextmanager
async def _signed_in(api: Api, desk: Desk) -> AsyncIterator[tuple[httpx.AsyncClient, str]]:
    """A browser with the desk's artist signed in, and its form token."""
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(SETTINGS)
        assert page.status_code == 200, page.text
        client.follow_redirects = False  # each form's own answer (303) is what is checked
        yield client, form_token(page)


async def _uploaded(client: httpx.AsyncClient, token: str, purpose: str, data: bytes) -> str:
    """What the page's script does: a ticket from the console, the file PUT to the store."""
    asked = await client.post(
        f"{SETTINGS}/uploads",
        data={
            "form_token": token,
            "purpose": purpose,
            "content_type": "image/jpeg",
            "size": str(len(data)),
        },
    )
    assert asked.status_code == 201, asked.text
    ticket = asked.json()
    put = await client.put(local_path(ticket["url"]), content=data, headers=ticket["headers"])
    assert put.status_code == 200, put.text
    return str(ticket["uploadId"])


async def test_the_index_lists_every_section_under_the_settings_tab(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(SETTINGS)
        mongolian = await client.get(f"{SETTINGS}?lang=mn")
    assert page.status_code == 200
    assert 'href="/console/settings" aria-current="page">Settings<' in page.text
    links = re.findall(r'href="(/console/settings/[a-z]+)"', page.text)
    assert links[:5] == [PROFILE, PORTFOLIO, f"{SETTINGS}/language", f"{SETTINGS}/channels",
                         f"{SETTINGS}/telegram"]  # fmt: skip
    assert "Тохиргоо" in mongolian.text and "Мэдэгдлийн сувгууд" in mongolian.text


async def test_the_profile_saves_by_the_apis_rules_and_a_refusal_keeps_what_was_typed(
    api: Api,
) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        fields = {
            "form_token": token,
            "display_name": "  Saraa   Ink ",
            "bio": "Fine lines.",
            "styles": "Blackwork, fine-line",
            "city": "Ulaanbaatar",
            "time_zone": "Asia/Ulaanbaatar",
            "instagram": "saraa.ink",
        }
        saved = await client.post(PROFILE, data=fields)
        assert (saved.status_code, saved.headers["location"]) == (303, f"{PROFILE}?saved=1")
        after = await _artist(desk)
        assert (after["displayName"], after["bio"], after["city"]) == (
            "Saraa Ink", "Fine lines.", "Ulaanbaatar",
        )  # fmt: skip
        assert after["styles"] == ["blackwork", "fine-line"]
        assert after["timeZone"] == "Asia/Ulaanbaatar"
        refused = await client.post(PROFILE, data={**fields, "time_zone": "Mars/Olympus",
                                                   "bio": "Kept as typed"})  # fmt: skip
        assert refused.status_code == 422
        assert "Kept as typed" in refused.text and 'value="Mars/Olympus"' in refused.text
        assert (await _artist(desk))["bio"] == "Fine lines."  # nothing changed
        no_token = await client.post(PROFILE, data={**fields, "form_token": "0" * 64,
                                                    "city": "Darkhan"})  # fmt: skip
        assert no_token.status_code == 403
        assert (await _artist(desk))["city"] == "Ulaanbaatar"


@pytest.mark.parametrize(
    "odd",
    [
        {"display_name": "A\x00B"},
        {"display_name": ""},
        {"bio": "x" * 100_000},
        {"time_zone": "../../etc/passwd"},
        {"styles": "ok, " + "x" * 5000},
        {"instagram": "not an instagram name!"},
    ],
)
async def test_odd_profile_input_is_a_4xx_and_changes_nothing(
    api: Api, odd: dict[str, str]
) -> None:
    desk = await open_desk(api)
    before = await _artist(desk)
    async with _signed_in(api, desk) as (client, token):
        base = {"display_name": "Name", "time_zone": "Africa/Abidjan", "form_token": token}
        answer = await client.post(PROFILE, data={**base, **odd})
    assert 400 <= answer.status_code < 500, answer.text[:300]
    after = await _artist(desk)
    assert (after["displayName"], after["bio"]) == (before["displayName"], before["bio"])


async def test_a_portfolio_piece_goes_straight_to_storage_then_is_added_changed_removed(
    api: Api,
) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        page = await client.get(PORTFOLIO)
        assert "console-upload.js" in page.text and 'data-upload="portfolio"' in page.text
        upload = await _uploaded(client, token, "portfolio", a_jpeg())
        added = await client.post(
            PORTFOLIO,
            data={
                "form_token": token,
                "upload_id": upload,
                "description": "Koi",
                "tags": "japanese, colour",
            },
        )
        assert added.status_code == 303, re.findall(r"class=\"problem\"[^<]*", added.text)
        assert added.headers["location"] == PORTFOLIO
        (piece,) = await _pieces(desk)
        assert (piece["description"], piece["styleTags"]) == ("Koi", ["japanese", "colour"])
        small = next(i["url"] for i in piece["images"] if i["name"] == "small")
        listed = await client.get(PORTFOLIO)
        assert f'src="{small}"' in listed.text and ">Koi</textarea>" in listed.text
        changed = await client.post(
            f"{PORTFOLIO}/{piece['id']}",
            data={
                "form_token": token,
                "description": "Koi, healed",
                "tags": "japanese",
                "position": "7",
            },
        )
        assert changed.status_code == 303
        (piece,) = await _pieces(desk)
        assert (piece["description"], piece["position"]) == ("Koi, healed", 7)
        used_again = await client.post(
            PORTFOLIO, data={"form_token": token, "upload_id": upload, "description": "twice"}
        )
        assert used_again.status_code == 422 and "twice" in used_again.text
        removed = await client.post(f"{PORTFOLIO}/{piece['id']}/remove", data={"form_token": token})
        assert removed.status_code == 303
        assert await _pieces(desk) == []


async def test_without_script_the_form_carries_the_file_and_the_same_checks_hold(
    api: Api,
) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        files = {"file": ("koi.jpg", a_jpeg(), "image/jpeg")}
        added = await client.post(
            PORTFOLIO, data={"form_token": token, "description": "Plain"}, files=files
        )
        assert added.status_code == 303, added.text[:300]
        lie = {"file": ("koi.jpg", b"not a picture at all", "image/jpeg")}
        refused = await client.post(
            PORTFOLIO, data={"form_token": token, "description": "Lie"}, files=lie
        )
        assert refused.status_code == 422 and ">Lie</textarea>" in refused.text
        nothing = await client.post(PORTFOLIO, data={"form_token": token, "description": "None"})
        assert nothing.status_code == 422 and "Choose a picture first." in nothing.text
    assert [p["description"] for p in await _pieces(desk)] == ["Plain"]


async def test_another_artists_piece_and_profile_are_never_theirs_to_change(api: Api) -> None:
    desk = await open_desk(api)
    other = await open_desk(api, admin=desk.admin)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token, "portfolio", a_jpeg())
        await client.post(PORTFOLIO, data={"form_token": token, "upload_id": upload})
    (piece,) = await _pieces(desk)
    async with _signed_in(api, other) as (intruder, their_token):
        change = await intruder.post(
            f"{PORTFOLIO}/{piece['id']}", data={"form_token": their_token, "description": "Mine"}
        )
        remove = await intruder.post(
            f"{PORTFOLIO}/{piece['id']}/remove", data={"form_token": their_token}
        )
        their_name = await intruder.post(
            PROFILE,
            data={
                "form_token": their_token,
                "display_name": "Renamed",
                "time_zone": "Africa/Abidjan",
            },
        )
        odd_id = await intruder.post(
            f"{PORTFOLIO}/not-a-uuid", data={"form_token": their_token, "description": "x"}
        )
    assert (change.status_code, remove.status_code, odd_id.status_code) == (404, 404, 404)
    assert [p["description"] for p in await _pieces(desk)] == [""]
    assert their_name.status_code == 303  # the intruder's own profile, never the other's
    assert (await _artist(desk))["displayName"] != "Renamed"
    assert (await _artist(other))["displayName"] == "Renamed"


async def test_the_upload_ticket_needs_the_token_and_takes_only_pictures_of_settings(
    api: Api,
) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        ask = {"purpose": "portfolio", "content_type": "image/jpeg", "size": "1000"}
        no_token = await client.post(f"{SETTINGS}/uploads", data=ask)
        idea = await client.post(
            f"{SETTINGS}/uploads", data={**ask, "form_token": token, "purpose": "idea"}
        )
        huge = await client.post(
            f"{SETTINGS}/uploads", data={**ask, "form_token": token, "size": "9" * 40}
        )
        gif = await client.post(
            f"{SETTINGS}/uploads", data={**ask, "form_token": token, "content_type": "image/gif"}
        )
    async with browser(api) as stranger:
        signed_out = await stranger.post(f"{SETTINGS}/uploads", data={**ask, "form_token": token})
    assert no_token.status_code == 403
    assert (idea.status_code, huge.status_code, gif.status_code) == (422, 422, 422)
    assert signed_out.status_code == 401


async def test_only_the_picture_pages_may_reach_the_store(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        portfolio = await client.get(PORTFOLIO)
        profile = await client.get(PROFILE)
        index = await client.get(SETTINGS)
        asked = await client.post(
            f"{SETTINGS}/uploads",
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

    assert connect(portfolio) == connect(profile) == f"'self' {store}"
    assert connect(index) == "'self'"
    assert "frame-ancestors 'none'" in portfolio.headers["content-security-policy"]


async def test_the_avatar_and_the_cover_are_set_and_removed(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        upload = await _uploaded(client, token, "avatar", a_jpeg((300, 300)))
        saved = await client.post(
            f"{PROFILE}/avatar", data={"form_token": token, "upload_id": upload}
        )
        assert saved.status_code == 303
        avatar = (await _artist(desk))["avatar"]
        assert (
            avatar
            and f'src="{next(i["url"] for i in avatar if i["name"] == "small")}"'
            in (await client.get(PROFILE)).text
        )
        wrong = await _uploaded(client, token, "portfolio", a_jpeg())
        as_cover = await client.post(
            f"{PROFILE}/cover", data={"form_token": token, "upload_id": wrong}
        )
        assert as_cover.status_code == 422  # a portfolio upload is no cover
        removed = await client.post(f"{PROFILE}/avatar", data={"form_token": token, "remove": "1"})
        assert removed.status_code == 303
        nowhere = await client.post(f"{PROFILE}/banner", data={"form_token": token})
        assert nowhere.status_code == 404
    after = await _artist(desk)
    assert (after["avatar"], after["cover"]) == ([], [])


async def test_the_language_is_the_accounts_and_the_console_speaks_it(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        odd = await client.post(f"{SETTINGS}/language", data={"form_token": token, "locale": "xx"})
        no_token = await client.post(f"{SETTINGS}/language", data={"locale": "mn"})
        me = await api.client.get("/api/v1/me", headers=desk.auth(desk.artist.session))
        assert me.json()["locale"] == "en"
        saved = await client.post(
            f"{SETTINGS}/language", data={"form_token": token, "locale": "mn"}
        )
        page = await client.get(saved.headers["location"])
    assert (odd.status_code, no_token.status_code, saved.status_code) == (422, 403, 303)
    me = await api.client.get("/api/v1/me", headers=desk.auth(desk.artist.session))
    assert me.json()["locale"] == "mn"
    assert 'lang="mn"' in page.text and "Хадгаллаа." in page.text


async def test_the_channels_are_the_accounts_notification_preferences(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        saved = await client.post(
            f"{SETTINGS}/channels", data={"form_token": token, "email": "on", "in_app": "on"}
        )
        page = await client.get(f"{SETTINGS}/channels")
        no_token = await client.post(f"{SETTINGS}/channels", data={"email": "on"})
    assert (saved.status_code, no_token.status_code) == (303, 403)
    prefs = await api.client.get(
        "/api/v1/me/notification-preferences", headers=desk.auth(desk.artist.session)
    )
    body = prefs.json()
    assert (body["email"], body["sms"], body["inApp"], body["telegram"]) == (
        True, False, True, False,
    )  # fmt: skip
    assert 'name="sms" >' in page.text and 'name="email" checked' in page.text


ODD = ("\x00", "9" * 400, "２０２６", "ｐｏｒｔｆｏｌｉｏ", "а" * 5000, "%ZZ", "../../x", "-1")


async def test_nothing_a_browser_sends_to_the_settings_is_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    async with _signed_in(api, desk) as (client, token):
        posts = [
            (f"{SETTINGS}/uploads", {"purpose": odd, "content_type": odd, "size": odd})
            for odd in ODD
        ]
        for odd in ODD:
            quoted = quote(odd, safe="")
            posts += [
                (PROFILE, {"display_name": odd, "styles": odd, "time_zone": odd, "bio": odd}),
                (f"{PROFILE}/{quoted}", {"upload_id": odd}),
                (f"{PROFILE}/avatar", {"upload_id": odd}),
                (PORTFOLIO, {"upload_id": odd, "description": odd, "tags": odd}),
                (f"{PORTFOLIO}/{quoted}", {"position": odd, "tags": odd}),
                (f"{PORTFOLIO}/{quoted}/remove", {}),
                (f"{SETTINGS}/language", {"locale": odd}),
                (f"{SETTINGS}/channels", {"email": odd, "sms": odd}),
            ]
        for path, fields in posts:
            answer = await client.post(path, data={"form_token": token, **fields})
            assert answer.status_code < 500, (path, fields, answer.status_code)
        for raw in (b"form_token=\xff\xfe&locale=\xc3", b"\x00\x00", b"%ZZ=%", b"a" * 100_000):
            for path in (PROFILE, PORTFOLIO, f"{SETTINGS}/uploads", f"{SETTINGS}/language"):
                answer = await client.post(
                    path, content=raw, headers={"content-type": "application/x-www-form-urlencoded"}
                )
                assert answer.status_code < 500, (path, raw[:20], answer.status_code)
        broken = await client.post(
            PORTFOLIO,
            content=b'--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n\xff',
            headers={"content-type": "multipart/form-data; boundary=x"},
        )
        assert broken.status_code < 500
        for query in ("?page=0", "?page=99999999999", "?page=%00", "?lang=%ff", "?saved=%00"):
            for page in (PORTFOLIO, PROFILE, f"{SETTINGS}/language"):
                assert (await client.get(page + query)).status_code < 500, page + query
    assert (await _artist(desk))["displayName"] != "\x00"
