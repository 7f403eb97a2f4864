# ruff: noqa: RUF001 (Mongolian Cyrillic in the expected texts)
"""The booking page in a real browser: the demo artist's link for a service with a deposit,
a day and a free slot picked, signed in by phone code (read off the server's log, where the
local profile writes texts), booked, and the deposit's QPay QR code shown; and the page in
Mongolian, whose months and weekdays Chromium's Intl cannot name."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from tests.browser.support import (
    DEMO_ARTIST,
    SCREENSHOTS,
    accessibility_violations,
    booking_link,
    demo_artist,
    demo_passwords,
    sign_in_by_phone,
    signed_in_api,
    wait_for,
)
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.serial]
PHONE = "8811 2233"


def _deposit_link(server: ServerProcess) -> str:
    """As the demo artist: a service with a deposit the customer pays at once, and its link."""
    return booking_link(
        server,
        {
            "name": "Flash piece",
            "durationMinutes": 60,
            "price": {"amount": 20_000_000},
            "deposit": {"amount": 5_000_000},
        },
    )


def _free_day(driver: Any) -> Any:
    from selenium.webdriver.common.by import By

    for _ in range(3):  # this month may have no free day left: look ahead
        wait_for(
            lambda: driver.find_element(By.ID, "days").get_attribute("aria-busy") == "false",
            "the month's free days",
        )
        free = driver.find_elements(By.CSS_SELECTOR, "button.day:not([disabled])")
        if free:
            return free[0]
        driver.find_element(By.ID, "next-month").click()
    raise AssertionError("no free day in three months")


def test_a_visitor_books_through_a_link_and_sees_the_deposit_qr(
    server: ServerProcess, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    url = _deposit_link(server)
    assert url.startswith(server.base_url + "/book/")
    browser.get(url)
    assert "Saraa Ink" in browser.find_element(By.TAG_NAME, "h1").text
    _portfolio_sends_small_pictures_and_previews_well(browser)
    greyed = browser.find_elements(By.CSS_SELECTOR, "button.day[disabled]")
    day = _free_day(browser)
    assert greyed, "days without free slots are greyed out"
    _days_are_one_tab_stop(browser, day)
    slot = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "button.slot"), "free slots")[0]
    slot.click()
    sign_in_by_phone(browser, server, PHONE, "Bat")
    book = wait_for(
        lambda: (
            browser.find_element(By.ID, "book-button").is_displayed()
            and browser.find_element(By.ID, "book-button")
        ),
        "the book button",
    )
    assert book.text == "Book this time"
    browser.save_screenshot(str(SCREENSHOTS / "page-slots.png"))
    assert accessibility_violations(browser) == []  # the day, its times, signed in
    book.click()
    wait_for(
        lambda: browser.switch_to.active_element.get_attribute("id") == "mine-title",
        "the focus on the booking's heading",
    )
    qr = wait_for(
        lambda: (
            browser.find_element(By.ID, "qr").is_displayed() and browser.find_element(By.ID, "qr")
        ),
        "the deposit's QR code",
    )
    assert (qr.get_attribute("src") or "").startswith("data:image/png;base64,")
    assert browser.execute_script("return arguments[0].naturalWidth", qr) > 0  # a real PNG
    deposit = browser.find_element(By.ID, "deposit").text
    assert "INKSLOT-SANDBOX" not in deposit  # the QR code's raw text is never shown
    banks = browser.find_elements(By.CSS_SELECTOR, "#bank-links a")
    assert banks and all(b.get_attribute("href") for b in banks)  # the bank apps' links
    facts = browser.find_element(By.ID, "booking-facts").text
    assert "INK-" in facts
    _says_what_it_waits_for_and_by_when(server, browser, facts)
    assert browser.execute_script("return document.cookie") == ""
    assert browser.execute_script("return sessionStorage.getItem('inkslot.accessToken')")
    browser.save_screenshot(str(SCREENSHOTS / "page-deposit.png"))
    assert accessibility_violations(browser) == []  # the booking and its deposit
    browser.set_window_size(390, 844)  # a phone: the QR code and the bank links fit
    browser.execute_script("document.getElementById('deposit').scrollIntoView()")
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    browser.save_screenshot(str(SCREENSHOTS / "page-deposit-phone.png"))
    browser.set_window_size(1000, 1800)
    paid = browser.find_element(By.ID, "check-payment")
    assert paid.text == "I have paid"
    paid.click()  # the sandbox has not been paid: the page says so
    wait_for(
        lambda: "not arrived" in browser.find_element(By.ID, "status").text, "the unpaid notice"
    )
    cancel = browser.find_element(By.ID, "cancel")
    cancel.click()  # asks first: the policy's consequence (nothing paid yet, nothing kept)
    question = wait_for(
        lambda: (
            browser.find_element(By.ID, "ask-question").is_displayed()
            and browser.find_element(By.ID, "ask-question")
        ),
        "the question before cancelling",
    )
    assert "Nothing has been paid" in question.text
    assert accessibility_violations(browser) == []  # asking before cancelling
    assert browser.switch_to.active_element == question
    browser.find_element(By.ID, "ask-no").click()
    assert browser.switch_to.active_element == cancel
    assert "Waiting for the deposit" in browser.find_element(By.ID, "booking-facts").text
    paying = httpx.post(banks[0].get_attribute("href") or "", timeout=30)  # the sandbox bank
    assert paying.status_code == 200, paying.text
    paid.click()  # paid now: the deposit's section goes, the focus moves to the heading
    wait_for(lambda: "deposit is paid" in browser.find_element(By.ID, "status").text, "paid")
    assert browser.switch_to.active_element.get_attribute("id") == "mine-title"
    assert not browser.find_element(By.ID, "deposit").is_displayed()
    # A second check within seconds is the API's 429 (the page reads the booking anyway).
    logs = [
        e
        for e in browser.get_log("browser")
        if e["level"] == "SEVERE" and "/check - Failed to load resource" not in e["message"]
    ]
    assert logs == [], logs  # no CSP violation, no script error


def test_a_month_with_no_free_day_offers_the_next_free_day(
    server: ServerProcess, browser: Any
) -> None:
    """The artist takes bookings 40 days ahead at the soonest: this month (and maybe the
    next) has no free day; the page says so and offers the next free day, which opens
    that day's month with its times."""
    from selenium.webdriver.common.by import By

    url = _deposit_link(server)
    api = signed_in_api(server, DEMO_ARTIST, demo_passwords(server)["artist"])
    changed = api.patch(
        f"/artists/{demo_artist(api)['id']}/settings", json={"minimumNoticeMinutes": 40 * 24 * 60}
    )
    assert changed.status_code == 200, changed.text
    browser.get(url)
    jump = wait_for(
        lambda: browser.find_elements(By.ID, "next-free-day"), "the next free day's button"
    )[0]
    assert "No free times this month." in browser.find_element(By.ID, "slots").text
    assert browser.find_elements(By.CSS_SELECTOR, "button.day:not([disabled])") == []
    offered = jump.text
    assert offered.startswith("Go to the next free day: ")
    browser.save_screenshot(str(SCREENSHOTS / "page-next-free-day.png"))
    assert accessibility_violations(browser) == []  # an empty month, the next free day
    browser.set_window_size(390, 844)  # a phone: nothing runs off the side
    assert browser.execute_script("return document.documentElement.scrollWidth") <= 390
    browser.execute_script("document.getElementById('policy-title').scrollIntoView()")
    browser.save_screenshot(str(SCREENSHOTS / "page-phone-policy.png"))
    browser.execute_script("arguments[0].scrollIntoView()", jump)
    browser.save_screenshot(str(SCREENSHOTS / "page-phone-next-free-day.png"))
    browser.set_window_size(1000, 1800)
    jump.click()
    slots = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "button.slot"), "its times")
    day = browser.find_element(By.CSS_SELECTOR, 'button.day[aria-pressed="true"]')
    assert offered.endswith(day.get_attribute("aria-label") or "-")
    assert browser.switch_to.active_element == day and slots
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs


