"""The console's operator pages in a real browser against ``inkslot serve`` with the demo
data, on a laptop (1280x900) and on a phone (390x844): the demo admin signs in and lands on
the artists waiting for review, approves one who submitted a profile meanwhile (seen through
the API after), suspends her (asked first, with what it cancels) and reinstates her, and opens
the disputes and the audit log, where the approval is written. axe-core finds nothing
serious or critical on any of them, nothing runs off the side and on a phone every control
is thumb-sized (console-<size>-admin-*.png)."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from tests.browser.console_support import SIZES, accessible, fits, shoot, viewport
from tests.browser.support import DEMO_ADMIN, demo_passwords, signed_in_api, wait_for
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.browser, pytest.mark.serial]
ARTISTS = "/console/admin/artists"


def _submitted_artist(server: ServerProcess, name: str) -> str:
    """A new artist who made a profile and submitted it for review: the profile's id."""
    api = httpx.Client(base_url=server.base_url + "/api/v1", timeout=30)
    email = f"pending-{uuid.uuid4().hex[:8]}@example.com"
    made = api.post(
        "/auth/register",
        json={"email": email, "password": "a long Pass phrase 42", "name": name, "role": "artist"},
    )
    assert made.status_code == 201, made.text
    api.headers["Authorization"] = "Bearer " + made.json()["tokens"]["accessToken"]
    profile = api.post(
        "/artists",
        json={"displayName": name, "city": "Darkhan", "timeZone": "Asia/Ulaanbaatar"},
    )
    assert profile.status_code == 201, profile.text
    submitted = api.post(f"/artists/{profile.json()['id']}/submit")
    assert submitted.status_code == 200, submitted.text
    return str(profile.json()["id"])


def _checked(browser: Any, size: str, page: str) -> None:
    fits(browser, size, page)
    shoot(browser, size, f"admin-{page}")
    accessible(browser, page)


def _press_button(browser: Any, label: str) -> None:
    from selenium.webdriver.common.by import By

    browser.find_element(By.CSS_SELECTOR, f'button[aria-label="{label}"]').click()


@pytest.mark.parametrize("size", SIZES)
def test_an_admin_reviews_suspends_and_reinstates_an_artist_and_reads_the_audit_log(
    server: ServerProcess, browser: Any, size: str
) -> None:
    from selenium.webdriver.common.by import By

    viewport(browser, size)
    admin_password = demo_passwords(server)["admin"]
    name = f"Nomin {uuid.uuid4().hex[:4]}"
    profile_id = _submitted_artist(server, name)

    browser.get(server.base_url + "/console")
    wait_for(lambda: "/console/sign-in" in browser.current_url, "the sign-in page")
    browser.find_element(By.ID, "email").send_keys(DEMO_ADMIN)
    browser.find_element(By.ID, "password").send_keys(admin_password)
    browser.find_element(By.CSS_SELECTOR, "button.primary[type=submit]").click()
    wait_for(lambda: browser.current_url.endswith(ARTISTS), "the review queue")
    tabs = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".tabs a")]
    assert {"Artists", "Disputes", "Audit log"} <= set(tabs), tabs
    assert name in browser.find_element(By.CSS_SELECTOR, "ul.artists").text
    _checked(browser, size, "review")

    browser.find_element(By.ID, f"note-{profile_id}").send_keys("Welcome aboard.")
    _press_button(browser, f"Approve: {name}")
    wait_for(lambda: name not in browser.page_source, "the queue without her")
    admin = signed_in_api(server, DEMO_ADMIN, admin_password)
    read = admin.get(f"/artists/{profile_id}").json()
    assert (read["status"], read.get("reviewNote")) == ("approved", "Welcome aboard."), read

    browser.get(f"{server.base_url}{ARTISTS}?show=approved")
    wait_for(lambda: name in browser.page_source, "the approved list")
    _checked(browser, size, "approved")
    browser.find_element(By.CSS_SELECTOR, f'a[aria-label="Suspend: {name}"]').click()
    wait_for(lambda: browser.current_url.endswith(f"/{profile_id}/suspend"), "the question")
    said = browser.find_element(By.ID, "consequence").text
    assert "no upcoming booking" in said, said
    assert not admin.get(f"/artists/{profile_id}").json()["suspended"]  # asked, not done
    _checked(browser, size, "suspend")
    browser.find_element(By.CSS_SELECTOR, "button.danger[type=submit]").click()
    wait_for(lambda: admin.get(f"/artists/{profile_id}").json()["suspended"], "suspended")
    browser.get(f"{server.base_url}{ARTISTS}?show=suspended")
    wait_for(lambda: name in browser.page_source, "the suspended list")
    _checked(browser, size, "suspended")
    _press_button(browser, f"Reinstate: {name}")
    wait_for(lambda: not admin.get(f"/artists/{profile_id}").json()["suspended"], "reinstated")

    screens = {
        a.text: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".tabs a")
    }
    browser.get(screens["Disputes"])
    wait_for(lambda: browser.find_elements(By.TAG_NAME, "h1"), "the disputes")
    _checked(browser, size, "disputes")
    browser.get(screens["Audit log"])
    wait_for(lambda: browser.find_elements(By.TAG_NAME, "h1"), "the audit log")
    assert profile_id in browser.page_source or name in browser.page_source
    _checked(browser, size, "audit")
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs  # no CSP violation, no script error
