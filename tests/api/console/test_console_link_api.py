# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's booking link over HTTP: the page shows each link's address, its QR code
and its counts; a new address replaces the old one (410 from then on); a service gets its
link; the origins of the artist's site are kept (seen through the API) and make the booking
page's ``frame-ancestors`` exactly them, with no ``X-Frame-Options`` against it, while
another artist's page stays ``'none'``; another artist's link is "not found" and stays; a
form without its token changes nothing; nothing a browser sends makes a 5xx."""

from __future__ import annotations

import re
from typing import Any, cast
from urllib.parse import quote, unquote

import httpx
import pytest

from tests.api.booking_helpers import Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
PAGE = "/console/link"
LINKS = "/api/v1/me/booking-links"


async def _links(desk: Desk) -> list[dict[str, Any]]:
    listed = await desk.api.client.get(LINKS, headers=desk.auth(desk.artist.session))
    assert listed.status_code == 200, listed.text
    return cast(list[dict[str, Any]], listed.json()["items"])


async def _artist(desk: Desk) -> dict[str, Any]:
    read = await desk.api.client.get(
        f"/api/v1/artists/{desk.artist.id}", headers=desk.auth(desk.artist.session)
    )
    assert read.status_code == 200, read.text
    return cast(dict[str, Any], read.json())


def _frame_ancestors(answer: httpx.Response) -> str:
    policy = answer.headers["content-security-policy"]
    found = re.search(r"frame-ancestors ([^;]*)", policy)
    assert found is not None, policy
    return found.group(1)


async def _post(client: httpx.AsyncClient, path: str, token: str, **fields: str) -> httpx.Response:
    return await client.post(f"{PAGE}{path}", data={"form_token": token, **fields})


async def test_the_page_shows_the_link_its_qr_code_and_counts(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        first = await client.get(PAGE)
        assert first.status_code == 200
        (link,) = await _links(desk)
        visitor = {"user-agent": "Phone"}
        assert (await api.client.get(f"/book/{link['token']}", headers=visitor)).status_code == 200
        assert (await desk.book(bookingLink=link["token"])).status_code == 201
        page = await client.get(PAGE)
        mongolian = (await client.get(f"{PAGE}?lang=mn")).text
    text = page.text
    assert 'aria-current="page">Booking link<' in text
    assert f'value="{link["url"]}"' in text and "readonly" in text
    assert 'src="data:image/svg+xml' in text and 'alt="QR code of this address"' in text
    assert "<td>1</td><td>1</td>" in text  # a visit, a booking, in all and in 30 days
    assert "100 %" in text and "All your services" in text
    assert f'data-link="{link["token"]}"' in text and "/static/booking-page/embed.js" in text
    assert 'data-copy="url-' in text and " hidden>" in text  # the copy button waits for script
    assert "Захиалгын холбоос" in mongolian


async def test_a_qr_code_reads_the_link_s_address(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(PAGE)
    (link,) = await _links(desk)
    found = re.search(r'<img src="(data:image/svg\+xml[^"]*)"', page.text)
    assert found is not None
    svg = unquote(found.group(1).replace("&amp;", "&").split(",", 1)[1])
    assert svg.startswith("<svg") and "<path" in svg
    import segno  # the same drawing of the same address

    expected = segno.make(link["url"], error="m").svg_data_uri(scale=4, border=4)
    assert found.group(1).replace("&amp;", "&") == expected.replace("&amp;", "&")


async def test_a_new_address_replaces_the_old_one_and_a_service_gets_its_link(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(PAGE)
        token = form_token(page)
        (old,) = await _links(desk)
        renewed = await _post(client, f"/{old['id']}/regenerate", token)
        assert renewed.status_code == 200 and str(renewed.url).endswith(PAGE)
        made = await _post(client, "/new", token, service=desk.artist.service["id"])
        assert made.status_code == 200 and "Small tattoo" in made.text
        twice = await _post(client, "/new", token, service=desk.artist.service["id"])
        assert twice.status_code == 409 and 'role="alert"' in twice.text
    general, service = await _links(desk)
    assert general["id"] == old["id"] and general["token"] != old["token"]
    assert service["serviceId"] == desk.artist.service["id"]
    assert (await api.client.get(f"/book/{old['token']}")).status_code == 410
    assert (await api.client.get(f"/book/{general['token']}")).status_code == 200


async def test_the_site_s_origins_let_it_frame_the_page_and_no_other(api: Api) -> None:
    desk = await open_desk(api)
    other = await open_desk(api, admin=desk.admin)
    typed = "HTTPS://Studio.Example/\nhttps://bücher.example:8443\n\nhttps://studio.example"
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        saved = await _post(client, "/embed", token, origins=typed)
        assert saved.status_code == 200
        assert "https://studio.example\nhttps://xn--bcher-kva.example:8443" in saved.text
    origins = ["https://studio.example", "https://xn--bcher-kva.example:8443"]
    assert (await _artist(desk))["embedOrigins"] == origins
    (mine,) = await _links(desk)
    (theirs,) = await _links(other)
    page = await api.client.get(f"/book/{mine['token']}")
    assert page.status_code == 200
    assert _frame_ancestors(page) == "'self' " + " ".join(origins)
    assert "x-frame-options" not in page.headers
    closed = await api.client.get(f"/book/{theirs['token']}")
    assert _frame_ancestors(closed) == "'none'" and closed.headers["x-frame-options"] == "DENY"
    head = await api.client.head(f"/book/{mine['token']}")
    assert _frame_ancestors(head) == "'self' " + " ".join(origins)
    missing = await api.client.get(f"/book/{'A' * 32}")
    assert _frame_ancestors(missing) == "'none'" and missing.headers["x-frame-options"] == "DENY"
    console = await api.client.get(PAGE)
    assert console.headers["x-frame-options"] == "DENY"
    script = await api.client.get("/static/booking-page/embed.js")
    assert script.status_code == 200 and "inkslot:close" in script.text


async def test_emptying_the_box_closes_the_page_again_and_refusals_keep_what_was_typed(
    api: Api,
) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        assert (
            await _post(client, "/embed", token, origins="https://a.example")
        ).status_code == 200
        for bad in ("http://studio.example", "https://exаmple.com", "https://studio.example/book",
                    "https://10.0.0.1", "https://*.example.com",
                    "\n".join(f"https://s{n}.example" for n in range(6))):  # fmt: skip
            refused = await _post(client, "/embed", token, origins=bad)
            assert refused.status_code == 422, bad
            assert 'role="alert"' in refused.text and bad.splitlines()[0] in refused.text
        assert (await _artist(desk))["embedOrigins"] == ["https://a.example"]
        assert (await _post(client, "/embed", token, origins="  \n")).status_code == 200
    assert (await _artist(desk))["embedOrigins"] == []
    (link,) = await _links(desk)
    page = await api.client.get(f"/book/{link['token']}")
    assert _frame_ancestors(page) == "'none'" and page.headers["x-frame-options"] == "DENY"


async def test_the_api_sets_the_origins_too(api: Api) -> None:
    desk = await open_desk(api)
    auth = desk.auth(desk.artist.session)
    path = f"/api/v1/artists/{desk.artist.id}"
    changed = await api.client.patch(
        path, json={"embedOrigins": ["https://Ink.Example"]}, headers=auth
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["embedOrigins"] == ["https://ink.example"]
    refused = await api.client.patch(path, json={"embedOrigins": ["ftp://x.example"]}, headers=auth)
    assert refused.status_code == 422
    assert [(e["field"], e["code"]) for e in refused.json()["errors"]] == [
        ("embedOrigins", "invalid_origin")
    ]
    untouched = await api.client.patch(path, json={"bio": "Fine lines."}, headers=auth)
    assert untouched.json()["embedOrigins"] == ["https://ink.example"]


async def test_another_artists_link_is_not_found_and_stays(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin)
    (link,) = await _links(theirs)
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        token = form_token(await client.get(PAGE))
        answer = await _post(client, f"/{link['id']}/regenerate", token)
        assert answer.status_code == 404 and link["token"] not in answer.text
        made = await _post(client, "/new", token, service=theirs.artist.service["id"])
        assert made.status_code == 404
    (same,) = await _links(theirs)
    assert same["token"] == link["token"]
    assert len(await _links(mine)) == 1


async def test_a_form_without_its_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        await client.get(PAGE)
        (link,) = await _links(desk)
        for path, fields in ((f"/{link['id']}/regenerate", {}),
                             ("/new", {"service": desk.artist.service["id"]}),
                             ("/embed", {"origins": "https://a.example"})):  # fmt: skip
            assert (await client.post(f"{PAGE}{path}", data=fields)).status_code == 403
    assert [entry["token"] for entry in await _links(desk)] == [link["token"]]
    assert (await _artist(desk))["embedOrigins"] == []


async def test_someone_signed_out_is_sent_to_sign_in(api: Api) -> None:
    async with browser(api) as client:
        answer = await client.get(PAGE, follow_redirects=False)
    assert answer.status_code == 303 and "/console/sign-in" in answer.headers["location"]


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    odd_texts = ["", "\x00", "9" * 400, "-1", "١٢٣", "🙂", "x" * 5000, "https://\x00.example",
                 "https://а.example", "https://xn--.example", "https://a.example:99999",
                 "https://[::1]", "https://ｓｔｕｄｉｏ．ｅｘａｍｐｌｅ", "\r\n" * 3000,
                 "https://" + "a" * 70 + ".example", "https://a.example\u202e"]  # fmt: skip
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(PAGE))
        for odd in odd_texts:
            for field in ("origins", "service"):
                for path in ("/embed", "/new"):
                    answer = await _post(client, path, token, **{field: odd})
                    assert answer.status_code < 500, (path, field, odd[:20], answer.status_code)
            quoted = quote(odd, safe="")
            answer = await _post(client, f"/{quoted}/regenerate", token)
            assert answer.status_code < 500
        raw = await client.post(
            f"{PAGE}/embed",
            content=b"form_token=" + token.encode() + b"&origins=https%3A%2F%2F%FF%FE.example",
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        assert raw.status_code < 500
        assert (await client.get(f"{PAGE}?lang=%00")).status_code < 500