def _portfolio_sends_small_pictures_and_previews_well(browser: Any) -> None:
    """The portfolio's pictures offer their stored variants and the browser takes the small
    one (at most 400 px; the demo's are 320 px) rather than the large one at this width;
    the first row loads at once; the page has a description and Open Graph tags for link
    previews."""
    from selenium.webdriver.common.by import By

    pictures = browser.find_elements(By.CSS_SELECTOR, ".portfolio img")
    assert pictures
    wait_for(
        lambda: all(browser.execute_script("return arguments[0].complete", p) for p in pictures),
        "the pictures loaded",
    )
    for picture in pictures:
        offered = [c.split() for c in (picture.get_attribute("srcset") or "").split(", ")]
        widths = sorted((int(width.rstrip("w")), url) for url, width in offered)
        assert len(widths) == 2 and picture.get_attribute("sizes")  # small and large
        assert browser.execute_script("return arguments[0].currentSrc", picture) == widths[0][1]
        assert picture.get_attribute("loading") != "lazy"  # three pictures: one row
    meta = {
        (m.get_attribute("name") or m.get_attribute("property")): m.get_attribute("content")
        for m in browser.find_elements(By.CSS_SELECTOR, "meta[content]")
    }
    assert meta["description"] and meta["og:description"] == meta["description"]
    assert (meta["og:title"] or "").startswith("Saraa Ink")
    assert (meta["og:image"] or "").startswith("http") and "large" in (meta["og:image"] or "")


