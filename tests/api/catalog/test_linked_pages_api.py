"""The pages that emails and texts link to, over HTTP: a booking's page and the account
links' pages answer HTML with the booking page's strict Content-Security-Policy, no
referrer and no-store; the account pages never echo the link's token into the HTML; an
address that cannot name a booking is the "not found" page."""

from __future__ import annotations

import json
import re
from typing import Any
from uuid import uuid4

import httpx
import pytest

from tests.api.conftest import Api

pytestmark = pytest.mark.anyio
SECRET = "Zq8-very-secret-link-token_0123456789ab"


def _page_data(html: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="page-data">(.*?)</script>', html, re.S)
    assert found is not None
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def _is_strict_html(page: httpx.Response) -> None:
    assert page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers.get_list("content-security-policy") == [policy]  # not the API's too
    assert page.headers["referrer-policy"] == "no-referrer"
    assert page.headers.get_list("cache-control") == ["no-store"]
    assert "<script>" not in page.text  # no inline script


async def test_a_bookings_page_is_a_shell_its_script_fills_in(api: Api) -> None:
    booking_id = str(uuid4())
    for path in ("", "/reschedule", "/cancel", "/pay", "/review", "/consent"):
        page = await api.client.get(f"/bookings/{booking_id}{path}")
        assert page.status_code == 200, path
        _is_strict_html(page)
        data = _page_data(page.text)
        assert data["bookingId"] == booking_id
        assert data["action"] == (path.strip("/") or None)
        assert 'for="phone"' in page.text and 'for="email"' in page.text
        assert page.text.index("/static/booking-page/common.js") < page.text.index(
            "/static/booking-page/mine.js"
        )
        assert set(re.findall(r'data-text="(\w+)"', page.text)) <= set(data["texts"])
    for asset in ("common.js", "consent.js", "mine.js", "account.js"):
        served = await api.client.get(f"/static/booking-page/{asset}")
        assert served.status_code == 200 and served.content


async def test_a_bookings_consent_page_carries_the_forms_words_in_both_languages(
    api: Api,
) -> None:
    """``/bookings/{id}/consent`` (the request to sign links here) is the booking's page with
    its consent section, the consent script between common.js and mine.js, and the form's
    own controls' words in each language a form may be written in (the page's words in the
    page's); nothing of any booking or form is in the HTML."""
    booking_id = str(uuid4())
    for lang, sign, national_id in (("en", "Sign the consent form", "National ID card"),
                                    ("mn", "Зөвшөөрлийн маягтад гарын үсэг зурах",
                                     "Иргэний үнэмлэх")):  # fmt: skip
        page = await api.client.get(f"/bookings/{booking_id}/consent", params={"lang": lang})
        assert page.status_code == 200
        _is_strict_html(page)
        data = _page_data(page.text)
        assert (data["action"], data["lang"]) == ("consent", lang)
        assert data["formTexts"]["en"]["sign"] == "Sign the consent form"
        assert data["formTexts"]["mn"]["sign"] == "Зөвшөөрлийн маягтад гарын үсэг зурах"
        assert data["formTexts"][lang]["sign"] == sign
        assert f">{national_id}</option>" in page.text
        assert 'id="consent"' in page.text and 'id="id-check-form"' in page.text
        assert 'for="id-document"' in page.text
        scripts = re.findall(r'<script src="/static/booking-page/(\w+)\.js[?"]', page.text)
        assert scripts == ["common", "consent", "mine"]
        assert set(re.findall(r'data-text="(\w+)"', page.text)) <= set(data["texts"])
    elsewhere = await api.client.get(f"/bookings/{uuid4()}/consents")
    assert elsewhere.status_code == 404


async def test_an_address_that_names_no_booking_is_not_found(api: Api) -> None:
    for path in ("/bookings/not-a-booking", f"/bookings/{uuid4()}/delete", "/bookings/%00%FF"):
        page = await api.client.get(path)
        assert page.status_code == 404, path
        assert "<html" in page.text


@pytest.mark.parametrize(
    ("path", "purpose"),
    [("/verify-email", "verify"), ("/reset-password", "reset"), ("/unlock", "unlock")],
)
async def test_an_account_links_page_keeps_its_token_out_of_the_html(
    api: Api, path: str, purpose: str
) -> None:
    page = await api.client.get(path, params={"token": SECRET})
    assert page.status_code == 200
    _is_strict_html(page)
    assert SECRET not in page.text
    assert _page_data(page.text)["purpose"] == purpose
    assert page.text.index("/static/booking-page/common.js") < page.text.index(
        "/static/booking-page/account.js"
    )
    if purpose == "reset":
        assert 'autocomplete="new-password"' in page.text
    mongolian = await api.client.get(path, params={"token": SECRET, "lang": "mn"})
    assert '<html lang="mn">' in mongolian.text and SECRET not in mongolian.text
    bare = await api.client.get(path)  # no token: the script says the link is incomplete
    assert bare.status_code == 200
