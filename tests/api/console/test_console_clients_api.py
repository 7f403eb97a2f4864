# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's clients over HTTP: the roster lists everyone the artist booked (customers
and client records) with their figures, searched by name or phone; a client's page lists
their bookings with this artist only, each linking to its page; another artist's client is
"not found"; the CSV is the whole roster, UTF-8 with a byte order mark, safe from formulas;
nothing a browser sends makes a 5xx."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import quote

import pytest

from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, sign_in

pytestmark = pytest.mark.anyio
_PERSON = re.compile(r'href="/console/clients/(customer|client)/([0-9a-f-]+)"')


async def _walk_in(desk: Desk, start: str, name: str, phone: str) -> str:
    """A booking the artist makes for a client record (name, phone)."""
    made = await desk.book(start, desk.artist.session, client={"name": name, "phone": phone})
    assert made.status_code == 201, made.text
    return str(made.json()["id"])


async def _studio(api: Api) -> tuple[Desk, dict[str, str]]:
    """Ada (a customer: two bookings, one cancelled) and Өлзий (a walk-in) with the artist."""
    desk = await open_desk(api)
    first = await desk.booked(SLOT)
    later = await desk.booked("2026-03-06T10:00:00Z")
    cancelled = await desk.patch(first, desk.customer, status="cancelled")
    assert cancelled.status_code == 200, cancelled.text
    walk_in = await _walk_in(desk, "2026-03-05T13:00:00Z", "Өлзий", "+97699112233")
    return desk, {"first": first, "later": later, "walk_in": walk_in}


async def test_the_roster_lists_everyone_booked_with_their_figures(api: Api) -> None:
    desk, _ = await _studio(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get("/console/clients")
        assert page.status_code == 200
        text = page.text
        assert text.index("Ada") < text.index("Өлзий")  # Ada's last booking is later
        assert "Bookings 2 · Completed 0 · No-shows 0 · Cancelled 1" in text
        assert "+97699112233" in text and 'aria-current="page">Clients<' in text
        assert [kind for kind, _ in _PERSON.findall(text)] == ["customer", "client"]
        for search, found, hidden in (("ӨЛЗИЙ", "Өлзий", "Ada"), ("9911 2233", "Өлзий", "Ada"),
                                      (" ada ", "Ada", "Өлзий")):  # fmt: skip
            answer = await client.get("/console/clients", params={"q": search})
            assert found in answer.text and hidden not in answer.text, search
        nobody = await client.get("/console/clients", params={"q": "zz"})
        assert "Nobody matches this search." in nobody.text
        mongolian = await client.get("/console/clients?lang=mn")
        assert "Үйлчлүүлэгчид" in mongolian.text


async def test_a_clients_page_lists_their_bookings_with_this_artist(api: Api) -> None:
    desk, booked = await _studio(api)
    other = await open_desk(api, admin=desk.admin)
    elsewhere = await other.booked(SLOT, desk.customer)  # Ada with another artist
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        people = _PERSON.findall((await client.get("/console/clients")).text)
        (ada_kind, ada_id), (walk_kind, walk_id) = people
        ada = await client.get(f"/console/clients/{ada_kind}/{ada_id}")
        assert ada.status_code == 200
        assert f'href="/console/bookings/{booked["later"]}"' in ada.text
        assert f'href="/console/bookings/{booked["first"]}"' in ada.text
        assert elsewhere not in ada.text and booked["walk_in"] not in ada.text
        walk_in = await client.get(f"/console/clients/{walk_kind}/{walk_id}")
        assert f"/console/bookings/{booked['walk_in']}" in walk_in.text
        assert "Client record" in walk_in.text and "+97699112233" in walk_in.text
    async with browser(api) as client:  # the other artist: Ada is theirs too, the walk-in not
        await sign_in(client, email_of(other.artist.session))
        theirs = await client.get(f"/console/clients/{ada_kind}/{ada_id}")
        assert theirs.status_code == 200 and booked["later"] not in theirs.text
        assert elsewhere in theirs.text
        hidden = await client.get(f"/console/clients/{walk_kind}/{walk_id}")
        assert hidden.status_code == 404 and "Өлзий" not in hidden.text
        assert "+97699112233" not in hidden.text
        roster = await client.get("/console/clients")
        assert "Өлзий" not in roster.text and "Ada" in roster.text


async def test_the_csv_is_the_whole_roster_safe_from_formulas(api: Api) -> None:
    desk, _ = await _studio(api)
    await _walk_in(desk, "2026-03-09T10:00:00Z", "=HYPERLINK(1)", "+97688001122")
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        answer = await client.get("/console/clients.csv")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    assert answer.headers["content-disposition"].startswith('attachment; filename="clients-')
    assert "no-store" in answer.headers["cache-control"]
    assert answer.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Name", "Phone", "Kind"]
    names = [row[0] for row in rows[1:]]
    assert names == ["'=HYPERLINK(1)", "Ada", "Өлзий"]
    assert all(row[1].startswith("'+") or row[1] == "" for row in rows[1:])
    assert rows[2][3:7] == ["2", "0", "0", "1"]


async def test_others_are_refused_and_odd_input_is_never_a_server_error(api: Api) -> None:
    desk, _ = await _studio(api)
    async with browser(api) as client:
        anonymous = await client.get("/console/clients.csv")
        assert anonymous.status_code == 200 and "/console/sign-in" in str(anonymous.url)
        await sign_in(client, email_of(desk.customer))
        assert "Өлзий" not in (await client.get("/console/clients")).text
    odd = ["\x00", "x" * 3000, "ＡＢＣ", "٢٠٢٦", "🙂", "%", "_", "\\", "-1", "99999999999999999999",
           "../../etc", "+", "()"]  # fmt: skip
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        refused = await client.get("/console/clients", params={"q": "a\x00b"})
        assert refused.status_code == 422 and 'role="alert"' in refused.text
        for text in odd:
            quoted = quote(text, safe="")
            for path in (f"/console/clients?q={quoted}", f"/console/clients?page={quoted}",
                         f"/console/clients/customer/{quoted}", f"/console/clients/{quoted}/x",
                         f"/console/clients/client/{quoted}?page={quoted}"):  # fmt: skip
                answer = await client.get(path)
                assert answer.status_code < 500, (path, answer.status_code)
        for raw in ("/console/clients?q=%ff%fe", "/console/clients?page=%c3", "/console/clients?q"):
            assert (await client.get(raw)).status_code < 500, raw
        stranger = "/console/clients/customer/00000000-0000-7000-8000-000000000000"
        assert (await client.get(stranger)).status_code == 404
