# ruff: noqa: RUF001 (look-alike and other-script characters, on purpose)
"""The console's day and bookings over HTTP: the day lists its bookings earliest first with
what the artist needs; an action goes through the API's use case and rules; cancelling shows
its consequence first; another artist's booking is "not found" and stays as it was; nothing
a browser sends (odd days, odd forms, bytes that are no UTF-8) makes a 5xx."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.api.booking_helpers import SLOT, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import act, browser, email_of, form_token, sign_in

pytestmark = pytest.mark.anyio
DAY = SLOT[:10]  # the artist's zone is UTC (Africa/Abidjan)


async def test_the_day_lists_its_bookings_earliest_first(api: Api) -> None:
    desk = await open_desk(api, service={"requiresApproval": True})
    bea = await desk.customer_named("Bea")
    late = await desk.booked("2026-03-05T13:00:00Z", bea)
    early = await desk.booked(SLOT)
    await desk.booked("2026-03-06T10:00:00Z")  # the next day's: not listed
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await client.get(f"/console?day={DAY}")
        assert page.status_code == 200
        text = page.text
        assert text.index(early) < text.index(late)
        assert text.count('class="booking ') == 2
        assert "10:00–11:00" in text and "13:00–14:00" in text
        assert "Ada" in text and "Bea" in text and "Small tattoo" in text
        assert "your approval" in text and text.count(">Approve<") == 2
        mongolian = await client.get(f"/console?day={DAY}&lang=mn")
        assert "Зөвшөөрөх" in mongolian.text and 'lang="mn"' in mongolian.text


async def test_approving_from_the_day_confirms_the_booking(api: Api) -> None:
    desk = await open_desk(api, service={"requiresApproval": True})
    booking_id = await desk.booked()
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        day = await client.get(f"/console?day={DAY}")
        done = await act(client, booking_id, "approve", form_token(day), back=f"/console?day={DAY}")
        assert done.status_code == 200 and str(done.url).endswith(f"/console?day={DAY}")
        assert "Confirmed" in done.text
    read = await desk.get(f"/{booking_id}", desk.artist.session)
    assert read.json()["status"] == "confirmed"


async def test_cancelling_shows_what_is_given_back_then_cancels(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        asked = await client.get(f"/console/bookings/{booking_id}/cancel")
        assert asked.status_code == 200
        assert "Everything paid is given back to the customer: MNT 0." in asked.text
        done = await act(client, booking_id, "cancel", form_token(asked), reason="Ill today")
        assert done.status_code == 200 and "Cancelled" in done.text and "Ill today" in done.text
    read = await desk.get(f"/{booking_id}", desk.artist.session)
    assert read.json()["status"] == "cancelled"
    assert read.json()["cancellationReason"] == "Ill today"


async def test_a_refused_action_is_said_and_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()  # confirmed, not started: no completing it yet
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get(f"/console/bookings/{booking_id}"))
        refused = await act(client, booking_id, "complete", token)
        assert refused.status_code == 409 and 'role="alert"' in refused.text
    read = await desk.get(f"/{booking_id}", desk.artist.session)
    assert read.json()["status"] == "confirmed"


async def test_another_artists_booking_is_not_found_and_stays_as_it_was(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin, service={"requiresApproval": True})
    booking_id = await theirs.booked()
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        token = form_token(await client.get("/console"))
        for path in (f"/console/bookings/{booking_id}", f"/console/bookings/{booking_id}/cancel"):
            seen = await client.get(path)
            assert seen.status_code == 404, path
            assert "Ada" not in seen.text
        for action in ("approve", "decline", "cancel"):
            assert (await act(client, booking_id, action, token)).status_code == 404
        day = await client.get(f"/console?day={DAY}")
        assert booking_id not in day.text
    read = await theirs.get(f"/{booking_id}", theirs.artist.session)
    assert read.json()["status"] == "pending"


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    odd_texts = ["", "\x00", "9999-12-31", "0001-01-01", "2026-02-30", "2026-13-01",
                 "٢٠٢٦-٠٣-٠٥", "x" * 5000, "../../etc/passwd", "🙂", "ＡＢＣ"]  # fmt: skip
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await client.get("/console"))
        for odd in odd_texts:
            text = quote(odd, safe="")
            paths = (
                f"/console?day={text}",
                f"/console/bookings/{text}",
                f"/console/bookings/{text}/cancel",
                f"/console/sign-in?next={text}",
            )
            for path in paths:
                answer = await client.get(path)
                assert answer.status_code < 500, (path, answer.status_code)
            for fields in ({"action": text}, {"action": "complete", "reason": text, "back": text},
                           {"action": "approve", "form_token": text}):  # fmt: skip
                fields = {k: odd if v == text else v for k, v in fields.items()}
                answer = await act(client, booking_id, fields.pop("action"), token, **fields)
                assert answer.status_code < 500, (fields, answer.status_code)
            answer = await client.post(f"/console/bookings/{text}/act", data={"form_token": token})
            assert answer.status_code < 500
        for raw in (b"form_token=\xff\xfe&action=\xc3", b"\x00\x00", b"%ZZ=%", b"a" * 100_000):
            for path in (f"/console/bookings/{booking_id}/act", "/console/sign-in",
                         "/console/sign-out"):  # fmt: skip
                answer = await client.post(
                    path,
                    content=raw,
                    headers={"content-type": "application/x-www-form-urlencoded"},
                )
                assert answer.status_code < 500, (path, raw[:20], answer.status_code)
    read = await desk.get(f"/{booking_id}", desk.artist.session)
    assert read.json()["status"] == "confirmed"
