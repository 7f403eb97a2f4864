"""A studio owner inviting a guest artist, in a real browser against ``inkslot serve`` with
the demo data, on a laptop (1280x900) and on a phone (390x844): the demo artist (who owns
and works in the demo studio) opens the console's Studio tab and makes an invite link; a
second artist (made through the API) opens the link, is sent to sign in, comes back to the
invite and joins; the owner sees the guest's column on the studio's day. Screenshots:
console-studio-<size>-studio.png, -invite.png, -join.png, -day.png. axe-core finds nothing
serious or critical on any of them, and nothing runs off the side (the day's columns
scroll inside their own row on a phone)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.browser.support import (
    DEMO_ARTIST,
    SCREENSHOTS,
    accessibility_violations,
    demo_passwords,
    shown,
    wait_for,
)
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.serial]
SIZES = {"laptop": (1280, 900), "phone": (390, 844)}
BLOCKING = ("serious", "critical")
GUEST_PASSWORD = "amber-lantern-orchard-42"


def _viewport(browser: Any, size: str, height: int | None = None) -> None:
    width, tall = SIZES[size]
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height or tall, "deviceScaleFactor": 1,
         "mobile": size == "phone"},
    )  # fmt: skip


def _checked(browser: Any, size: str, page: str) -> None:
    """Nothing runs off the side, axe-core finds nothing serious, and a full-page
    screenshot is kept (console-studio-<size>-<page>.png)."""
    width = SIZES[size][0]
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width, page
    found = accessibility_violations(browser)
    print(f"axe on the studio's {page}: {found or 'nothing'}")
    assert [v for v in found if any(f"({i})" in v for i in BLOCKING)] == [], page
    height = browser.execute_script("return document.documentElement.scrollHeight")
    _viewport(browser, size, max(SIZES[size][1], height))
    browser.save_screenshot(str(SCREENSHOTS / f"console-studio-{size}-{page}.png"))
    _viewport(browser, size)


def _sign_in(browser: Any, email: str, password: str) -> None:
    """On the console's sign-in page: email and password, then the form."""
    from selenium.webdriver.common.by import By

    field = shown(browser, "email")
    field.clear()
    field.send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form.card button.primary").click()


def _guest_artist(server: ServerProcess) -> tuple[str, str]:
    """A second artist with a draft profile, made through the API: their email and name."""
    api = httpx.Client(base_url=server.base_url + "/api/v1", timeout=30)
    email = f"guest-{uuid.uuid4().hex[:6]}@example.com"
    made = api.post(
        "/auth/register",
        json={"email": email, "password": GUEST_PASSWORD, "name": "Anu", "role": "artist"},
    )
    assert made.status_code == 201, made.text
    api.headers["Authorization"] = "Bearer " + made.json()["tokens"]["accessToken"]
    profile = api.post(
        "/artists", json={"displayName": "Anu Guest", "timeZone": "Asia/Ulaanbaatar"}
    )
    assert profile.status_code == 201, profile.text
    return email, "Anu Guest"


@pytest.mark.parametrize("size", SIZES)
def test_a_studio_owner_invites_a_guest_artist(
    server: ServerProcess, browser: Any, size: str
) -> None:
    from selenium.webdriver.common.by import By

    _viewport(browser, size)
    passwords = demo_passwords(server)
    guest_email, guest_name = _guest_artist(server)

    # The owner: the Studio tab, an invite link made (the link to copy and its QR code).
    browser.get(server.base_url + "/console/studio")
    wait_for(lambda: "/console/sign-in" in browser.current_url, "the sign-in page")
    _sign_in(browser, DEMO_ARTIST, passwords["artist"])
    wait_for(lambda: browser.current_url.endswith("/console/studio"), "the studio page")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Saraa Ink Studio"
    _checked(browser, size, "studio")
    browser.find_element(By.ID, "invite-note").send_keys("Anu")
    browser.find_element(By.XPATH, "//button[normalize-space()='Make an invite link']").click()
    link = shown(browser, "invite-url").get_attribute("value")
    assert "/console/studio-invites/" in link
    assert (
        browser.find_element(By.CSS_SELECTOR, ".qr img")
        .get_attribute("src")
        .startswith("data:image/svg+xml")
    )
    _checked(browser, size, "invite")
    browser.find_element(By.CSS_SELECTOR, "form.out button").click()
    wait_for(lambda: "/console/sign-in" in browser.current_url, "signed out")

    # The guest: the link, signing in first, then the invite again and one form to join.
    browser.get(link)
    wait_for(lambda: "/console/sign-in" in browser.current_url, "sent to sign in")
    _sign_in(browser, guest_email, GUEST_PASSWORD)
    wait_for(lambda: "/console/studio-invites/" in browser.current_url, "back at the invite")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Join Saraa Ink Studio"
    _checked(browser, size, "join")
    browser.find_element(By.XPATH, "//button[normalize-space()='Join the studio']").click()
    wait_for(lambda: browser.current_url.endswith("/console/studio"), "the guest's studio")
    assert "You work at Saraa Ink Studio" in browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.CSS_SELECTOR, "form.out button").click()
    wait_for(lambda: "/console/sign-in" in browser.current_url, "the guest signed out")

    # The owner again: the guest's column on the studio's day, beside her own.
    browser.get(server.base_url + "/console/studio")
    wait_for(lambda: "/console/sign-in" in browser.current_url, "the sign-in page")
    _sign_in(browser, DEMO_ARTIST, passwords["artist"])
    wait_for(lambda: browser.current_url.endswith("/console/studio"), "the studio page")
    assert (
        guest_name in browser.find_element(By.ID, "members-title").find_element(By.XPATH, "..").text
    )
    browser.find_element(By.LINK_TEXT, "The studio's day").click()
    wait_for(lambda: "/console/studio/day" in browser.current_url, "the studio's day")
    columns = [h.text for h in browser.find_elements(By.CSS_SELECTOR, ".studio-column h2")]
    assert guest_name in columns and "Saraa Ink" in columns, columns
    _checked(browser, size, "day")
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs  # no CSP violation, no script error
