"""The console's settings sections of consent forms, aftercare, reminders and loyalty in a
real browser against ``inkslot serve`` with the demo data, on a laptop (1280x900) and on a
phone (390x844): the demo artist signs in and opens each section's page (a consent form of
hers and her loyalty program made first, so the form's own page and the explanation of what
a customer earns are there too), saves the aftercare form once, and every page fits the
screen (nothing runs off the side; on the phone every link and button is thumb-sized) and
passes axe-core with nothing serious or critical (console-settings-<size>-<page>.png).
The checks are those of test_console.py."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.support import (
    DEMO_ARTIST,
    SCREENSHOTS,
    accessibility_violations,
    demo_artist,
    demo_passwords,
    signed_in_api,
    wait_for,
)
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.serial]
SIZES = {"laptop": (1280, 900), "phone": (390, 844)}
THUMB = 44  # px: the console's controls on a phone (console.css)
BLOCKING = ("serious", "critical")
SECTIONS = ("consent", "aftercare", "reminders", "loyalty")


def _viewport(browser: Any, size: str, height: int | None = None) -> None:
    width, tall = SIZES[size]
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {
            "width": width,
            "height": height or tall,
            "deviceScaleFactor": 1,
            "mobile": size == "phone",
        },
    )


def _accessible(browser: Any, page: str) -> None:
    found = accessibility_violations(browser)
    print(f"axe on the {page}: {found or 'nothing'}")
    assert [v for v in found if any(f"({impact})" in v for impact in BLOCKING)] == [], page


def _fits(browser: Any, size: str, page: str) -> None:
    """Nothing runs off the side; on a phone every link and button is thumb-sized."""
    width = SIZES[size][0]
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width, page
    if size != "phone":
        return
    small = browser.execute_script(
        "return [...document.querySelectorAll('a:not(.skip), button')]"
        ".filter((e) => e.offsetParent !== null)"
        ".map((e) => [e.textContent.trim(), e.getBoundingClientRect()])"
        ".filter(([, r]) => r.width < arguments[0] || r.height < arguments[0])"
        ".map(([t, r]) => `${t}: ${r.width}x${r.height}`)",
        THUMB,
    )
    assert small == [], (page, small)


def _shoot(browser: Any, size: str, page: str) -> None:
    height = browser.execute_script("return document.documentElement.scrollHeight")
    _viewport(browser, size, max(SIZES[size][1], height))
    browser.save_screenshot(str(SCREENSHOTS / f"console-settings-{size}-{page}.png"))
    _viewport(browser, size)


def _check(browser: Any, size: str, page: str) -> None:
    _fits(browser, size, page)
    _shoot(browser, size, page)
    _accessible(browser, page)


@pytest.mark.parametrize("size", SIZES)
def test_each_settings_section_fits_and_passes_axe(
    server: ServerProcess, browser: Any, size: str
) -> None:
    from selenium.webdriver.common.by import By

    _viewport(browser, size)
    passwords = demo_passwords(server)
    artist = signed_in_api(server, DEMO_ARTIST, passwords["artist"])
    artist_id = demo_artist(artist)["id"]
    made = artist.post(
        f"/artists/{artist_id}/consent-forms",
        json={
            "title": "Tattoo consent",
            "statement": "I understand a tattoo is permanent.",
            "questions": [
                {"kind": "yes_no", "prompt": "Have you eaten today?"},
                {"kind": "date", "prompt": "Your date of birth", "dates": "past"},
                {"kind": "health", "disclosure": "allergies"},
            ],
        },
    )
    assert made.status_code == 201, made.text
    program = {"active": True, "currency": "MNT", "spendPerPoint": 10_000, "pointValue": 1_000,
               "maxSharePercent": 20, "expiryDays": 365, "reviewPoints": 5,
               "tiers": [{"name": "Gold", "threshold": 100, "multiplierPercent": 150}]}  # fmt: skip
    assert artist.put(f"/artists/{artist_id}/loyalty-program", json=program).status_code == 200

    browser.get(server.base_url + "/console/sign-in")
    browser.find_element(By.ID, "email").send_keys(DEMO_ARTIST)
    browser.find_element(By.ID, "password").send_keys(passwords["artist"])
    browser.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    wait_for(lambda: browser.current_url == server.base_url + "/console", "today's page")

    for key in SECTIONS:
        browser.get(f"{server.base_url}/console/settings/{key}")
        wait_for(lambda: browser.find_elements(By.TAG_NAME, "h1"), key)
        _check(browser, size, key)
    browser.get(f"{server.base_url}/console/settings/consent/{made.json()['id']}")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".preview"), "a consent form")
    _check(browser, size, "consent-form")
    browser.get(f"{server.base_url}/console/settings/consent/{made.json()['id']}?lang=mn")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".preview"), "a consent form, mn")
    _check(browser, size, "consent-form-mn")

    # The aftercare form saved from the page: it comes back saying so.
    browser.get(f"{server.base_url}/console/settings/aftercare?lang=en")
    browser.find_element(By.ID, "aftercare-text").send_keys("Keep it clean.")
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    wait_for(lambda: browser.current_url.endswith("?saved=1"), "the aftercare saved")
    assert browser.find_element(By.CSS_SELECTOR, "p.done").text == "Saved."
    read = artist.get(f"/artists/{artist_id}/aftercare").json()
    assert read["text"] == "Keep it clean."
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs  # no CSP violation, no script error
