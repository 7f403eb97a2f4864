"""The booking page opened as a Telegram Mini App, in a real browser: Telegram's WebApp
object (a fake of it, carrying initData signed with the test bot's token, as Telegram signs
it) signs the visitor in without a form, and the visitor books as that account; with only
the address's fragment (Telegram's script out of reach: offline) the page signs in just the
same; in a plain browser nothing of Telegram is loaded."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.browser.support import SCREENSHOTS, booking_link, wait_for
from tests.support.demo_data import DemoSeeding, demo_server
from tests.support.postgres import TestServer
from tests.support.server import ServerProcess
from tests.support.telegram import TEST_BOT_TOKEN, init_data

pytestmark = [pytest.mark.browser, pytest.mark.serial]
PERSON = {"id": 777001, "first_name": "Bat", "last_name": "Erdene", "username": "bat_e"}
# What Telegram's script gives a Mini App, as far as the page uses it.
WEB_APP = """
window.Telegram = {WebApp: {
  initData: %s,
  ready() { window.telegramReady = true; },
  expand() {},
}};
"""


@pytest.fixture
def server(
    pg_server: TestServer, demo_seed: DemoSeeding, tmp_path: Path
) -> Iterator[ServerProcess]:
    """``inkslot serve`` with the demo data and a Telegram bot (the test bot's token)."""
    with demo_server(
        pg_server, demo_seed.result(), tmp_path / "server",
        INKSLOT_TELEGRAM_BOT_TOKEN=TEST_BOT_TOKEN,
    ) as running:  # fmt: skip
        yield running


def _link(server: ServerProcess) -> str:
    """As the demo artist: a service with no deposit and no approval, and its link."""
    return booking_link(
        server, {"name": "Telegram flash", "durationMinutes": 60, "price": {"amount": 9_000_000}}
    )


def _book_the_first_free_time(browser: Any) -> None:
    from selenium.webdriver.common.by import By

    for _ in range(3):  # this month may have no free day left: look ahead
        wait_for(
            lambda: browser.find_element(By.ID, "days").get_attribute("aria-busy") == "false",
            "the month's free days",
        )
        free = browser.find_elements(By.CSS_SELECTOR, "button.day:not([disabled])")
        if free:
            free[0].click()
            break
        browser.find_element(By.ID, "next-month").click()
    slot = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "button.slot"), "free slots")
    slot[0].click()
    book = wait_for(
        lambda: (
            browser.find_element(By.ID, "book-button").is_displayed()
            and browser.find_element(By.ID, "book-button")
        ),
        "the book button (signed in already)",
    )
    assert not browser.find_element(By.ID, "sign-in").is_displayed()
    book.click()
    wait_for(lambda: "INK-" in browser.find_element(By.ID, "booking-facts").text, "the booking")


def _signed_in_account(server: ServerProcess, browser: Any) -> tuple[dict[str, Any], list[Any]]:
    token = browser.execute_script("return sessionStorage.getItem('inkslot.accessToken')")
    api = httpx.Client(base_url=server.base_url + "/api/v1", timeout=30)
    auth = {"Authorization": f"Bearer {token}"}
    return api.get("/me", headers=auth).json(), api.get("/bookings", headers=auth).json()["items"]


def test_opened_in_telegram_the_page_signs_in_by_init_data_and_books(
    server: ServerProcess, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    url = _link(server)
    signed = init_data(datetime.now(UTC), PERSON)
    browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": WEB_APP % json.dumps(signed)}
    )
    browser.get(url)
    wait_for(lambda: "Bat Erdene" in browser.find_element(By.ID, "who").text, "signed in")
    assert browser.execute_script("return window.telegramReady") is True
    _book_the_first_free_time(browser)
    browser.save_screenshot(str(SCREENSHOTS / "page-mini-app.png"))
    me, bookings = _signed_in_account(server, browser)
    assert (me["name"], me["email"], me["role"]) == ("Bat Erdene", None, "customer")
    assert [b["status"] for b in bookings] == ["confirmed"]
    logs = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert logs == [], logs  # no CSP violation, no script error


def test_with_only_the_fragment_the_page_still_signs_in(
    server: ServerProcess, browser: Any
) -> None:
    """Telegram's script unreachable (the machine is offline, or it is slow): the page does
    with the initData of its address's fragment, as Telegram hands it over."""
    from selenium.webdriver.common.by import By

    url = _link(server)
    signed = init_data(datetime.now(UTC), {**PERSON, "id": 777002, "first_name": "Saruul"})
    browser.get(f"{url}#tgWebAppData={quote(signed)}&tgWebAppVersion=7.0")
    wait_for(lambda: "Saruul" in browser.find_element(By.ID, "who").text, "signed in", 30)
    me, _ = _signed_in_account(server, browser)
    assert me["name"] == "Saruul Erdene"


def test_in_a_plain_browser_nothing_of_telegram_is_loaded(
    server: ServerProcess, browser: Any
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(_link(server))
    wait_for(lambda: browser.find_element(By.ID, "days").get_attribute("aria-busy") == "false",
             "the page ready")  # fmt: skip
    scripts = browser.execute_script(
        "return [...document.scripts].map((s) => s.src).filter((s) => s.includes('telegram'))"
    )
    assert scripts == []
    assert browser.execute_script("return sessionStorage.getItem('inkslot.accessToken')") is None
    assert browser.find_element(By.ID, "who").text == ""
