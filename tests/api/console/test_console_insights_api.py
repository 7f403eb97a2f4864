# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's insights over HTTP: bookings completed and paid show in the figures, the
charts (inline SVG with their summaries) and their tables, and in the CSV, which is the
console session's own file (formula-safe, never kept); another artist's figures never
show; nothing a browser sends makes a 5xx."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from urllib.parse import quote

import pytest

from tests.api.booking_helpers import SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import browser, email_of, sign_in
from tests.api.payments.test_deposits_api import DEPOSIT_SERVICE, _invoice

pytestmark = pytest.mark.anyio
WEEK = {"from": "2026-03-02", "to": "2026-03-08"}
LATER = "2026-03-06T10:00:00Z"  # Friday
_SVG = re.compile(r'<svg viewBox="0 0 320 160" role="img" aria-label="([^"]+)"')


async def _paid(desk: Desk, start: str) -> str:
    """A booking whose deposit (MNT 300: 20 % of 1,500) is paid now (Monday)."""
    booking_id = await desk.booked(start)
    invoice = (await _invoice(desk, booking_id)).json()
    assert desk.api.sandbox is not None
    await desk.api.sandbox.pay(invoice["invoiceId"])
    return booking_id


async def _studio(api: Api, desk: Desk | None = None) -> Desk:
    """Two bookings paid on Monday, Thursday's and Friday's, both completed on Friday (of
    ``desk``'s artist, or a new one's)."""
    desk = desk or await open_desk(api, service=DEPOSIT_SERVICE)
    booked = [await _paid(desk, SLOT), await _paid(desk, LATER)]
    api.clock.set(datetime(2026, 3, 6, 14, tzinfo=UTC))
    artist = (await api.login(email_of(desk.artist.session))).json()
    desk.artist.session.update(artist)
    for booking_id in booked:
        done = await desk.patch(booking_id, artist, status="completed")
        assert done.status_code == 200, done.text
    return desk


