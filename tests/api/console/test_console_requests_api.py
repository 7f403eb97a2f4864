# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's tattoo requests over HTTP: the inbox lists the artist's requests with the
customer, the idea, placement, size and a thumbnail; a request's page shows it in full with
its thread; accepting, replying, quoting and declining go through the API's use cases and
rules; a refused step is said and changes nothing; another artist's request is "not found"
and stays as it was; a form without its token is 403; nothing a browser sends is a 5xx."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.commissions.test_projects_api import a_quote, accepted_request
from tests.api.commissions.test_requests_api import REQUESTS, send
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, form_token, sign_in
from tests.api.media.uploads import finished_upload

pytestmark = pytest.mark.anyio
CONSOLE = "/console/requests"


async def a_request(desk: Desk, **changes: Any) -> str:
    sent = await send(desk, **changes)
    assert sent.status_code == 201, sent.text
    return str(sent.json()["request"]["id"])


async def step(
    client: httpx.AsyncClient, request_id: str, name: str, token: str, **fields: str
) -> httpx.Response:
    body = {"form_token": token, **fields}
    return await client.post(f"{CONSOLE}/{request_id}/{name}", data=body)


async def read(desk: Desk, request_id: str) -> dict[str, Any]:
    seen = await desk.api.client.get(
        f"{REQUESTS}/{request_id}", headers=desk.auth(desk.artist.session)
    )
    assert seen.status_code == 200, seen.text
    return dict(seen.json()["request"])


async def test_the_inbox_lists_the_artists_requests_with_a_thumbnail(api: Api) -> None:
    desk = await open_desk(api)
    picture = await finished_upload(api, desk.auth(desk.customer), purpose="idea")
    with_picture = await a_request(desk, uploadIds=[picture["id"]])
    plain = await a_request(desk, idea="A crane in flight " * 20, placement={"area": "ribs"})
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(CONSOLE)
        assert page.status_code == 200
        text = page.text
        assert with_picture in text and plain in text
        assert text.count('class="request ') == 2
        assert "Ada" in text and "A fox curled around the wrist" in text
        assert "Forearm (inner, near the wrist)" in text and "12 cm" in text and "Ribs" in text
        assert "A crane in flight A crane" in text and "…" in text  # the long idea shortened
        assert text.count('class="thumb"') == 1  # the request with a picture only
        assert 'aria-current="page">Requests<' in text
        everything = await client.get(f"{CONSOLE}?show=all&lang=mn")
        assert everything.status_code == 200 and "Бүх хүсэлт" in everything.text
        assert with_picture in everything.text


async def test_accepting_replying_and_quoting_from_the_console(api: Api) -> None:
    desk = await open_desk(api)
    request_id = await a_request(desk)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(f"{CONSOLE}/{request_id}")
        assert page.status_code == 200
        assert "A fox curled around the wrist, fine line" in page.text
        assert "Accept the request" in page.text and "Send the quote" not in page.text
        token = form_token(page)
        done = await step(client, request_id, "accept", token, text="Love it. 12 cm works.")
        assert done.status_code == 200 and str(done.url).endswith("done=accept")
        assert "You accepted the request." in done.text and "Love it. 12 cm works." in done.text
        assert "Send the quote" in done.text and "Accept the request" not in done.text
        said = await step(client, request_id, "reply", token, text="Which day suits you?")
        assert said.status_code == 200 and "Which day suits you?" in said.text
        quoted = await step(
            client, request_id, "quote", token, sessions="2", session_minutes="180",
            price_min="600,000", price_max="700000", deposit="100000", currency="MNT",
            gap_days="14", valid_days="7", note="Two sittings",
        )  # fmt: skip
        assert quoted.status_code == 200, quoted.text
        assert "Your quote is sent." in quoted.text and "MNT 600,000 – MNT 700,000" in quoted.text
    seen = await read(desk, request_id)
    assert (seen["status"], seen["messageCount"]) == ("accepted", 2)
    quotes = await api.client.get(
        f"{REQUESTS}/{request_id}/quotes", headers=desk.auth(desk.artist.session)
    )
    (offered,) = quotes.json()["items"]
    assert (offered["sessions"], offered["priceMin"]["amount"], offered["deposit"]["amount"]) == (
        2, 60_000_000, 10_000_000,
    )  # fmt: skip


async def test_declining_closes_the_request(api: Api) -> None:
    desk = await open_desk(api)
    request_id = await a_request(desk)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(f"{CONSOLE}/{request_id}"))
        done = await step(client, request_id, "decline", token, text="Not my style, sorry.")
        assert done.status_code == 200 and "You declined the request." in done.text
        assert "its thread takes no more messages" in done.text
    assert (await read(desk, request_id))["status"] == "declined"