def _days_are_one_tab_stop(browser: Any, day: Any) -> None:
    """The month's days are one Tab stop (a roving tabindex): the first free day takes the
    Tab, the arrow keys move between free days, and one Tab from the chosen day reaches its
    first time."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    free = browser.find_elements(By.CSS_SELECTOR, "button.day:not([disabled])")
    stops = [
        b
        for b in browser.find_elements(By.CSS_SELECTOR, "button.day")
        if b.get_attribute("tabindex") == "0"
    ]
    assert stops == [free[0]] and day == free[0]
    day.send_keys(Keys.END)
    assert browser.switch_to.active_element == free[-1]
    browser.switch_to.active_element.send_keys(Keys.HOME)
    if len(free) > 1:
        day.send_keys(Keys.ARROW_RIGHT)
        assert browser.switch_to.active_element == free[1]
        browser.switch_to.active_element.send_keys(Keys.ARROW_LEFT)
    assert browser.switch_to.active_element == day
    day.send_keys(Keys.ENTER)  # shows its times
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "button.slot"), "free slots")
    browser.switch_to.active_element.send_keys(Keys.TAB)
    assert "slot" in (browser.switch_to.active_element.get_attribute("class") or "")


def _says_what_it_waits_for_and_by_when(server: ServerProcess, browser: Any, facts: str) -> None:
    """The pending booking names the one thing it waits for (the deposit: the service needs
    no approval) and its pay-by time: the hold's end, in the artist's time zone (the
    browser's is UTC, Ulaanbaatar is 8 hours ahead)."""
    token, booking_id = browser.execute_script(
        "const id = JSON.parse(document.getElementById('page-data').textContent).artistId;"
        "return [sessionStorage.getItem('inkslot.accessToken'),"
        " sessionStorage.getItem('inkslot.booking.' + id)]"
    )
    booking = httpx.get(
        f"{server.base_url}/api/v1/bookings/{booking_id}",
        headers={"Authorization": "Bearer " + token},
        timeout=30,
    ).json()
    assert booking["waitingFor"] == ["deposit"]
    hold = datetime.fromisoformat(booking["holdExpiresAt"]).astimezone(ZoneInfo("Asia/Ulaanbaatar"))
    assert "Waiting for the deposit\n" in facts and "approval" not in facts
    assert f"Pay the deposit by {hold:%A, %-d %B %Y} at {hold:%H:%M}" in facts, facts
    assert "(the artist's time, Asia/Ulaanbaatar)" in facts


def test_a_stale_sign_in_is_dropped_and_the_page_forgets_it(
    server: ServerProcess, browser: Any
) -> None:
    """The tab's token no longer signs in (the API's 401): common.js ends the session and
    the booking page redraws as signed out, no longer showing "Signed in as"."""
    from selenium.webdriver.common.by import By

    url = _deposit_link(server)
    browser.get(url)
    artist_id = browser.execute_script(
        "return JSON.parse(document.getElementById('page-data').textContent).artistId"
    )
    browser.execute_script(
        "sessionStorage.setItem('inkslot.accessToken', 'stale');"
        "sessionStorage.setItem('inkslot.name', 'Bat');"
        f"sessionStorage.setItem('inkslot.booking.{artist_id}', crypto.randomUUID());"
    )
    browser.refresh()  # the page asks for the tab's last booking with the stale token
    wait_for(
        lambda: (
            browser.execute_script("return sessionStorage.getItem('inkslot.accessToken')") is None
        ),
        "the stale token dropped",
    )
    wait_for(lambda: not browser.find_element(By.ID, "account").is_displayed(), "signed out")
    assert browser.find_element(By.ID, "who").text == ""


def test_the_page_in_mongolian_names_months_days_and_times_in_mongolian(
    server: ServerProcess, browser: Any
) -> None:
    """Chromium's Intl has no Mongolian (it would answer "January"): the page formats with
    the CLDR names and patterns it carries, so the month, the weekdays, a day's label and the
    free times read in Mongolian."""
    from selenium.webdriver.common.by import By

    assert browser.execute_script("return Intl.DateTimeFormat.supportedLocalesOf(['mn-MN'])") == []
    browser.get(_deposit_link(server) + "?lang=mn")
    day = _free_day(browser)
    title = browser.find_element(By.ID, "month-title").text
    assert re.fullmatch(r"\d{4}\sоны .+ сар", title), title  # CLDR's narrow no-break space
    weekdays = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#weekdays th")]
    assert weekdays == ["Да", "Мя", "Лх", "Пү", "Ба", "Бя", "Ня"]
    label = day.get_attribute("aria-label") or ""
    assert re.fullmatch(r"\d{4}\sоны .+ сарын\s\d{1,2}, \S+ гараг", label), label
    day.click()
    slot = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "button.slot"), "free slots")[0]
    assert re.fullmatch(r"\d\d:\d\d", slot.text), slot.text
    heading = browser.find_element(By.CSS_SELECTOR, "#slots h3").text
    assert label in heading and "гараг" in heading
    browser.save_screenshot(str(SCREENSHOTS / "page-mongolian.png"))
    assert accessibility_violations(browser) == []
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs
