"""The pages that emails and texts link to, over HTTP: every link a message carries opens a
page; a booking's page, one's points and the account links' pages answer HTML with the
booking page's strict Content-Security-Policy, no referrer and no-store; the account pages
never echo the link's token into the HTML; an address that cannot name a booking is the
"not found" page."""

from __future__ import annotations

import re
from datetime import timedelta
from itertools import pairwise
from urllib.parse import urlsplit
from uuid import uuid4

import pytest

from adapters.notifications.rendering import BabelRenderer
from booking_domain.notifications import (
    REMINDER,
    Channel,
    Links,
    LoyaltyFacts,
    MessageFacts,
    RequestFacts,
    booking_url,
)
from booking_domain.notifications.facts import request_url
from booking_domain.notifications.loyalty_facts import loyalty_url
from booking_domain.shared import BookingId
from tests.api.conftest import Api
from tests.support.html_pages import assert_strict_html, page_data
from tests.unit.adapters.test_notification_rendering import a_view, every_message

pytestmark = pytest.mark.anyio
SECRET = "Zq8-very-secret-link-token_0123456789ab"


async def test_a_bookings_page_is_a_shell_its_script_fills_in(api: Api) -> None:
    booking_id = str(uuid4())
    for path in ("", "/reschedule", "/cancel", "/pay", "/review", "/consent"):
        page = await api.client.get(f"/bookings/{booking_id}{path}")
        assert page.status_code == 200, path
        assert_strict_html(page)
        data = page_data(page.text)
        assert data["bookingId"] == booking_id
        assert data["action"] == (path.strip("/") or None)
        assert 'for="phone"' in page.text and 'for="email"' in page.text
        assert page.text.index("/static/booking-page/common.js") < page.text.index(
            "/static/booking-page/mine.js"
        )
        assert set(re.findall(r'data-text="(\w+)"', page.text)) <= set(data["texts"])
    # Signed in, the forms are hidden: the booking's part follows the h1 with no level
    # skipped (its deposit's heading is an h2, not an h3).
    mine = page.text[page.text.index('<section id="mine"') : page.text.index('<p id="status"')]
    levels = [int(level) for level in re.findall(r"<h([1-6])", mine)]
    assert levels and levels[0] == 2, levels
    assert all(b - a <= 1 for a, b in pairwise(levels)), levels
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
        assert_strict_html(page)
        data = page_data(page.text)
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


async def test_ones_points_page_is_a_shell_its_script_fills_in(api: Api) -> None:
    """``/loyalty`` (the points messages' link) carries no one's points: its script signs
    in and reads them from the API, in the page's language."""
    for lang, title in (("en", "Your points"), ("mn", "Таны оноо")):
        page = await api.client.get("/loyalty", params={"lang": lang})
        assert page.status_code == 200
        assert_strict_html(page)
        data = page_data(page.text)
        assert data["lang"] == lang and f'<h1 id="points-title">{title}</h1>' in page.text
        assert 'for="phone"' in page.text and 'for="email"' in page.text
        scripts = re.findall(r'<script src="/static/booking-page/(\w+)\.js[?"]', page.text)
        assert scripts == ["common", "loyalty"]
        assert set(re.findall(r'data-text="(\w+)"', page.text)) <= set(data["texts"])
    assert (await api.client.get("/static/booking-page/loyalty.js")).status_code == 200


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
    assert_strict_html(page)
    assert SECRET not in page.text
    assert page_data(page.text)["purpose"] == purpose
    assert page.text.index("/static/booking-page/common.js") < page.text.index(
        "/static/booking-page/account.js"
    )
    if purpose == "reset":
        assert 'autocomplete="new-password"' in page.text
    mongolian = await api.client.get(path, params={"token": SECRET, "lang": "mn"})
    assert '<html lang="mn">' in mongolian.text and SECRET not in mongolian.text
    bare = await api.client.get(path)  # no token: the script says the link is incomplete
    assert bare.status_code == 200


async def test_every_link_a_message_carries_opens_a_page(api: Api) -> None:
    """Each message of the table, rendered with the links the notifications' facts make
    (a booking's page and its actions, a tattoo request, one's points): every link into the
    app opens a page of the app, never its "not found"."""
    app = "https://app.example"
    base = booking_url(app, BookingId(uuid4()))
    links = Links(base, f"{base}/reschedule", f"{base}/cancel", f"{base}/pay")
    view = a_view(links=links)
    request = RequestFacts("Bold Ink", "Ada", None, request_url(app, str(uuid4())))
    points = LoyaltyFacts(150, 150, "Inkslot", loyalty_url(app))
    found: set[str] = set()
    for kind, party in every_message():
        facts = MessageFacts(
            kind=kind, party=party, channel=Channel.EMAIL, locale="en", recipient_name="Ada",
            booking=None if kind.startswith(("artist.", "request.", "loyalty.")) else view,
            artist_name="Bold Ink", note=None,
            reminder_offset=timedelta(hours=24) if kind == REMINDER else None,
            request=request if kind.startswith("request.") else None,
            review_link=f"{base}/review", loyalty=points if kind.startswith("loyalty.") else None,
        )  # fmt: skip
        html = BabelRenderer().render(facts).html
        found |= {link for link in re.findall(r'href="([^"]+)"', html) if link.startswith(app)}
    paths = {urlsplit(link).path for link in found}
    assert {"/loyalty", urlsplit(request.link).path, f"{urlsplit(base).path}/pay"} <= paths
    for path in sorted(paths):
        page = await api.client.get(path)
        assert page.status_code == 200, path
