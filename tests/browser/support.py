"""What the browser tests share: where screenshots go, a wait that polls the page (or the
server's log) at the browser's own pace, and signing in: to the API as a demo account (its
password read off the server's log), and on a page by texted code or by email and password."""

from __future__ import annotations

import os
import re
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

import httpx

from tests.support.demo_data import demo_passwords_in
from tests.support.server import ServerProcess

# Where the screenshots go: the system's temporary directory unless BROWSER_SCREENSHOTS
# names another.
SCREENSHOTS = Path(os.environ.get("BROWSER_SCREENSHOTS", tempfile.gettempdir()))
CODE = re.compile(r"code is (\d{6})")
DEMO_ARTIST = "artist@inkslot.local"
DEMO_CUSTOMER = "customer@inkslot.local"
DEMO_ADMIN = "admin@inkslot.local"


def wait_for(found: Any, what: str, within_s: float = 20) -> Any:
    """Poll (the browser's or the mailer's own pace, not domain time) until ``found()`` is
    truthy, and return it. An element not there yet, or replaced while it was read (a
    form's answer is a new page), is "not yet": it is asked again."""
    from selenium.common.exceptions import (
        NoSuchElementException,
        StaleElementReferenceException,
    )

    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            value = found()
        except (NoSuchElementException, StaleElementReferenceException):
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"never saw {what}")


def accessibility_violations(driver: Any) -> list[str]:
    """axe-core's violations (its default rules: WCAG 2 A and AA and best practices) on the
    page as it is now, one line each (rule, impact, the first offending element). axe runs
    in the page through WebDriver, which the page's Content-Security-Policy does not
    govern; the script comes from the selenium-axe-python package (a dev dependency)."""
    script = resources.files("selenium_axe_python").joinpath("axe-core", "axe.min.js")
    driver.execute_script(script.read_text(encoding="utf-8"))
    results = driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; axe.run().then(done)"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}"
        for v in results["violations"]
    ]


def shown(driver: Any, element_id: str) -> Any:
    """The element once it is displayed."""
    from selenium.webdriver.common.by import By

    def visible() -> Any:
        element = driver.find_element(By.ID, element_id)
        return element.is_displayed() and element

    return wait_for(visible, f"#{element_id}")


def demo_passwords(server: ServerProcess) -> dict[str, str]:
    """The demo accounts' passwords by role (``admin``, ``artist``, ``customer``), from the
    log."""
    wait_for(lambda: len(demo_passwords_in(server.log_tail(200))) == 3, "the demo accounts")
    return demo_passwords_in(server.log_tail(200))


def signed_in_api(server: ServerProcess, email: str, password: str) -> httpx.Client:
    """A client of the server's API signed in with ``email`` and ``password``."""
    api = httpx.Client(base_url=server.base_url + "/api/v1", timeout=30)
    login = api.post("/auth/login", json={"email": email, "password": password})
    assert login.status_code == 200, login.text
    api.headers["Authorization"] = "Bearer " + login.json()["tokens"]["accessToken"]
    return api


def demo_artist(api: httpx.Client) -> dict[str, Any]:
    """The demo artist's public profile, as the API's search finds it."""
    found = api.get("/artists", params={"q": "saraa"}).json()["items"]
    return next(a for a in found if a["displayName"] == "Saraa Ink")


def booking_link(server: ServerProcess, service: dict[str, Any]) -> str:
    """As the demo artist: a new service (``service``, the API's body) and its booking
    link's URL."""
    api = signed_in_api(server, DEMO_ARTIST, demo_passwords(server)["artist"])
    made = api.post(f"/artists/{demo_artist(api)['id']}/services", json=service)
    assert made.status_code == 201, made.text
    link = api.post("/me/booking-links", json={"serviceId": made.json()["id"]})
    assert link.status_code == 201, link.text
    return str(link.json()["url"])


def sign_in_by_phone(driver: Any, server: ServerProcess, phone: str, name: str) -> None:
    """On a page with the phone form: asks for a code, reads it off the server's log (where
    the local profile writes texts) and signs in with it as ``name``."""
    from selenium.webdriver.common.by import By

    shown(driver, "phone").send_keys(phone)
    driver.find_element(By.ID, "send-code").click()
    code = wait_for(lambda: CODE.findall(server.log_tail(400)), "a texted code")[-1]
    shown(driver, "code").send_keys(code)
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "verify-code").click()


def sign_in_by_email(driver: Any, email: str, password: str) -> None:
    """On a page with the email form: signs in with ``email`` and ``password``."""
    from selenium.webdriver.common.by import By

    field = shown(driver, "email")
    field.clear()  # the form keeps the last address after a sign-out
    field.send_keys(email)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "#email-form button[type=submit]").click()