async def test_a_refused_step_is_said_and_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    request_id = await a_request(desk)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(f"{CONSOLE}/{request_id}"))
        early = await step(
            client, request_id, "quote", token, sessions="1", session_minutes="60",
            price_min="1000", currency="MNT", valid_days="7",
        )  # fmt: skip
        assert early.status_code == 409 and 'role="alert"' in early.text
        assert "Accept the tattoo request before quoting it." in early.text
        empty = await step(client, request_id, "accept", token, text="   ")
        assert empty.status_code == 422 and 'role="alert"' in empty.text
        await step(client, request_id, "accept", token, text="Yes")
        greedy = await step(
            client, request_id, "quote", token, sessions="2", session_minutes="180",
            price_min="600000", deposit="400000", currency="MNT", valid_days="7",
            note="Kept after a refusal",
        )  # fmt: skip
        assert greedy.status_code == 422
        assert "At most one session&#39;s share of the lower price." in greedy.text
        assert "Kept after a refusal" in greedy.text  # what was typed stays
        mongolian = await client.get(f"{CONSOLE}/{request_id}?lang=mn")
        assert "Үнийн санал илгээх" in mongolian.text
    seen = await read(desk, request_id)
    assert (seen["status"], seen["messageCount"], seen["version"]) == ("accepted", 1, 2)


async def test_another_artists_request_is_not_found_and_stays_as_it_was(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin)
    request_id = await a_request(theirs)
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        inbox = await client.get(f"{CONSOLE}?show=all")
        assert request_id not in inbox.text
        seen = await client.get(f"{CONSOLE}/{request_id}")
        assert seen.status_code == 404 and "A fox" not in seen.text
        token = form_token(inbox)
        for name in ("accept", "decline", "reply"):
            refused = await step(client, request_id, name, token, text="Mine now")
            assert refused.status_code == 404, name
        assert (await step(client, request_id, "quote", token, sessions="1")).status_code == 404
    seen_after = await read(theirs, request_id)
    assert (seen_after["status"], seen_after["messageCount"]) == ("open", 0)


async def test_a_form_without_its_token_is_refused_and_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    request_id = await a_request(desk)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        await client.get(f"{CONSOLE}/{request_id}")
        bare = await client.post(f"{CONSOLE}/{request_id}/accept", data={"text": "Yes"})
        assert bare.status_code == 403
        forged = await step(client, request_id, "decline", "0" * 64, text="No")
        assert forged.status_code == 403
    assert (await read(desk, request_id))["status"] == "open"


async def test_signed_out_the_requests_lead_to_sign_in(api: Api) -> None:
    async with browser(api) as client:
        away = await client.get(CONSOLE, follow_redirects=False)
        assert away.status_code == 303 and "/console/sign-in" in away.headers["location"]


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    request_id = await a_request(desk)
    odd_texts = ["", "\x00", "9999-12-31", "0001-01-01", "2026-02-30", "٢٠٢٦", "１２", "9" * 40,
                 "-1", "x" * 5000, "../../etc/passwd", "🙂", "ＡＢＣ", "МNТ"]  # fmt: skip
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(f"{CONSOLE}/{request_id}"))
        await step(client, request_id, "accept", token, text="Yes")
        for odd in odd_texts:
            text = quote(odd, safe="")
            for path in (f"{CONSOLE}?show={text}&page={text}", f"{CONSOLE}/{text}",
                         f"{CONSOLE}/{request_id}?thread={text}&done={text}"):  # fmt: skip
                answer = await client.get(path)
                assert answer.status_code < 500, (path, answer.status_code)
            for name in ("reply", "quote", text):
                fields = {k: odd for k in ("text", "sessions", "session_minutes", "price_min",
                                           "price_max", "deposit", "currency", "gap_days",
                                           "valid_days", "note")}  # fmt: skip
                answer = await step(client, request_id, name, token, **fields)
                assert answer.status_code < 500, (name, odd[:10], answer.status_code)
        for raw in (b"form_token=\xff\xfe&text=\xc3", b"\x00\x00", b"%ZZ=%", b"a" * 100_000):
            answer = await client.post(
                f"{CONSOLE}/{request_id}/reply",
                content=raw,
                headers={"content-type": "application/x-www-form-urlencoded"},
            )
            assert answer.status_code < 500, (raw[:20], answer.status_code)
    assert (await read(desk, request_id))["status"] == "accepted"  # odd words are words
    quotes = await api.client.get(
        f"{REQUESTS}/{request_id}/quotes", headers=desk.auth(desk.artist.session)
    )
    assert quotes.json()["items"] == []  # no odd number made a quote


async def test_an_accepted_quote_shows_its_project_and_sessions(api: Api) -> None:
    desk = await open_desk(api)
    request_id = await accepted_request(desk)
    artist, customer = desk.auth(desk.artist.session), desk.auth(desk.customer)
    offered = await api.client.post(
        f"{REQUESTS}/{request_id}/quotes", json=a_quote(), headers=artist
    )
    assert offered.status_code == 201, offered.text
    started = await api.client.post(
        f"/api/v1/quotes/{offered.json()['id']}/accept", json={"start": SLOT}, headers=customer
    )
    assert started.status_code == 201, started.text
    booking_id = started.json()["booking"]["bookingId"]
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(f"{CONSOLE}/{request_id}")
        assert page.status_code == 200
        assert "Project" in page.text and "0 of 2 completed, 1 booked" in page.text
        assert f"/console/bookings/{booking_id}" in page.text
        assert "Send the quote" not in page.text  # a quote was accepted: no more quoting
