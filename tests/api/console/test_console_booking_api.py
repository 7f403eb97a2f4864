# ruff: noqa: RUF001 (Mongolian and look-alike characters, on purpose)
"""The console's booking page over HTTP: the customer's ideas with their pictures, the
consent (signed by whom and when, its PDF, the ID check as an action, what completing waits
for, said before the tap), the deposit and balance invoices and the balance asked for after
the session, each through the API's own use case; another artist's booking is "not found"
and stays as it was; a form without its token changes nothing; odd input never 5xx."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.api.booking_helpers import BOOKINGS, SLOT, Desk, open_desk
from tests.api.conftest import Api
from tests.api.console.console_helpers import act, browser, email_of, form_token, sign_in
from tests.api.media.uploads import finished_upload

pytestmark = pytest.mark.anyio
FORM = {"title": "Consent", "locale": "en", "statement": "A tattoo is for life.", "questions": []}
DEPOSIT_SERVICE = {"deposit": {"percent": 20}}  # 300 MNT of 1,500


async def _require_consent(desk: Desk) -> str:
    artist = desk.auth(desk.artist.session)
    made = await desk.api.client.post(
        f"/api/v1/artists/{desk.artist.id}/consent-forms", json=FORM, headers=artist
    )
    assert made.status_code == 201, made.text
    form_id = str(made.json()["id"])
    required = await desk.api.client.put(
        f"/api/v1/artists/{desk.artist.id}/consent-requirement",
        json={"formId": form_id},
        headers=artist,
    )
    assert required.status_code == 200, required.text
    return form_id


async def _sign(desk: Desk, booking_id: str, form_id: str) -> None:
    body = {"formId": form_id, "formVersion": 1, "signedName": "Saruul Bat",
            "adultConfirmed": True, "accepted": True, "answers": []}  # fmt: skip
    signed = await desk.api.client.post(
        f"{BOOKINGS}/{booking_id}/consent", json=body, headers=desk.auth(desk.customer)
    )
    assert signed.status_code == 201, signed.text


async def _consent(desk: Desk, booking_id: str) -> dict[str, Any]:
    fresh = (await desk.api.login(email_of(desk.artist.session))).json()
    read = await desk.api.client.get(f"{BOOKINGS}/{booking_id}/consent", headers=desk.auth(fresh))
    return dict(read.json())


async def _page(client: httpx.AsyncClient, booking_id: str, **params: str) -> httpx.Response:
    return await client.get(f"/console/bookings/{booking_id}", params=params)


async def test_the_page_shows_the_ideas_with_their_pictures(api: Api) -> None:
    desk = await open_desk(api)
    booking_id = await desk.booked()
    customer = desk.auth(desk.customer)
    upload = await finished_upload(api, customer, purpose="idea")
    body = {"description": "A koi around the wrist", "uploadId": upload["id"]}
    added = await api.client.post(f"{BOOKINGS}/{booking_id}/ideas", json=body, headers=customer)
    assert added.status_code == 201, added.text
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await _page(client, booking_id)
        assert page.status_code == 200
        assert "Design ideas" in page.text and "A koi around the wrist" in page.text
        assert "/_storage/uploads/private/" in page.text and 'alt="Picture of idea 1"' in page.text
        assert "You require no consent form for this booking." in page.text
        assert "No invoices yet." in page.text
        mongolian = await _page(client, booking_id, lang="mn")
        assert "Загварын санаанууд" in mongolian.text


async def test_the_consent_is_shown_its_pdf_served_and_the_id_checked(api: Api) -> None:
    desk = await open_desk(api)
    form_id = await _require_consent(desk)
    booking_id = await desk.booked()
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        unsigned = await _page(client, booking_id)
        assert "Required" in unsigned.text and "Not yet" in unsigned.text
        assert "has not signed the consent form" in unsigned.text  # the domain's words
        assert "consent.pdf" not in unsigned.text and "check-id" not in unsigned.text
        await _sign(desk, booking_id, form_id)
        signed = await _page(client, booking_id)
        assert "By Saruul Bat" in signed.text and "Not checked yet" in signed.text
        assert "photo ID before completing" in signed.text
        assert f"/console/bookings/{booking_id}/consent.pdf" in signed.text
        pdf = await client.get(f"/console/bookings/{booking_id}/consent.pdf")
        assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
        assert pdf.headers["content-type"].startswith("application/pdf")
        assert pdf.headers["cache-control"] == "no-store"
        token = form_token(signed)
        path = f"/console/bookings/{booking_id}/check-id"
        refused = await client.post(path, data={"form_token": token, "document": "passport"})
        assert refused.status_code == 422 and 'role="alert"' in refused.text  # not adult
        odd = await client.post(path, data={"form_token": token, "document": "selfie",
                                            "shows_adult": "yes"})  # fmt: skip
        assert odd.status_code == 422 and "Choose the kind of photo ID" in odd.text
        assert (await _consent(desk, booking_id))["standing"] == "id_unchecked"
        done = await client.post(
            path, data={"form_token": token, "document": "passport", "shows_adult": "yes"}
        )
        assert done.status_code == 200 and "The ID check is recorded." in done.text
        assert "Passport checked" in done.text and "check-id" not in done.text
        again = await client.post(
            path, data={"form_token": token, "document": "passport", "shows_adult": "yes"}
        )
        assert again.status_code == 409 and 'role="alert"' in again.text
    consent = await _consent(desk, booking_id)
    assert consent["standing"] == "ready"
    assert consent["consent"]["idCheck"]["documentType"] == "passport"


async def test_completing_says_what_is_missing_before_and_after_the_tap(api: Api) -> None:
    desk = await open_desk(api)
    await _require_consent(desk)
    booking_id = await desk.booked()
    api.clock.set(datetime.fromisoformat(SLOT) + timedelta(minutes=5))  # started
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await _page(client, booking_id)
        assert 'id="complete-waits"' in page.text and ">Complete<" in page.text
        assert "Completing waits for this: The customer has not signed" in page.text
        refused = await act(client, booking_id, "complete", form_token(page))
        assert refused.status_code == 409 and 'role="alert"' in refused.text
        assert "has not signed the consent form" in refused.text
    read = await desk.get(f"/{booking_id}", (await api.login(email_of(desk.customer))).json())
    assert read.json()["status"] == "confirmed"


async def _completed(api: Api) -> tuple[Desk, str]:
    desk = await open_desk(api, service=DEPOSIT_SERVICE)
    booking_id = await desk.booked()
    made = await api.client.post(
        f"{BOOKINGS}/{booking_id}/deposit-invoice", headers=desk.auth(desk.customer)
    )
    assert made.status_code == 201, made.text
    assert api.sandbox is not None
    await api.sandbox.pay(made.json()["invoiceId"])
    api.clock.set(datetime.fromisoformat(SLOT) + timedelta(hours=4))
    artist = (await api.login(email_of(desk.artist.session))).json()
    assert (await desk.patch(booking_id, artist, status="completed")).status_code == 200
    return desk, booking_id


async def test_the_invoices_are_listed_and_the_balance_asked_for(api: Api) -> None:
    desk, booking_id = await _completed(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        page = await _page(client, booking_id)
        assert "Deposit invoice" in page.text and "MNT 300" in page.text and ">Paid<" in page.text
        assert "Send the balance invoice" in page.text
        token = form_token(page)
        path = f"/console/bookings/{booking_id}/balance"
        unexplained = await client.post(path, data={"form_token": token, "adjustment": "100"})
        assert unexplained.status_code == 422 and 'role="alert"' in unexplained.text
        bad = await client.post(path, data={"form_token": token, "adjustment": "١٠٠"})
        assert bad.status_code == 422 and "Enter whole numbers" in bad.text
        done = await client.post(
            path, data={"form_token": token, "adjustment": "100", "reason": "extra colour"}
        )
        assert done.status_code == 200, done.text
        assert "The balance invoice is sent to the customer." in done.text
        assert "Balance invoice" in done.text and "MNT 1,300" in done.text
        assert "Waiting for payment" in done.text and "extra colour" in done.text
    customer = (await api.login(email_of(desk.customer))).json()
    events = (await desk.get(f"/{booking_id}/events", customer)).json()["items"]
    assert (events[-1]["kind"], events[-1]["amount"]) == ("balance_invoiced", 130_000)


async def test_nothing_is_left_to_pay_settles_the_booking(api: Api) -> None:
    desk, booking_id = await _completed(api)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await _page(client, booking_id))
        done = await client.post(
            f"/console/bookings/{booking_id}/balance",
            data={"form_token": token, "adjustment": "-1200", "reason": "friend's price"},
        )
        assert done.status_code == 200 and "the booking is paid in full" in done.text
        assert "Send the balance invoice" not in done.text
    customer = (await api.login(email_of(desk.customer))).json()
    assert (await desk.get(f"/{booking_id}", customer)).json()["paidInFull"] is True


async def test_another_artists_booking_is_not_found_and_unchanged(api: Api) -> None:
    mine = await open_desk(api)
    theirs = await open_desk(api, admin=mine.admin)
    form_id = await _require_consent(theirs)
    booking_id = await theirs.booked()
    await _sign(theirs, booking_id, form_id)
    async with browser(api) as client:
        await sign_in(client, email_of(mine.artist.session))
        token = form_token(await client.get("/console"))
        for path in ("", "/consent.pdf"):
            seen = await client.get(f"/console/bookings/{booking_id}{path}")
            assert seen.status_code == 404 and "Saruul" not in seen.text, path
        body = {"form_token": token, "document": "passport", "shows_adult": "yes"}
        for step in ("check-id", "balance"):
            answer = await client.post(f"/console/bookings/{booking_id}/{step}", data=body)
            assert answer.status_code == 404, step
    assert (await _consent(theirs, booking_id))["standing"] == "id_unchecked"


async def test_a_form_without_its_token_changes_nothing(api: Api) -> None:
    desk = await open_desk(api)
    form_id = await _require_consent(desk)
    booking_id = await desk.booked()
    await _sign(desk, booking_id, form_id)
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        body = {"document": "passport", "shows_adult": "yes"}
        for step in ("check-id", "balance"):
            answer = await client.post(f"/console/bookings/{booking_id}/{step}", data=body)
            assert answer.status_code == 403, step
    assert (await _consent(desk, booking_id))["standing"] == "id_unchecked"


async def test_nothing_a_browser_sends_makes_a_server_error(api: Api) -> None:
    desk, booking_id = await _completed(api)
    odd_texts = ["\x00", "9" * 40, "-" * 3, "--5", "1e9", "٢٠٢٦", "１００", "x" * 5000,
                 "🙂", "0.001", "-99999999999999"]  # fmt: skip
    async with browser(api) as client:
        await sign_in(client, email_of(desk.artist.session))
        token = form_token(await _page(client, booking_id))
        for odd in odd_texts:
            for step in ("check-id", "balance"):
                data = {"form_token": token, "adjustment": odd, "reason": odd,
                        "document": odd, "shows_adult": odd}  # fmt: skip
                answer = await client.post(f"/console/bookings/{booking_id}/{step}", data=data)
                assert answer.status_code < 500, (step, odd[:10], answer.status_code)
            text = quote(odd, safe="")
            for path in (f"/console/bookings/{text}/consent.pdf",
                         f"/console/bookings/{booking_id}?done={text}"):  # fmt: skip
                assert (await client.get(path)).status_code < 500, path
        for raw in (b"form_token=\xff\xfe&adjustment=\xc3", b"\x00\x00", b"%ZZ=%"):
            for step in ("check-id", "balance"):
                answer = await client.post(
                    f"/console/bookings/{booking_id}/{step}",
                    content=raw,
                    headers={"content-type": "application/x-www-form-urlencoded"},
                )
                assert answer.status_code < 500, (step, raw[:10], answer.status_code)
    customer = (await api.login(email_of(desk.customer))).json()
    events = (await desk.get(f"/{booking_id}/events", customer)).json()["items"]
    assert events[-1]["kind"] == "completed"
