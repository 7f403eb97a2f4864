"""Compression and caching over HTTP: the booking page and a long slots answer are gzipped
for a client that takes gzip, a small problem is not, the event stream never is; the page
links its static files by content hash, served cached for a year under it."""

from __future__ import annotations

import re

import pytest

from tests.api.booking_helpers import open_desk
from tests.api.conftest import Api
from tests.api.stream.asgi_probe import first_answer

pytestmark = pytest.mark.anyio
GZIP = {"accept-encoding": "gzip"}


async def test_big_text_is_gzipped_and_small_or_streamed_text_is_not(api: Api) -> None:
    desk = await open_desk(api)
    items = (
        await api.client.get("/api/v1/me/booking-links", headers=desk.auth(desk.artist.session))
    ).json()["items"]
    page = await api.client.get(f"/book/{items[0]['token']}", headers=GZIP)
    assert page.status_code == 200 and page.headers["content-encoding"] == "gzip"
    assert int(page.headers["content-length"]) < len(page.content) // 2  # httpx decoded it
    assert "Accept-Encoding" in page.headers["vary"]
    slots = await api.client.get(
        f"/api/v1/artists/{desk.artist.id}/slots",
        params={"serviceId": desk.artist.service["id"], "from": "2026-03-03T00:00:00Z",
                "to": "2026-04-02T00:00:00Z"},
        headers=GZIP,
    )  # fmt: skip
    assert slots.status_code == 200 and slots.headers["content-encoding"] == "gzip"
    missing = await api.client.get("/api/v1/bookings/not-an-id", headers=GZIP)
    assert missing.status_code in (404, 422) and "content-encoding" not in missing.headers
    plain = await api.client.get(f"/book/{items[0]['token']}", headers={"accept-encoding": ""})
    assert "content-encoding" not in plain.headers and plain.text == page.text
    stream = await first_answer(
        api.app, "/api/v1/events/stream", {**api.bearer(desk.customer), **GZIP}
    )
    assert stream.status == 200 and "content-encoding" not in stream.headers


async def test_static_files_are_linked_by_hash_and_cached_for_a_year(api: Api) -> None:
    desk = await open_desk(api)
    items = (
        await api.client.get("/api/v1/me/booking-links", headers=desk.auth(desk.artist.session))
    ).json()["items"]
    html = (await api.client.get(f"/book/{items[0]['token']}")).text
    linked = re.findall(r'(?:src|href)="(/static/booking-page/[^"]+)"', html)
    assert {u.split("?")[0].rsplit("/", 1)[1] for u in linked} >= {
        "common.js",
        "book.js",
        "book.css",
    }
    for url in linked:
        assert re.fullmatch(r"/static/booking-page/[\w.]+\?v=[0-9a-f]{16}", url), url
        served = await api.client.get(url)
        assert served.status_code == 200 and served.content
        assert served.headers["cache-control"] == "public, max-age=31536000, immutable"
    bare = await api.client.get("/static/booking-page/book.js")
    assert bare.headers["cache-control"] == "public, max-age=300"
    stale = await api.client.get("/static/booking-page/book.js?v=0000000000000000")
    assert stale.headers["cache-control"] == "public, max-age=300"
    assert stale.content == bare.content
    assert (await api.client.get("/static/booking-page/nothing.js")).status_code == 404
    assert (await api.client.get("/static/booking-page/..%2Fpage.py")).status_code == 404
