"""A tattoo request's page (``/requests/{id}``, where its notifications link), in a real
browser against ``inkslot serve`` with the demo data: the demo customer sends the demo
artist a request with a reference picture through the API; the artist opens the page, signs
in with email and password and accepts it with a message; the customer, signed in in the
same tab after them, answers in the thread; the artist sees both messages
(page-request.png)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.api.media.uploads import a_jpeg
from tests.browser.support import (
    DEMO_ARTIST,
    DEMO_CUSTOMER,
    SCREENSHOTS,
    demo_artist,
    demo_passwords,
    shown,
    sign_in_by_email,
    signed_in_api,
    wait_for,
)
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.serial]
CUSTOMER, ARTIST = DEMO_CUSTOMER, DEMO_ARTIST
IDEA = "A fox curled around the wrist, fine line"
ANSWER = "Love it. 12 cm fits; shall we talk placement?"
REPLY = "Yes! Inner forearm, as in the sketch."


def _send_request(server: ServerProcess, password: str) -> str:
    """The demo customer sends the demo artist a request with one reference picture; its id."""
    api = signed_in_api(server, CUSTOMER, password)
    artist = demo_artist(api)
    picture = a_jpeg((640, 480))
    ticket = api.post(
        "/uploads",
        json={"contentType": "image/jpeg", "size": len(picture), "purpose": "idea"},
    ).json()
    put = httpx.put(ticket["url"], content=picture, headers=ticket["headers"], timeout=30)
    assert put.status_code == 200, put.text
    done = api.post(f"/uploads/{ticket['uploadId']}/complete")
    assert done.status_code == 200, done.text
    sent = api.post(
        "/requests",
        json={
            "artistId": artist["id"],
            "idea": IDEA,
            "placement": {"area": "forearm", "text": "inner, near the wrist"},
            "sizeCm": 12,
            "colour": "black_and_grey",
            "budget": {"min": 15_000_000, "max": 30_000_000, "currency": "MNT"},
            "preferredDates": [(date.today() + timedelta(days=14)).isoformat()],
            "firstTattoo": True,
            "ageConfirmed": True,
            "uploadIds": [ticket["uploadId"]],
        },
    )
    assert sent.status_code == 201, sent.text
    return str(sent.json()["request"]["id"])


def _thread(driver: Any) -> str:
    from selenium.webdriver.common.by import By

    return str(driver.find_element(By.ID, "thread").text)


def test_the_artist_accepts_and_the_two_talk_on_the_requests_page(
    server: ServerProcess, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    passwords = demo_passwords(server)
    request_id = _send_request(server, passwords["customer"])
    browser.get(f"{server.base_url}/requests/{request_id}")

    # The artist signs in and reads the request, its reference picture and whose turn it is.
    sign_in_by_email(browser, ARTIST, passwords["artist"])
    facts = shown(browser, "request-facts")
    wait_for(lambda: IDEA in facts.text, "the request's details")
    assert "Forearm: inner, near the wrist" in facts.text and "12 cm" in facts.text
    assert "Black and grey" in facts.text and "MNT 150,000 to MNT 300,000" in facts.text
    assert "Open: waiting for the artist's answer" in facts.text and "Yours" in facts.text
    picture = shown(browser, "reference-list").find_element(By.TAG_NAME, "img")
    assert picture.get_attribute("alt") == "Reference picture 1"
    loaded = "return arguments[0].naturalWidth"
    wait_for(lambda: browser.execute_script(loaded, picture), "the picture")
    assert not browser.find_element(By.ID, "withdraw").is_displayed()

    # Accepted with a message: the message opens the artist's side of the thread.
    browser.find_element(By.ID, "answer-message").send_keys(ANSWER)
    accept = browser.find_element(By.ID, "accept")
    assert accept.text == "Accept the request"
    accept.click()
    wait_for(lambda: "Accepted" in facts.text, "the accepted request")
    wait_for(lambda: ANSWER in _thread(browser), "the artist's message in the thread")
    assert "You" in _thread(browser)
    assert not browser.find_element(By.ID, "answer").is_displayed()
    assert browser.find_element(By.ID, "message-form").is_displayed()
    assert browser.switch_to.active_element.get_attribute("id") == "message-text"

    # The customer, signed in in the same tab, answers in the thread.
    browser.find_element(By.ID, "sign-out").click()
    sign_in_by_email(browser, CUSTOMER, passwords["customer"])
    wait_for(lambda: "The artist" in _thread(browser), "the thread as the customer sees it")
    assert not browser.find_element(By.ID, "answer").is_displayed()
    browser.find_element(By.ID, "message-text").send_keys(REPLY)
    browser.find_element(By.ID, "send-message").click()
    wait_for(lambda: REPLY in _thread(browser), "the customer's message in the thread")
    assert "Your message is sent." in browser.find_element(By.ID, "status").text

    # The artist sees both messages, oldest first.
    browser.find_element(By.ID, "sign-out").click()
    sign_in_by_email(browser, ARTIST, passwords["artist"])
    wait_for(lambda: REPLY in _thread(browser), "the thread as the artist sees it")
    thread = _thread(browser)
    assert thread.index(ANSWER) < thread.index(REPLY)
    assert "The customer" in thread
    browser.save_screenshot(str(SCREENSHOTS / "page-request.png"))
    assert browser.execute_script("return document.cookie") == ""
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs  # no CSP violation, no script error


def test_a_stranger_signed_in_sees_only_not_found(server: ServerProcess, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    request_id = _send_request(server, demo_passwords(server)["customer"])
    api = httpx.Client(base_url=server.base_url + "/api/v1", timeout=30)
    stranger = {"email": "stranger@example.com", "password": "violet-needle-harbour"}
    made = api.post("/auth/register", json={**stranger, "name": "Eve", "role": "customer"})
    assert made.status_code == 201, made.text
    browser.get(f"{server.base_url}/requests/{request_id}?lang=mn")
    sign_in_by_email(browser, stranger["email"], stranger["password"])
    wait_for(
        lambda: "олдсонгүй" in browser.find_element(By.ID, "status").text, "the not-found notice"
    )
    assert not browser.find_element(By.ID, "request").is_displayed()
    assert IDEA not in browser.find_element(By.TAG_NAME, "body").text


def test_a_quote_is_sent_accepted_and_its_project_booked_on_the_page(
    server: ServerProcess, browser: Any
) -> None:
    """The artist accepts the request through the API, then quotes two sessions on the page;
    the customer accepts the quote with the first free start the page offers, pays the
    deposit, and books the second session from the starts that keep the 14-day gap
    (page-project.png)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    passwords = demo_passwords(server)
    request_id = _send_request(server, passwords["customer"])
    artist = signed_in_api(server, ARTIST, passwords["artist"])
    accepted = artist.post(f"/requests/{request_id}/accept", json={"message": "Yes"})
    assert accepted.status_code == 200, accepted.text
    browser.get(f"{server.base_url}/requests/{request_id}")

    sign_in_by_email(browser, ARTIST, passwords["artist"])
    shown(browser, "quote-new")
    browser.find_element(By.ID, "quote-sessions").clear()
    browser.find_element(By.ID, "quote-sessions").send_keys("2")
    browser.find_element(By.ID, "quote-price-min").send_keys("600000")
    browser.find_element(By.ID, "quote-deposit").clear()
    browser.find_element(By.ID, "quote-deposit").send_keys("100000")
    browser.find_element(By.ID, "send-quote").click()
    quotes = shown(browser, "quote-list")
    wait_for(lambda: "Quote 1 · offered" in quotes.text, "the quote on the page")
    terms = "2 × 180 min, MNT 600,000, deposit MNT 100,000, 14 days apart"  # noqa: RUF001
    assert terms in quotes.text

    browser.find_element(By.ID, "sign-out").click()
    sign_in_by_email(browser, CUSTOMER, passwords["customer"])
    first = shown(browser, "first-start")
    wait_for(lambda: len(Select(first).options) > 0, "the free starts of the quote")
    browser.find_element(By.ID, "accept-quote").click()
    status = browser.find_element(By.ID, "status")
    wait_for(lambda: "your first session is booked" in status.text, "the accepted quote")
    facts = shown(browser, "project-facts")
    assert "0 of 2 completed, 1 booked" in facts.text
    assert "MNT 100,000, held until the last session" in facts.text
    session = browser.find_element(By.ID, "session-list").find_element(By.TAG_NAME, "a")
    assert "waiting for the deposit" in session.text
    assert session.get_attribute("href").endswith("/pay")  # the booking's page, to pay

    # The deposit is paid (the sandbox's bank app, through the API) before the next session.
    customer = signed_in_api(server, CUSTOMER, passwords["customer"])
    first_id = session.get_attribute("href").split("/bookings/")[1].split("/")[0]
    invoice = customer.post(f"/bookings/{first_id}/deposit-invoice")
    assert invoice.status_code == 201, invoice.text
    bank = httpx.Client(base_url=server.base_url + "/api/v1", timeout=30)  # no one's account
    paid = bank.post(f"/sandbox/invoices/{invoice.json()['invoiceId']}/pay")
    assert paid.status_code == 200, paid.text
    browser.refresh()
    wait_for(lambda: "confirmed" in shown(browser, "session-list").text, "the paid first session")
    facts = shown(browser, "project-facts")
    status = browser.find_element(By.ID, "status")  # the page was loaded again
    following = shown(browser, "next-start")
    wait_for(lambda: len(Select(following).options) > 0, "the free starts of the project")
    browser.find_element(By.ID, "book-session").click()
    wait_for(lambda: "The session is booked" in status.text, "the second session")
    wait_for(lambda: "0 of 2 completed, 2 booked" in facts.text, "the project's progress")
    assert not browser.find_element(By.ID, "session-form").is_displayed()
    sessions = artist.get("/me/projects").json()["items"][0]["sessions"]
    starts = [datetime.fromisoformat(s["start"].replace("Z", "+00:00")) for s in sessions]
    assert starts[1] - starts[0] >= timedelta(days=14)
    browser.save_screenshot(str(SCREENSHOTS / "page-project.png"))
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs
