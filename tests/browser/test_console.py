"""The artist's console in a real browser against ``inkslot serve`` with the demo data, on a
laptop (1280x900) and on a phone (390x844): the demo artist opens ``/console``, is sent to
sign in, signs in with the keyboard alone and lands on today; opens the day of the demo
booking, that booking and its cancel page (console-<size>-sign-in.png, -day.png,
-booking.png, -cancel.png); approves a request the demo customer sent for that day, which
the list showed arriving without a reload (-day-request.png); sees a booking made through
the API meanwhile appear without a reload (the event stream), the focus kept; signs out,
after which ``/console`` asks to sign in again. axe-core finds nothing serious or critical
on any of the four pages, nothing runs off the side and on the phone every link and button
is thumb-sized."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.api.media.uploads import a_jpeg
from tests.browser.console_support import (
    SIZES,
    accessible,
    fits,
    press,
    shoot,
    viewport,
)
from tests.browser.support import (
    DEMO_ARTIST,
    DEMO_CUSTOMER,
    demo_artist,
    demo_passwords,
    signed_in_api,
    wait_for,
)
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.serial]


def _tab_to(browser: Any, element_id: str, most: int = 6) -> None:
    """Tab (the keyboard alone) until ``element_id`` has the focus, at most ``most`` times."""
    from selenium.webdriver.common.keys import Keys

    for _ in range(most):
        press(browser, Keys.TAB)
        if browser.switch_to.active_element.get_attribute("id") == element_id:
            return
    raise AssertionError(f"#{element_id} not reached with {most} Tabs")


def _sign_in_by_keyboard(server: ServerProcess, browser: Any, size: str, password: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(server.base_url + "/console")
    wait_for(lambda: "/console/sign-in" in browser.current_url, "the sign-in page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Sign in to the console"
    fits(browser, size, "sign-in page")
    shoot(browser, size, "sign-in")
    accessible(browser, "sign-in page")
    _tab_to(browser, "email")
    press(browser, DEMO_ARTIST)
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "password"
    press(browser, password, Keys.TAB)
    submit = browser.switch_to.active_element
    assert (submit.tag_name, submit.text) == ("button", "Sign in")
    press(browser, Keys.ENTER)
    wait_for(lambda: browser.current_url == server.base_url + "/console", "today's page")
    # Today's page: its date as its heading, the "Today" tab marked as the current page.
    current = browser.find_element(By.CSS_SELECTOR, '.tabs a[aria-current="page"]')
    assert current.text == "Today"
    assert browser.find_element(By.ID, "day-title").text
    assert "Saraa Ink" in browser.find_element(By.CSS_SELECTOR, ".bar .who").text


def _zone(api: httpx.Client) -> ZoneInfo:
    """The demo artist's time zone: the console shows her days and times in it."""
    profile = api.get(f"/artists/{demo_artist(api)['id']}").json()
    return ZoneInfo(profile["timeZone"])


def _demo_booking(artist: httpx.Client) -> dict[str, Any]:
    """The booking the seed made for the demo artist (its first free time within 14 days)."""
    items = artist.get("/bookings").json()["items"]
    assert len(items) == 1, items
    return dict(items[0])


def _day_of(booking: dict[str, Any], zone: ZoneInfo) -> date:
    return datetime.fromisoformat(booking["start"]).astimezone(zone).date()


def _flash_design(artist: httpx.Client) -> dict[str, Any]:
    """As the demo artist: a one-off design with two sizes on her flash sheet, its picture
    sent to the store as the console's script does."""
    picture = a_jpeg((640, 640))
    ticket = artist.post(
        "/uploads",
        json={"contentType": "image/jpeg", "size": len(picture), "purpose": "portfolio"},
    ).json()
    put = httpx.put(ticket["url"], content=picture, headers=ticket["headers"], timeout=30)
    assert put.status_code == 200, put.text
    done = artist.post(f"/uploads/{ticket['uploadId']}/complete")
    assert done.status_code == 200, done.text
    made = artist.post(
        "/me/flash",
        json={
            "uploadId": ticket["uploadId"],
            "title": "Swallow with a very long name that has to wrap on a phone screen",
            "tags": ["old-school", "bird"],
            "oneOff": True,
            "variants": [
                {
                    "sizeLabel": "S",
                    "sizeCm": 5,
                    "durationMinutes": 60,
                    "price": {"amount": 12_000_000},
                },
                {
                    "sizeLabel": "L",
                    "sizeCm": 12,
                    "durationMinutes": 120,
                    "price": {"amount": 25_000_000},
                    "deposit": {"percent": 20},
                },
            ],
        },
    )
    assert made.status_code == 201, made.text
    return dict(made.json())


def _approval_service(artist: httpx.Client) -> dict[str, Any]:
    """As the demo artist: a service each booking of which waits for her approval (and no
    deposit: approved, it is confirmed)."""
    made = artist.post(
        f"/artists/{demo_artist(artist)['id']}/services",
        json={
            "name": "Consultation",
            "durationMinutes": 30,
            "price": {"amount": 0},
            "requiresApproval": True,
        },
    )
    assert made.status_code == 201, made.text
    return dict(made.json())


def _book_on(
    customer: httpx.Client, service: dict[str, Any], day: date, zone: ZoneInfo
) -> dict[str, Any]:
    """As the demo customer: the service's first free time on ``day`` (the artist's day)."""
    artist = demo_artist(customer)
    first = max(datetime.combine(day, time(), zone), datetime.now(UTC))
    slots = customer.get(
        f"/artists/{artist['id']}/slots",
        params={
            "serviceId": service["id"],
            "from": first.isoformat(),
            "to": datetime.combine(day + timedelta(days=1), time(), zone).isoformat(),
        },
    ).json()["items"]
    assert slots, f"no free time for {service['name']} on {day}"
    made = customer.post(
        "/bookings",
        json={"artistId": artist["id"], "serviceId": service["id"], "start": slots[0]["start"]},
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert made.status_code == 201, made.text
    return {**made.json(), "localStart": slots[0]["localStart"][11:16]}


def _lines(browser: Any) -> list[str]:
    """The day's bookings as the page shows them now (read at once: the list is replaced
    under a reader when it changes)."""
    return list(
        browser.execute_script(
            "return [...document.querySelectorAll('li.booking')].map((li) => li.innerText)"
        )
    )


def _line_at(browser: Any, start: str) -> str | None:
    """The day's line of the booking starting at ``start`` (HH:MM), once it is listed."""
    return next((line for line in _lines(browser) if line.startswith(start + "\N{EN DASH}")), None)


def _gzipped_files(server: ServerProcess, browser: Any) -> None:
    """The console's style sheet and script as the page loads them go gzipped; their sizes
    on the wire are printed."""
    files = browser.execute_script(
        "return [document.querySelector('link[rel=stylesheet]').href,"
        " document.querySelector('script[src]').src]"
    )
    sizes = {}
    for url in files:
        sent = httpx.get(url, headers={"Accept-Encoding": "gzip"}, timeout=30)
        assert sent.headers.get("content-encoding") == "gzip", url
        sizes[url.rsplit("/", 1)[-1]] = (len(sent.content), sent.num_bytes_downloaded)
    print(f"the console's files (bytes, gzipped on the wire): {sizes}")


def _stream_open(browser: Any) -> bool:
    return bool(
        browser.execute_script("return document.getElementById('live').dataset.stream") == "open"
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_artist_signs_in_works_the_day_live_and_signs_out(
    server: ServerProcess, browser: Any, size: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    viewport(browser, size)
    passwords = demo_passwords(server)
    artist = signed_in_api(server, DEMO_ARTIST, passwords["artist"])
    customer = signed_in_api(server, DEMO_CUSTOMER, passwords["customer"])
    zone = _zone(artist)
    seeded = _demo_booking(artist)
    day = _day_of(seeded, zone)
    consultation = _approval_service(artist)

    _sign_in_by_keyboard(server, browser, size, passwords["artist"])

    # The demo booking's day, the booking, what cancelling it would do.
    browser.get(f"{server.base_url}/console?day={day.isoformat()}")
    start = datetime.fromisoformat(seeded["start"]).astimezone(zone).strftime("%H:%M")
    line = _line_at(browser, start)
    assert line is not None and "Demo Customer" in line and "Confirmed" in line, _lines(browser)
    fits(browser, size, "day")
    shoot(browser, size, "day")
    accessible(browser, "day")
    browser.find_element(By.LINK_TEXT, "Demo Customer").click()
    opened = f"/console/bookings/{seeded['id']}"
    wait_for(lambda: browser.current_url == server.base_url + opened, "the booking")
    facts = browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    assert seeded["reference"] in facts and "Confirmed" in facts and "A small swallow" in facts
    fits(browser, size, "booking")
    shoot(browser, size, "booking")
    accessible(browser, "booking")
    browser.find_element(By.CSS_SELECTOR, f'a[href="{opened}/cancel"]').click()
    wait_for(lambda: browser.current_url.endswith("/cancel"), "the cancel page")
    assert "Everything paid is given back" in browser.find_element(By.ID, "consequence").text
    fits(browser, size, "cancel")
    shoot(browser, size, "cancel")
    accessible(browser, "cancel")
    browser.find_element(By.LINK_TEXT, "No, go back").click()
    browser.find_element(By.LINK_TEXT, "Back to the day").click()
    wait_for(lambda: "day=" in browser.current_url, "the day again")

    _gzipped_files(server, browser)

    # Live: a request sent for the day shows up without a reload; approved, it is confirmed.
    wait_for(lambda: _stream_open(browser), "the day's live updates")
    browser.execute_script("document.body.dataset.unreloaded = 'yes'")
    requested = _book_on(customer, consultation, day, zone)
    pending = wait_for(lambda: _line_at(browser, requested["localStart"]), "the request, live")
    assert "Pending" in pending and "your approval" in pending
    assert browser.execute_script("return document.body.dataset.unreloaded") == "yes"
    assert "changed" in browser.find_element(By.ID, "live").text
    fits(browser, size, "day with a request")
    shoot(browser, size, "day-request")
    approve = browser.find_element(
        By.CSS_SELECTOR, f'button[aria-label="Approve: Demo Customer, {requested["localStart"]}"]'
    )
    approve.send_keys(Keys.ENTER)  # the form's answer: the day again, drawn anew

    def approved() -> bool:
        drawn = browser.execute_script("return document.body.dataset.unreloaded") is None
        return drawn and "Confirmed" in (_line_at(browser, requested["localStart"]) or "")

    wait_for(approved, "the day again, the request approved")
    assert customer.get(f"/bookings/{requested['id']}").json()["status"] == "confirmed"

    # Live: a booking confirmed at once (no approval, no deposit) shows up without a reload;
    # the keyboard's focus stays on the link it was on when the list is replaced.
    wait_for(lambda: _stream_open(browser), "the day's live updates")
    browser.execute_script("document.body.dataset.unreloaded = 'yes'")
    browser.find_element(By.CSS_SELECTOR, f'#day-list a[href="{opened}"]').send_keys("")
    small = next(
        s
        for s in customer.get(f"/artists/{demo_artist(customer)['id']}/services").json()["items"]
        if s["name"].startswith("Small tattoo")
    )
    booked = _book_on(customer, small, day, zone)
    confirmed = wait_for(lambda: _line_at(browser, booked["localStart"]), "the booking, live")
    assert "Confirmed" in confirmed
    assert browser.execute_script("return document.body.dataset.unreloaded") == "yes"
    assert browser.switch_to.active_element.get_attribute("href").endswith(opened)

    # Money taken in the studio: a half-day session, approved (its deposit now due), takes
    # its deposit in cash on its page (the amount filled in), with a numbered receipt.
    services = customer.get(f"/artists/{demo_artist(customer)['id']}/services").json()["items"]
    half_day = next(s for s in services if s["name"] == "Half-day session")
    asked = None
    for ahead in range(1, 15):
        try:
            asked = _book_on(customer, half_day, day + timedelta(days=ahead), zone)
        except AssertionError:
            continue
        break
    assert asked is not None, "no free time for a half-day session in two weeks"
    approval = artist.patch(f"/bookings/{asked['id']}", json={"status": "confirmed"})
    assert approval.status_code == 200, approval.text
    browser.get(f"{server.base_url}/console/bookings/{asked['id']}")
    amount = wait_for(lambda: browser.find_elements(By.ID, "studio-amount"), "the payment form")
    assert amount[0].get_attribute("value") == "100000"
    fits(browser, size, "a booking with its deposit due")
    accessible(browser, "a booking with its deposit due")
    browser.find_element(By.CSS_SELECTOR, "#studio-form button[type=submit]").click()
    wait_for(lambda: "done=studio_payment" in browser.current_url, "the payment recorded")
    taken = browser.find_element(By.CSS_SELECTOR, ".studio-payment").text
    assert "Receipt 0000" in taken and "Cash" in taken and "Deposit" in taken, taken
    assert customer.get(f"/bookings/{asked['id']}").json()["status"] == "confirmed"
    fits(browser, size, "a booking paid in the studio")
    shoot(browser, size, "booking-studio-payment")
    accessible(browser, "a booking paid in the studio")

    # Every other screen (each tab of the navigation, the walk-in form, a client's page)
    # fits the screen, keeps every control thumb-sized on a phone and passes axe-core.
    design = _flash_design(artist)
    tabs = browser.find_elements(By.CSS_SELECTOR, ".tabs a")
    screens = {a.text: a.get_attribute("href") for a in tabs}
    assert {"Today", "Week", "Requests", "Availability", "Services", "Clients", "Flash"} <= set(
        screens
    )
    screens["Remove a flash design"] = f"{server.base_url}/console/flash/{design['id']}/remove"
    screens["Walk-in"] = f"{server.base_url}/console/book?day={day.isoformat()}"
    for name, address in screens.items():
        browser.get(address)
        wait_for(lambda: browser.find_elements(By.TAG_NAME, "h1"), name)
        fits(browser, size, name)
        shoot(browser, size, name.lower())
        accessible(browser, name)
    browser.get(screens["Flash"])
    assert design["title"] in browser.find_element(By.CSS_SELECTOR, ".designs").text
    browser.get(screens["Clients"])
    browser.find_element(By.LINK_TEXT, "Demo Customer").click()
    wait_for(lambda: "/console/clients/" in browser.current_url, "a client's page")
    fits(browser, size, "a client")
    shoot(browser, size, "client")
    accessible(browser, "a client")

    # Signing out ends the session: the console asks to sign in again.
    browser.find_element(By.CSS_SELECTOR, "form.out button").click()
    wait_for(lambda: "/console/sign-in" in browser.current_url, "the sign-in page")
    browser.get(server.base_url + "/console")
    wait_for(lambda: "/console/sign-in" in browser.current_url, "sent to sign in again")
    assert browser.get_cookies() == []
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs  # no CSP violation, no script error