async def test_completed_and_paid_bookings_show_in_the_charts_and_tables(api: Api) -> None:
    desk = await _studio(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get("/console/insights", params={**WEEK, "by": "day"})
        assert page.status_code == 200, page.text
        text = page.text
        assert (
            'aria-current="page">Insights<' in text and "no-store" in page.headers["cache-control"]
        )
        labels = _SVG.findall(text)
        assert len(labels) == 3  # money, bookings, utilisation; no cancellation at all
        money, bookings, used = labels
        assert "Money received (MNT)" in money and "Total: MNT 600." in money
        assert "Highest: MNT 600 (2026-03-02)." in money
        assert "Total: 2." in bookings and "Highest: 1 (2026-03-05)." in bookings
        assert "Overall: 5.0 %." in used  # 2 h of 40
        assert "No cancellations or no-shows in this period." in text
        assert '<th scope="row">2026-03-02</th><td>MNT 600</td><td>MNT 0</td>' in text
        assert '<th scope="row">2026-03-06</th><td>1</td><td>1.0</td>' in text
        assert "/console/insights.csv?from=2026-03-02&amp;to=2026-03-08&amp;by=day" in text
        weekly = await client.get("/console/insights", params={**WEEK, "by": "week"})
        assert '<th scope="row">2026-03-02</th><td>2</td><td>2.0</td>' in weekly.text
        default = await client.get("/console/insights")  # the last 4 weeks, by day
        assert default.status_code == 200
        assert 'href="/console/insights?period=4w" aria-current="page"' in default.text
        assert 'value="2026-02-09"' in default.text and "Total: 2." in default.text
        mongolian = await client.get("/console/insights", params={**WEEK, "lang": "mn"})
        assert "Үзүүлэлт" in mongolian.text and "Орсон мөнгө" in mongolian.text


async def test_the_csv_is_the_same_figures_as_a_file(api: Api) -> None:
    desk = await _studio(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        answer = await client.get("/console/insights.csv", params={**WEEK, "by": "day"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "text/csv; charset=utf-8"
    disposition = 'attachment; filename="insights-2026-03-02-2026-03-08.csv"'
    assert answer.headers["content-disposition"] == disposition
    assert "no-store" in answer.headers["cache-control"]
    assert answer.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Period start", "Bookings", "Booked hours"]
    assert [row[0] for row in rows[1:]] == [f"2026-03-0{d}" for d in range(2, 9)]
    monday, thursday = rows[1], rows[4]
    assert monday[10:12] == ["MNT", "600"] and monday[1] == "0"
    assert thursday[1:3] == ["1", "1.00"] and thursday[10] == ""
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


async def test_another_artists_figures_never_show(api: Api) -> None:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    other = await open_desk(api, admin=desk.admin)
    await other.booked("2026-03-09T10:00:00Z")  # the week after
    await _studio(api, desk)
    async with browser(api) as client:
        await sign_in(client, email_of(other.artist.session))
        page = await client.get("/console/insights", params=WEEK)
        assert page.status_code == 200
        assert "MNT 600" not in page.text and "No bookings in this period." in page.text
        assert "No money received in this period." in page.text
        file = await client.get("/console/insights.csv", params=WEEK)
        assert "MNT" not in file.text
        rows = list(csv.reader(io.StringIO(file.content.decode("utf-8-sig"))))
        assert {row[1] for row in rows[1:]} == {"0"}
        # Only the artist's own: no query names another artist.
        theirs = await client.get(
            "/console/insights",
            params={**WEEK, "artistId": desk.artist.id, "artist": desk.artist.id},
        )
        assert "MNT 600" not in theirs.text
    async with browser(api) as client:  # signed out: to the sign-in page
        anonymous = await client.get("/console/insights.csv", params=WEEK)
        assert "/console/sign-in" in str(anonymous.url) and "MNT" not in anonymous.text


async def test_odd_ranges_are_said_on_the_page_and_never_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        for params in (
            {"from": "2026-02-30", "to": "2026-03-01"},  # no such date
            {"from": "2026-03-08", "to": "2026-03-02"},  # reversed
            {"from": "2020-01-01", "to": "2026-01-01", "by": "day"},  # too long by day
            {"from": "9999-12-31", "to": "9999-12-31"},  # off the kept calendar
            {"from": "0001-01-01", "to": "0001-01-01", "by": "month"},
            {"from": "2026-03-01"},  # one date only
            {"from": "\x00", "to": "2026-03-01"},
            {"from": "٢٠٢٦-٠٣-٠١", "to": "２０２６-０３-０２"},  # digits of other scripts
        ):
            page = await client.get("/console/insights", params=params)
            assert page.status_code == 422, (params, page.status_code)
            assert 'role="alert"' in page.text and "<svg viewBox" not in page.text
            file = await client.get("/console/insights.csv", params=params)
            assert file.status_code == 422, (params, file.status_code)
        fine = {"by": "year", "period": "forever", "lang": "xx"}  # unknown: the defaults
        assert (await client.get("/console/insights", params=fine)).status_code == 200
        odd = ["x" * 3000, "ＡＢＣ", "🙂", "%", "\\", "-1", "99999999999999999999", "../../etc"]
        for text in odd:
            quoted = quote(text, safe="")
            for name in ("from", "to", "by", "period"):
                for path in ("/console/insights", "/console/insights.csv"):
                    answer = await client.get(f"{path}?{name}={quoted}")
                    assert answer.status_code < 500, (path, name, answer.status_code)
        for raw in ("?from=%ff%fe&to=%c3", "?by=%ff", "?period=%c3", "?from", "?from=&to="):
            for path in ("/console/insights", "/console/insights.csv"):
                assert (await client.get(path + raw)).status_code < 500, path + raw


async def test_cancellations_and_no_shows_are_two_series_told_apart_by_more_than_colour(
    api: Api,
) -> None:
    desk = await open_desk(api)
    cancelled = await desk.booked(SLOT)
    missed = await desk.booked(LATER)
    assert (await desk.patch(cancelled, desk.customer, status="cancelled")).status_code == 200
    api.clock.set(datetime(2026, 3, 6, 14, tzinfo=UTC))
    artist = (await api.login(email_of(desk.artist.session))).json()
    assert (await desk.patch(missed, artist, status="no_show")).status_code == 200
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get("/console/insights", params={**WEEK, "by": "day"})
    labels = _SVG.findall(page.text)
    assert "Cancelled: 1. No-shows: 1." in labels[-1] and "Most in one period: 1" in labels[-1]
    assert 'fill="url(#hatch-cancellations)"' in page.text  # no-shows: hatched, in the legend too
    assert '<ul class="legend">' in page.text
    assert '<th scope="row">2026-03-05</th><td>1</td><td>0</td>' in page.text
    assert '<th scope="row">2026-03-06</th><td>0</td><td>1</td>' in page.text
