"""A tattoo artist's whole working day in the console, in a real browser, on a laptop
(1280x900) and on a phone (390x844), against ``inkslot serve`` with the demo data.

The morning (the server's clock is the wall clock): the demo artist signs in and opens the
day of the demo customer's booking; a consultation the customer requests meanwhile appears
without a reload and is approved with one tap; a walk-in is booked at the desk (name and
phone, no account), and the pages to move it and to block time are opened. The afternoon:
the same database served again with its clock moved to half an hour into the customer's
session (``INKSLOT_CLOCK_SHIFT_SECONDS``, the local
profile's rehearsal of another time: nobody waits for time to pass); the browser's session
is renewed by its refresh cookie; the artist checks the customer's photo ID on the signed
consent, completes the session, takes the balance in cash (a numbered receipt is emailed to
the customer) and sees the insights count it. Every page on the way fits the screen, keeps
its controls thumb-sized on a phone and passes axe-core (console-day-<size>-*.png)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, date, datetime, time, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.browser.console_support import SIZES, accessible, fits, shoot, viewport
from tests.browser.support import (
    DEMO_ARTIST,
    DEMO_CUSTOMER,
    demo_artist,
    demo_passwords,
    signed_in_api,
    wait_for,
)
from tests.support.demo_data import DemoSeeding
from tests.support.postgres import TestServer
from tests.support.server import ServerProcess, running_server

pytestmark = [pytest.mark.browser, pytest.mark.serial]
CONSENT_FORM = {
    "title": "Consent",
    "locale": "en",
    "statement": "A tattoo is for life.",
    "questions": [],
}


def _text_of(browser: Any, selector: str) -> str:
    """The element's text read in the page at once (the page may be replaced under a reader
    between finding an element and reading it, after a form's post)."""
    text = browser.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", selector
    )
    return str(text)


def _checked(browser: Any, size: str, page: str) -> None:
    fits(browser, size, page)
    shoot(browser, size, f"day-{page}")
    accessible(browser, page)


def _services(api: httpx.Client) -> dict[str, dict[str, Any]]:
    listed = api.get(f"/artists/{demo_artist(api)['id']}/services").json()["items"]
    return {s["name"].split(" (")[0]: s for s in listed}


def _free_starts(
    api: httpx.Client, service: dict[str, Any], day: date, zone: ZoneInfo
) -> list[str]:
    first = max(datetime.combine(day, time(), zone), datetime.now(UTC))
    found = api.get(
        f"/artists/{demo_artist(api)['id']}/slots",
        params={
            "serviceId": service["id"],
            "from": first.isoformat(),
            "to": datetime.combine(day + timedelta(days=1), time(), zone).isoformat(),
        },
    ).json()["items"]
    return [s["start"] for s in found]


def _book(api: httpx.Client, service: dict[str, Any], start: str) -> dict[str, Any]:
    made = api.post(
        "/bookings",
        json={"artistId": demo_artist(api)["id"], "serviceId": service["id"], "start": start},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert made.status_code == 201, made.text
    return dict(made.json())


def _mail_to(data_dir: Path, address: str, subject_has: str) -> list[EmailMessage]:
    found = []
    for path in sorted((data_dir / "mail").glob("*.eml")):
        message = message_from_bytes(path.read_bytes(), policy=default)
        assert isinstance(message, EmailMessage)
        if address in str(message["To"]) and subject_has in str(message["Subject"]):
            found.append(message)
    return found


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "server"


@pytest.fixture
def demo_database(pg_server: TestServer, demo_seed: DemoSeeding, data_dir: Path) -> Iterator[str]:
    """A copy of the session's demo data: its database's URL, its files in ``data_dir``."""
    with demo_seed.result().copy(pg_server, data_dir) as database_url:
        yield database_url


def _serving(
    database_url: str, data_dir: Path, shift: timedelta, log_starts_with: str = ""
) -> AbstractContextManager[ServerProcess]:
    return running_server(
        database_url,
        data_dir,
        workers=1,
        log_starts_with=log_starts_with,
        forked=True,
        INKSLOT_CLOCK_SHIFT_SECONDS=str(int(shift.total_seconds())),
    )


@pytest.mark.parametrize("size", SIZES)
def test_an_artists_working_day_from_the_first_request_to_the_cash_receipt(
    demo_database: str, demo_seed: DemoSeeding, data_dir: Path, browser: Any, size: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    viewport(browser, size)
    with _serving(demo_database, data_dir, timedelta(0), demo_seed.result().printed) as morning:
        passwords = demo_passwords(morning)
        artist = signed_in_api(morning, DEMO_ARTIST, passwords["artist"])
        customer = signed_in_api(morning, DEMO_CUSTOMER, passwords["customer"])
        profile = artist.get(f"/artists/{demo_artist(artist)['id']}").json()
        zone = ZoneInfo(profile["timeZone"])
        form = artist.post(f"/artists/{profile['id']}/consent-forms", json=CONSENT_FORM)
        assert form.status_code == 201, form.text
        required = artist.put(
            f"/artists/{profile['id']}/consent-requirement", json={"formId": form.json()["id"]}
        )
        assert required.status_code == 200, required.text
        services = _services(artist)
        consultation = artist.post(
            f"/artists/{profile['id']}/services",
            json={"name": "Consultation", "durationMinutes": 30, "price": {"amount": 0},
                  "requiresApproval": True},
        )  # fmt: skip
        assert consultation.status_code == 201, consultation.text
        # The customer's session today: the first free small tattoo from tomorrow on.
        tomorrow = datetime.now(zone).date() + timedelta(days=1)
        day = next(
            d for d in (tomorrow + timedelta(days=n) for n in range(14))
            if _free_starts(customer, services["Small tattoo"], d, zone)
        )  # fmt: skip
        session = _book(customer, services["Small tattoo"], _free_starts(
            customer, services["Small tattoo"], day, zone)[0])  # fmt: skip
        signed = customer.post(
            f"/bookings/{session['id']}/consent",
            json={"formId": form.json()["id"], "formVersion": 1, "signedName": "Demo Customer",
                  "adultConfirmed": True, "accepted": True, "answers": []},
        )  # fmt: skip
        assert signed.status_code == 201, signed.text

        # The artist signs in and opens that day.
        browser.get(f"{morning.base_url}/console")
        wait_for(lambda: "/console/sign-in" in browser.current_url, "the sign-in page")
        browser.find_element(By.ID, "email").send_keys(DEMO_ARTIST)
        browser.find_element(By.ID, "password").send_keys(passwords["artist"])
        browser.find_element(By.CSS_SELECTOR, "button.primary[type=submit]").click()
        wait_for(lambda: browser.current_url == f"{morning.base_url}/console", "today")
        browser.get(f"{morning.base_url}/console?day={day.isoformat()}")
        wait_for(
            lambda: (
                browser.execute_script("return document.getElementById('live').dataset.stream")
                == "open"
            ),
            "the day's live updates",
        )
        _checked(browser, size, "morning")

        # A request arrives live and is approved with one tap.
        asked = _book(customer, consultation.json(), _free_starts(
            customer, consultation.json(), day, zone)[-1])  # fmt: skip
        local = datetime.fromisoformat(asked["start"]).astimezone(zone).strftime("%H:%M")
        approve = wait_for(
            lambda: browser.find_elements(
                By.CSS_SELECTOR, f'button[aria-label="Approve: Demo Customer, {local}"]'
            ),
            "the request, live",
        )[0]
        approve.click()
        wait_for(
            lambda: customer.get(f"/bookings/{asked['id']}").json()["status"] == "confirmed",
            "the request approved",
        )

        # A walk-in at the desk: a client with no account, at a free time of the day.
        walk_in_at = datetime.fromisoformat(
            _free_starts(artist, services["Small tattoo"], day, zone)[-1]
        ).astimezone(zone)
        browser.get(f"{morning.base_url}/console/book?day={day.isoformat()}")
        Select(browser.find_element(By.ID, "service")).select_by_value(
            services["Small tattoo"]["id"]
        )
        browser.find_element(By.ID, "time").send_keys(walk_in_at.strftime("%H%M"))
        browser.find_element(By.ID, "name").send_keys("Bolor Walk-in")
        browser.find_element(By.ID, "phone").send_keys("+97688112233")
        _checked(browser, size, "walk-in")
        browser.find_element(By.CSS_SELECTOR, "form.card button.primary").click()
        wait_for(lambda: "/console/bookings/" in browser.current_url, "the walk-in's page")
        assert "Bolor Walk-in" in browser.find_element(By.TAG_NAME, "h1").text

        # Moving it is offered with the day's free times; blocking time, from the day.
        browser.find_element(By.CSS_SELECTOR, 'a[aria-label^="Move: Bolor Walk-in"]').click()
        wait_for(lambda: browser.current_url.endswith("/move"), "the move page")
        assert browser.find_elements(By.CSS_SELECTOR, ".move-starts button")
        _checked(browser, size, "move")
        browser.get(f"{morning.base_url}/console?day={day.isoformat()}")
        browser.find_element(By.LINK_TEXT, "Block time").click()
        wait_for(lambda: "/console/availability/block" in browser.current_url, "block time")
        assert day.isoformat() in browser.find_element(By.ID, "block-date").get_attribute("value")
        _checked(browser, size, "block")

    # The afternoon: half an hour into the customer's session.
    start = datetime.fromisoformat(session["start"])
    shift = start + timedelta(minutes=30) - datetime.now(UTC)
    with _serving(demo_database, data_dir, shift) as afternoon:
        page = f"{afternoon.base_url}/console/bookings/{session['id']}"
        browser.get(page)  # the access cookie has run out: the refresh cookie renews it
        wait_for(lambda: browser.current_url.startswith(page), "the customer's booking")
        assert "Demo Customer" in browser.page_source
        Select(browser.find_element(By.ID, "id-document")).select_by_value("national_id")
        browser.find_element(By.ID, "id-adult").click()
        browser.find_element(By.XPATH, "//button[normalize-space()='Check ID']").click()
        wait_for(lambda: "The ID check is recorded." in browser.page_source, "the ID check")
        _checked(browser, size, "consent")
        browser.find_element(
            By.CSS_SELECTOR, 'button[aria-label^="Complete: Demo Customer"]'
        ).click()
        wait_for(lambda: "Completed" in _text_of(browser, "dl.facts"), "completed")

        # The balance in cash: recorded, a numbered receipt emailed to the customer.
        Select(browser.find_element(By.ID, "studio-method")).select_by_value("cash")
        browser.find_element(By.CSS_SELECTOR, "#studio-form button.primary").click()
        wait_for(lambda: "Receipt" in browser.page_source and "studio-form" not in
                 browser.page_source, "the payment recorded")  # fmt: skip
        _checked(browser, size, "paid")
        receipts = wait_for(
            lambda: _mail_to(data_dir, DEMO_CUSTOMER, "eceipt"), "the receipt's email"
        )
        assert len(receipts) == 1, [str(m["Subject"]) for m in receipts]
        again = signed_in_api(afternoon, DEMO_CUSTOMER, passwords["customer"])
        read = again.get(f"/bookings/{session['id']}")
        assert read.json()["paidInFull"] is True, read.text

        # The insights count the money, as cash.
        browser.get(f"{afternoon.base_url}/console/insights")
        wait_for(lambda: "Cash" in browser.page_source, "the insights, with cash")
        _checked(browser, size, "insights")
        logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert logs == [], logs
