"""Card payments in a real browser, on ``inkslot serve`` started with the fake Stripe
(``INKSLOT_STRIPE_FAKE=1``, as docs/payments.md has ``make run`` do).

A card deposit: the demo artist's link for a service priced in US dollars, a free slot
booked, the deposit offered as one "Pay by card" link (no QR code to scan), Stripe's page
(the fake's) paying it with a test card, and the browser sent back to the booking, now
confirmed and paid (page-card-deposit.png, on a desktop and a phone). And the artist
connecting a payout account of her own from the console's Payouts page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.console_support import SIZES, viewport
from tests.browser.support import (
    DEMO_ARTIST,
    SCREENSHOTS,
    accessibility_violations,
    booking_link,
    demo_passwords,
    sign_in_by_phone,
    wait_for,
)
from tests.browser.test_booking_page import _free_day
from tests.browser.test_console_payouts import _checked, _signed_in
from tests.support.demo_data import DemoSeeding, demo_server
from tests.support.postgres import TestServer
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.serial]
PHONE = "8811 7744"


@pytest.fixture
def stripe_server(
    pg_server: TestServer, demo_seed: DemoSeeding, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerProcess]:
    data_dir = tmp_path_factory.mktemp("stripe-server")
    with demo_server(pg_server, demo_seed.result(), data_dir, INKSLOT_STRIPE_FAKE="1") as running:
        yield running


def test_a_card_deposit_is_paid_on_stripes_page_and_the_booking_confirmed(
    stripe_server: ServerProcess, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    server = stripe_server
    service = {
        "name": "Fine line (card)",
        "durationMinutes": 60,
        "price": {"amount": 15_000, "currency": "USD"},
        "deposit": {"percent": 20},
    }
    browser.get(booking_link(server, service))
    _free_day(browser).click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "button.slot"), "free slots")[0].click()
    sign_in_by_phone(browser, server, PHONE, "Tuya")
    wait_for(lambda: browser.find_element(By.ID, "book-button").is_displayed(), "the book button")
    browser.find_element(By.ID, "book-button").click()
    pay = wait_for(
        lambda: browser.find_elements(By.CSS_SELECTOR, "#bank-links a"), "the card link"
    )[0]
    assert pay.text == "Pay by card"
    assert browser.find_element(By.ID, "deposit-title").text == "Pay the deposit of USD 30 by card"
    assert "Stripe" in browser.find_element(By.ID, "deposit-hint").text
    assert not browser.find_element(By.ID, "qr").is_displayed()
    assert accessibility_violations(browser) == []
    browser.save_screenshot(str(SCREENSHOTS / "page-card-deposit.png"))
    browser.set_window_size(390, 844)
    browser.execute_script("document.getElementById('deposit').scrollIntoView()")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    browser.save_screenshot(str(SCREENSHOTS / "page-card-deposit-phone.png"))
    browser.set_window_size(1000, 1800)

    pay.click()  # Stripe's page (the fake's): a test card that pays
    wait_for(lambda: "/checkout/" in browser.current_url, "Stripe's page")
    assert "USD 30.00" in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.CSS_SELECTOR, "button").click()
    wait_for(lambda: "paid=1" in browser.current_url, "the way back to the booking")
    wait_for(
        lambda: "deposit is paid" in browser.find_element(By.ID, "status").text,
        "the booking paid",
    )
    facts = browser.find_element(By.ID, "booking-facts").text
    assert "Confirmed" in facts, facts
    assert not browser.find_element(By.ID, "deposit").is_displayed()
    assert accessibility_violations(browser) == []


@pytest.mark.parametrize("size", SIZES)
def test_the_artist_connects_a_payout_account_with_stripe(
    stripe_server: ServerProcess, browser: Any, size: str
) -> None:
    """The console's Payouts page: "Connect with Stripe", then the link to Stripe's
    onboarding (the fake's), which sends her back connected (console-<size>-payouts-card.png)."""
    from selenium.webdriver.common.by import By

    server = stripe_server
    viewport(browser, size)
    _signed_in(browser, server, DEMO_ARTIST, demo_passwords(server)["artist"])
    browser.get(server.base_url + "/console/payouts")
    section = wait_for(
        lambda: browser.find_element(By.CSS_SELECTOR, ".card-payouts"), "the card section"
    )
    assert "Connect a payout account with Stripe" in section.text
    section.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    link = wait_for(
        lambda: browser.find_element(By.LINK_TEXT, "Continue to Stripe"), "the link to Stripe"
    )
    _checked(browser, size, "payouts-card")
    link.click()
    wait_for(lambda: "/onboarding/" in browser.current_url, "Stripe's onboarding")
    browser.find_element(By.CSS_SELECTOR, "button").click()
    wait_for(lambda: browser.current_url.startswith(server.base_url + "/console/payouts"), "back")
    connected = wait_for(
        lambda: browser.find_element(By.CSS_SELECTOR, ".card-payouts"), "the card section"
    )
    assert "Connected" in connected.text, connected.text
    assert not connected.find_elements(By.CSS_SELECTOR, "form")
