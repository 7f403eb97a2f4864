"""The pages emails link to, in a real browser against ``inkslot serve`` with the demo data:
a booking's link from its notification email opens the booking, which the customer signs
in to and cancels (page-booking.png); someone else signed in sees "not found" only; a
password reset email's link sets a new password; a waitlist offer's page shows until when
the time is held, one customer declines it there and the next takes it (page-offer.png); a
consent form's page from the request to sign: a hostile prompt stays text, a version
published meanwhile is read again, the customer signs and downloads the PDF copy, the
artist records the ID check (page-consent.png); one's points page signs in, shows the
points and signs out."""

from __future__ import annotations

import email
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import Message
from itertools import pairwise
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.browser.support import (
    DEMO_ARTIST,
    DEMO_CUSTOMER,
    SCREENSHOTS,
    accessibility_violations,
    demo_artist,
    demo_passwords,
    shown,
    sign_in_by_email,
    sign_in_by_phone,
    signed_in_api,
    wait_for,
)
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.serial]
STRANGER_PHONE = "8899 1122"


def _link_in_mail(server: ServerProcess, pattern: str) -> str:
    """The first link matching ``pattern`` in a mail to the demo customer (the local
    profile writes each mail as an .eml file under the data directory's mail/)."""
    mail_dir = Path(server.env["INKSLOT_DATA_DIR"]) / "mail"
    found = re.compile(pattern)

    def search() -> str | None:
        for path in sorted(mail_dir.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes())
            if DEMO_CUSTOMER not in str(message["To"]):
                continue
            match = found.search(_plain(message))
            if match:
                return match.group(0)
        return None

    return str(wait_for(search, f"a mail with {pattern}"))


def _plain(message: Message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def _book_as_customer(server: ServerProcess, password: str) -> str:
    """The demo customer books the demo artist's first service without a deposit or an
    approval (confirmed at once); the booking's id."""
    return str(_booked(server, password)["id"])


def _booked(server: ServerProcess, password: str) -> dict[str, Any]:
    """The booking (as the API answered it) of ``_book_as_customer``, with its
    ``localStart`` added: the slot's start in the artist's zone."""
    api = signed_in_api(server, DEMO_CUSTOMER, password)
    artist = demo_artist(api)
    service = next(
        s
        for s in api.get(f"/artists/{artist['id']}/services").json()["items"]
        if s["deposit"] is None and not s["requiresApproval"] and s["active"]
    )
    now = datetime.now(UTC)  # the real server's clock: slots are asked for from now on
    slots = api.get(
        f"/artists/{artist['id']}/slots",
        params={
            "serviceId": service["id"],
            "from": (now + timedelta(days=3)).isoformat(),
            "to": (now + timedelta(days=40)).isoformat(),
        },
    ).json()["items"]
    booking = api.post(
        "/bookings",
        json={"artistId": artist["id"], "serviceId": service["id"], "start": slots[0]["start"]},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert booking.status_code == 201, booking.text
    made: dict[str, Any] = booking.json()
    return {**made, "localStart": slots[0]["localStart"]}


def _border_contrast(driver: Any, element_id: str) -> float:
    """The contrast ratio (WCAG) of an element's border against the page's white."""
    rgb = driver.execute_script(
        "return getComputedStyle(document.getElementById(arguments[0])).borderTopColor",
        element_id,
    )
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def test_a_customer_cancels_a_booking_from_its_emailed_link(
    server: ServerProcess, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    password = demo_passwords(server)["customer"]
    booking_id = _book_as_customer(server, password)
    link = _link_in_mail(server, re.escape(server.base_url) + f"/bookings/{booking_id}")
    browser.get(link)
    shown(browser, "email").send_keys(DEMO_CUSTOMER)
    assert _border_contrast(browser, "email") >= 3  # a field's edge is seen (WCAG 1.4.11)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "#email-form button[type=submit]").click()
    facts = shown(browser, "booking-facts")
    wait_for(lambda: "INK-" in facts.text and "Saraa Ink" in facts.text, "the booking")
    # The forms are gone: the focus is on the booking's heading, not the page's body.
    assert browser.switch_to.active_element.get_attribute("id") == "mine-title"
    levels = browser.execute_script(
        "return [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]"
        ".filter((h) => h.offsetParent !== null).map((h) => Number(h.tagName[1]))"
    )
    assert levels[0] == 1 and all(b - a <= 1 for a, b in pairwise(levels)), levels
    assert "Confirmed" in facts.text
    assert browser.find_element(By.ID, "sign-out").text == "Sign out"
    cancel = browser.find_element(By.ID, "cancel")
    assert cancel.text == "Cancel this booking"
    cancel.click()  # asks first, saying what the policy keeps (nothing was paid here)
    question = shown(browser, "ask-question")
    assert question.text == "Cancel this booking? Nothing has been paid, so nothing is kept."
    assert browser.switch_to.active_element == question
    browser.save_screenshot(str(SCREENSHOTS / "page-booking-ask.png"))
    assert accessibility_violations(browser) == []  # a booking's page, asking first
    browser.find_element(By.ID, "ask-no").click()  # nothing changes; focus back on "cancel"
    assert not question.is_displayed() and browser.switch_to.active_element == cancel
    assert "Confirmed" in facts.text
    cancel.click()
    shown(browser, "ask-yes").click()
    wait_for(lambda: "Cancelled" in facts.text, "the cancelled booking")
    assert not browser.find_element(By.ID, "cancel").is_displayed()
    browser.save_screenshot(str(SCREENSHOTS / "page-booking.png"))
    assert browser.execute_script("return document.cookie") == ""
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs  # no CSP violation, no script error


def test_someone_else_signed_in_sees_only_not_found(server: ServerProcess, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    booking_id = _book_as_customer(server, demo_passwords(server)["customer"])
    browser.get(f"{server.base_url}/bookings/{booking_id}")
    sign_in_by_phone(browser, server, STRANGER_PHONE, "Stranger")
    wait_for(
        lambda: "not found" in browser.find_element(By.ID, "status").text, "the not-found notice"
    )
    assert not browser.find_element(By.ID, "mine").is_displayed()
    assert "INK-" not in browser.find_element(By.TAG_NAME, "body").text


def test_ones_points_page_signs_in_shows_the_points_and_signs_out(
    server: ServerProcess, browser: Any
) -> None:
    """``/loyalty`` (the points messages' link) signs in with the forms every page shares,
    then shows the visitor's points (the demo customer has none yet, which it says); signing
    out shows the forms again and forgets the tab's session."""
    from selenium.webdriver.common.by import By

    browser.get(f"{server.base_url}/loyalty")
    sign_in_by_email(browser, DEMO_CUSTOMER, demo_passwords(server)["customer"])
    programs = shown(browser, "programs")
    wait_for(lambda: "No points yet" in programs.text, "the points")
    assert browser.find_element(By.ID, "who").text == "Signed in as Demo Customer."
    assert not browser.find_element(By.ID, "account").is_displayed()
    assert not browser.find_element(By.ID, "loading").is_displayed()
    assert accessibility_violations(browser) == []
    browser.find_element(By.ID, "sign-out").click()
    shown(browser, "email")
    assert not browser.find_element(By.ID, "points").is_displayed()
    assert not browser.find_element(By.ID, "signed-in").is_displayed()
    assert browser.execute_script("return sessionStorage.getItem('inkslot.accessToken')") is None
    browser.refresh()  # the session is gone for the tab, not just hidden
    shown(browser, "email")
    assert not browser.find_element(By.ID, "points").is_displayed()


def test_a_password_is_reset_from_the_emailed_link(server: ServerProcess, browser: Any) -> None:
    """A wrong password reads as such (not "Something went wrong"); "Forgot password?" under
    the sign-in form sends the reset link, whose page sets a new password."""
    from selenium.webdriver.common.by import By

    demo_passwords(server)
    api = httpx.Client(base_url=server.base_url + "/api/v1", timeout=30)
    browser.get(f"{server.base_url}/bookings/{uuid.uuid4()}")
    forgot = shown(browser, "forgot-password")
    assert accessibility_violations(browser) == []  # the sign-in forms
    assert forgot.text == "Forgot password?"
    forgot.click()  # no address typed yet: the page asks for it
    wait_for(lambda: "Enter your email" in browser.find_element(By.ID, "status").text, "ask")
    assert browser.switch_to.active_element == browser.find_element(By.ID, "email")
    browser.find_element(By.ID, "email").send_keys(DEMO_CUSTOMER)
    browser.find_element(By.ID, "password").send_keys("not the password")
    browser.find_element(By.CSS_SELECTOR, "#email-form button[type=submit]").click()
    status = browser.find_element(By.ID, "status")
    wait_for(lambda: status.text == "Wrong email or password.", "the wrong password's words")
    forgot.click()
    wait_for(lambda: "sent it a link" in status.text, "the reset link sent")
    link = _link_in_mail(server, re.escape(server.base_url) + r"/reset-password\?token=\S+")
    browser.get(link)
    shown(browser, "new-password").send_keys("a new and long passphrase")
    browser.find_element(By.ID, "link-submit").click()
    wait_for(
        lambda: "password is changed" in browser.find_element(By.ID, "status").text,
        "the new password taken",
    )
    login = api.post(
        "/auth/login", json={"email": DEMO_CUSTOMER, "password": "a new and long passphrase"}
    )
    assert login.status_code == 200, login.text
    # The wrong password's 401 is the network's, expected; nothing else is logged.
    logs = [
        e
        for e in browser.get_log("browser")
        if e["level"] == "SEVERE" and "/auth/login - Failed to load resource" not in e["message"]
    ]
    assert logs == [], logs


@dataclass
class Waiting:
    api: httpx.Client  # signed in as them
    email: str


def _waiting_customer(server: ServerProcess, name: str, booking: dict[str, Any]) -> Waiting:
    """A new customer (email and password) on the waitlist for the booking's service and
    local date."""
    api = httpx.Client(base_url=server.base_url + "/api/v1", timeout=30)
    email = f"{name.lower()}-{uuid.uuid4().hex[:8]}@example.com"
    made = api.post(
        "/auth/register",
        json={"email": email, "password": OFFER_PASSWORD, "name": name, "role": "customer"},
    )
    assert made.status_code == 201, made.text
    api.headers["Authorization"] = "Bearer " + made.json()["tokens"]["accessToken"]
    day = booking["localStart"][:10]
    joined = api.post(
        f"/artists/{booking['artistId']}/waitlist",
        json={"serviceId": booking["serviceId"], "firstDate": day, "lastDate": day},
    )
    assert joined.status_code == 201, joined.text
    return Waiting(api, email)


def _offer_of(waiting: Waiting) -> str:
    """The booking the reader held for this customer (it looks once a second)."""

    def offered() -> str | None:
        entry = waiting.api.get("/me/waitlist").json()["items"][0]
        return entry["offer"]["bookingId"] if entry["status"] == "offered" else None

    return str(wait_for(offered, "the waitlist offer"))


OFFER_PASSWORD = "violet-needle-harbour"


def test_a_waitlist_offer_is_declined_and_taken_on_its_page(
    server: ServerProcess, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    password = demo_passwords(server)["customer"]
    booking = _booked(server, password)
    bea = _waiting_customer(server, "Bea", booking)  # first in line: Cy signs up after
    cy = _waiting_customer(server, "Cy", booking)
    owner = signed_in_api(server, DEMO_CUSTOMER, password)
    cancelled = owner.patch(f"/bookings/{booking['id']}", json={"status": "cancelled"})
    assert cancelled.status_code == 200, cancelled.text

    first = _offer_of(bea)
    browser.get(f"{server.base_url}/bookings/{first}")
    sign_in_by_email(browser, bea.email, OFFER_PASSWORD)
    facts = shown(browser, "booking-facts")
    wait_for(lambda: "held for you" in facts.text, "the offer")
    until = shown(browser, "offer-until")
    assert until.text.startswith("Held for you until ")
    assert not browser.find_element(By.ID, "cancel").is_displayed()
    assert not browser.find_element(By.ID, "reschedule").is_displayed()
    assert browser.find_element(By.ID, "accept-offer").text == "Take this time"
    browser.find_element(By.ID, "decline-offer").click()
    wait_for(lambda: "Cancelled" in facts.text, "the declined offer")
    status = browser.find_element(By.ID, "status")
    assert "next in line" in status.text
    assert not browser.find_element(By.ID, "offer").is_displayed()

    second = _offer_of(cy)  # the declined time, to the next in line
    browser.find_element(By.ID, "sign-out").click()
    browser.get(f"{server.base_url}/bookings/{second}")
    sign_in_by_email(browser, cy.email, OFFER_PASSWORD)
    facts = shown(browser, "booking-facts")
    wait_for(lambda: "held for you" in facts.text, "the second offer")
    browser.save_screenshot(str(SCREENSHOTS / "page-offer.png"))
    shown(browser, "accept-offer").click()
    wait_for(lambda: "Confirmed" in facts.text, "the taken time")
    assert browser.find_element(By.ID, "status").text == "The time is yours."
    assert not browser.find_element(By.ID, "offer").is_displayed()
    assert cy.api.get(f"/bookings/{second}").json()["offer"] == "accepted"
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs  # no CSP violation, no script error


REFUSED_409 = "Failed to load resource: the server responded with a status of 409"
HOSTILE = '<img src=x onerror="window.pwned = 1">Do you agree? </label><b>bold</b>'
CONSENT_FORM = {
    "title": "Consent to be tattooed",
    "locale": "en",
    "statement": "A tattoo is permanent.\nKeep it clean for two weeks.",
    "questions": [
        {"kind": "health", "disclosure": "allergies"},
        {"kind": "yes_no", "prompt": HOSTILE},
        {"kind": "date", "prompt": "Date of birth", "dates": "past"},
        {"kind": "text", "prompt": "Anything else?", "required": False},
    ],
}


def _artist_requires_a_form(server: ServerProcess, password: str) -> tuple[httpx.Client, str]:
    """The demo artist writes a consent form (a hostile prompt among its questions) and
    requires it; the artist's API client and the form's path."""
    api = signed_in_api(server, DEMO_ARTIST, password)
    artist = demo_artist(api)
    made = api.post(f"/artists/{artist['id']}/consent-forms", json=CONSENT_FORM)
    assert made.status_code == 201, made.text
    form_id = made.json()["id"]
    required = api.put(f"/artists/{artist['id']}/consent-requirement", json={"formId": form_id})
    assert required.status_code == 200, required.text
    return api, f"/consent-forms/{form_id}"


def _fill_in_the_consent(browser: Any) -> None:
    from selenium.webdriver.common.by import By

    for radio in ("q1-true", "q2-false"):
        shown(browser, radio).click()
    browser.find_element(By.ID, "q1-details").send_keys("Plasters <script>x</script>")
    day = browser.find_element(By.ID, "q3")  # a date field: typed as the browser's locale
    browser.execute_script("arguments[0].value = '1990-04-30'", day)  # writes dates, set here
    assert day.get_attribute("value") == "1990-04-30"
    browser.find_element(By.ID, "consent-adult").click()
    browser.find_element(By.ID, "consent-accepted").click()
    browser.find_element(By.ID, "consent-name").send_keys("Ada Lovelace")


def test_a_customer_signs_the_consent_form_and_the_artist_checks_the_id(
    server: ServerProcess, browser: Any, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    passwords = demo_passwords(server)
    artist, form = _artist_requires_a_form(server, passwords["artist"])
    booking_id = _book_as_customer(server, passwords["customer"])
    link = _link_in_mail(server, re.escape(server.base_url) + f"/bookings/{booking_id}/consent")
    browser.get(link)
    sign_in_by_email(browser, DEMO_CUSTOMER, passwords["customer"])
    title = shown(browser, "consent-title")
    wait_for(lambda: browser.switch_to.active_element == title, "the form's heading in focus")
    prompt = shown(browser, "q2").find_element(By.TAG_NAME, "legend")
    assert prompt.text == HOSTILE + " (required)"  # the artist's words as text, never markup
    assert browser.find_elements(By.CSS_SELECTOR, "#consent-form img, #consent-form b") == []
    assert "allergies" in shown(browser, "q1").text
    assert browser.find_element(By.ID, "q3").get_attribute("type") == "date"
    _fill_in_the_consent(browser)
    browser.save_screenshot(str(SCREENSHOTS / "page-consent.png"))

    revised = artist.put(form, json={**CONSENT_FORM, "title": "Consent to be tattooed, v2"})
    assert revised.status_code == 200, revised.text  # published while the customer read
    browser.find_element(By.ID, "sign-consent").click()
    status = browser.find_element(By.ID, "status")
    wait_for(lambda: "changed the form" in status.text, "the form read again")
    assert "v2" in shown(browser, "consent-form").text
    _fill_in_the_consent(browser)
    browser.find_element(By.ID, "sign-consent").click()
    state = browser.find_element(By.ID, "consent-state")
    wait_for(lambda: "Signed by Ada Lovelace" in state.text, "the signed state")
    assert "not checked yet" in state.text
    assert not browser.find_element(By.ID, "id-check-form").is_displayed()  # the artist's
    assert browser.execute_script("return window.pwned === undefined")

    browser.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    shown(browser, "copy-pdf").click()
    pdf = wait_for(lambda: next(tmp_path.glob("consent-INK-*.pdf"), None), "the PDF copy")
    wait_for(lambda: pdf.read_bytes().rstrip().endswith(b"%%EOF"), "the whole PDF")
    assert pdf.read_bytes().startswith(b"%PDF-")

    browser.find_element(By.ID, "sign-out").click()
    browser.get(link)  # the artist's own visit to the page
    sign_in_by_email(browser, "artist@inkslot.local", passwords["artist"])
    shown(browser, "id-check-form")
    state = browser.find_element(By.ID, "consent-state")
    assert "Signed by Ada Lovelace" in state.text
    browser.find_element(By.CSS_SELECTOR, "#id-document option[value=passport]").click()
    browser.find_element(By.ID, "id-adult").click()
    browser.find_element(By.ID, "record-id-check").click()
    wait_for(lambda: "Photo ID checked (Passport)" in state.text, "the ID check")
    assert not browser.find_element(By.ID, "id-check-form").is_displayed()
    logs = [
        e
        for e in browser.get_log("browser")
        if e["level"] == "SEVERE" and f"/consent - {REFUSED_409}" not in e["message"]
    ]  # but the signature refused as the form changed (409), which the browser logs
    assert logs == [], logs  # no CSP violation, no script error
