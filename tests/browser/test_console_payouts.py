"""The ledger's console pages in a real browser against ``inkslot serve`` with the demo data,
on a laptop (1280x900) and on a phone (390x844): a customer pays the demo artist's deposit
through the sandbox; the artist's Payouts tab shows what the platform owes her (the worker's
follower entered it) and the entry it is made of; the demo admin's "Payouts to artists"
lists her and records her payout with the bank's reference, after which she is owed
nothing. axe-core finds nothing serious or critical, nothing runs off the side and on a
phone every control is thumb-sized (console-<size>-payouts*.png)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.browser.console_support import SIZES, accessible, fits, shoot, viewport
from tests.browser.support import (
    DEMO_ADMIN,
    DEMO_ARTIST,
    DEMO_CUSTOMER,
    demo_artist,
    demo_passwords,
    signed_in_api,
    wait_for,
)
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.serial]
DEPOSIT = 10_000_000  # the half-day session's MNT 100,000


def _owed(api: Any) -> int:
    accounts = api.get("/me/ledger").json()["accounts"]
    return sum(a["owed"] for a in accounts if a["currency"] == "MNT")


def _paid_deposit(server: ServerProcess) -> None:
    """The demo customer books the half-day session, the artist approves it, and the sandbox
    pays its deposit."""
    passwords = demo_passwords(server)
    customer = signed_in_api(server, DEMO_CUSTOMER, passwords["customer"])
    artist = signed_in_api(server, DEMO_ARTIST, passwords["artist"])
    found = demo_artist(customer)
    services = customer.get(f"/artists/{found['id']}/services").json()
    services = services["items"] if isinstance(services, dict) else services
    half_day = next(s for s in services if s["name"] == "Half-day session")
    now = dt.datetime.now(dt.UTC)
    slots = customer.get(
        f"/artists/{found['id']}/slots",
        params={"serviceId": half_day["id"], "limit": 1,
                "from": (now + dt.timedelta(days=3)).strftime("%Y-%m-%dT00:00:00Z"),
                "to": (now + dt.timedelta(days=30)).strftime("%Y-%m-%dT00:00:00Z")},
    ).json()  # fmt: skip
    start = slots["items"][0]["start"]
    booked = customer.post(
        "/bookings", json={"artistId": found["id"], "serviceId": half_day["id"], "start": start}
    )
    assert booked.status_code == 201, booked.text
    approved = artist.patch(f"/bookings/{booked.json()['id']}", json={"status": "confirmed"})
    assert approved.status_code == 200, approved.text
    invoice = customer.post(f"/bookings/{booked.json()['id']}/deposit-invoice", json={})
    assert invoice.status_code == 201, invoice.text
    paid = customer.post(f"/sandbox/invoices/{invoice.json()['invoiceId']}/pay")
    assert paid.status_code == 200, paid.text


def _signed_in(browser: Any, server: ServerProcess, email: str, password: str) -> None:
    from selenium.webdriver.common.by import By

    browser.delete_all_cookies()
    browser.get(server.base_url + "/console")
    wait_for(lambda: "/console/sign-in" in browser.current_url, "the sign-in page")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "button.primary[type=submit]").click()
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".tabs a"), "the console")


def _checked(browser: Any, size: str, page: str) -> None:
    fits(browser, size, page)
    shoot(browser, size, page)
    accessible(browser, page)


@pytest.mark.parametrize("size", SIZES)
def test_the_artist_sees_what_she_is_owed_and_an_admin_pays_it_out(
    server: ServerProcess, browser: Any, size: str
) -> None:
    from selenium.webdriver.common.by import By

    viewport(browser, size)
    passwords = demo_passwords(server)
    artist_api = signed_in_api(server, DEMO_ARTIST, passwords["artist"])
    before = _owed(artist_api)
    _paid_deposit(server)
    wait_for(lambda: _owed(artist_api) == before + DEPOSIT, "the payment entered")

    _signed_in(browser, server, DEMO_ARTIST, passwords["artist"])
    tabs = {
        a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".tabs a")
    }
    browser.get(tabs["Payouts"])
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".ledger-account"), "the account")
    owed = browser.find_element(By.CSS_SELECTOR, ".ledger-account .owed").text
    assert owed.startswith("MNT ") and owed != "MNT 0", owed
    entries = browser.find_element(By.CSS_SELECTOR, ".ledger-entries").text
    assert "Paid by a customer" in entries and "+ MNT 100,000" in entries, entries
    _checked(browser, size, "payouts")

    _signed_in(browser, server, DEMO_ADMIN, passwords["admin"])
    browser.get(server.base_url + "/console/admin/payouts")
    line = wait_for(
        lambda: next(
            (li for li in browser.find_elements(By.CSS_SELECTOR, ".owed-line")
             if "Saraa Ink" in li.text), None,
        ),
        "Saraa Ink's line",
    )  # fmt: skip
    _checked(browser, size, "payouts-admin")
    line.find_element(By.NAME, "reference").send_keys("Khan bank 7781")
    line.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(lambda: "Payout recorded." in browser.page_source, "the payout recorded")
    assert _owed(artist_api) == 0
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs  # no CSP violation, no script error
