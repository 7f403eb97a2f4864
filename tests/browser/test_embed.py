"""``embed.js`` on an artist's own website, in a real browser: two HTTPS sites (their own
server and certificate; the browser resolves ``shop.example`` and ``elsewhere.example`` to
this machine) carry the tag the console gives. On the site the artist listed in
``embedOrigins``, the button opens the booking page in a dialog, the focus inside it;
Escape closes it and gives the focus back to the button. On a site not listed, the browser
refuses to show the page in the frame (its ``frame-ancestors`` names only the listed
origin), and says so in its console."""

from __future__ import annotations

import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import CHROMEDRIVER, CHROMIUM
from tests.browser.console_support import SIZES, accessible, shoot, viewport
from tests.browser.support import (
    DEMO_ARTIST,
    booking_link,
    demo_artist,
    demo_passwords,
    signed_in_api,
    wait_for,
)
from tests.support.server import ServerProcess
from tests.support.tls_receivers import certificate

pytestmark = [pytest.mark.browser, pytest.mark.serial]
LISTED, UNLISTED = "shop.example", "elsewhere.example"


class _Site(BaseHTTPRequestHandler):
    page = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def artist_site(tmp_path: Path) -> Iterator[tuple[int, type[_Site]]]:
    """An HTTPS server on this machine answering every path with ``_Site.page``."""
    cert_file, key_file = certificate(tmp_path, LISTED, UNLISTED)  # the browser accepts it
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    site = type("Site", (_Site,), {})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), site)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield httpd.server_address[1], site
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def site_browser() -> Iterator[Any]:
    """Headless Chromium that finds both sites on this machine and trusts their certificate."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--lang=en-GB",
        "--ignore-certificate-errors",
        f"--host-resolver-rules=MAP {LISTED} 127.0.0.1, MAP {UNLISTED} 127.0.0.1",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _host_page(server: ServerProcess, token: str) -> bytes:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Saraa's studio</title></head><body><main><h1>Saraa's studio</h1>"
        "<p>Fine line and botanical work.</p>"
        f'<script src="{server.base_url}/static/booking-page/embed.js" data-link="{token}"'
        " async></script></main></body></html>"
    ).encode()


@pytest.mark.parametrize("size", SIZES)
def test_the_button_opens_the_page_on_the_listed_site_and_nowhere_else(
    server: ServerProcess, site_browser: Any, artist_site: tuple[int, type[_Site]], size: str
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser = site_browser
    viewport(browser, size)
    port, site = artist_site
    url = booking_link(
        server, {"name": "Flash piece", "durationMinutes": 60, "price": {"amount": 200000}}
    )
    token = url.rstrip("/").rsplit("/", 1)[-1]
    site.page = _host_page(server, token)
    artist = signed_in_api(server, DEMO_ARTIST, demo_passwords(server)["artist"])
    listed = f"https://{LISTED}:{port}"
    changed = artist.patch(f"/artists/{demo_artist(artist)['id']}", json={"embedOrigins": [listed]})
    assert changed.status_code == 200, changed.text

    # The listed site: the button opens the booking page in a dialog, the focus inside.
    browser.get(listed + "/")
    button = wait_for(
        lambda: browser.find_elements(By.XPATH, "//button[normalize-space()='Book a session']"),
        "the booking button",
    )[0]
    button.click()
    dialog = wait_for(
        lambda: browser.find_elements(By.CSS_SELECTOR, '[role="dialog"][aria-modal="true"]'),
        "the dialog",
    )[0]
    assert browser.switch_to.active_element.text == "Close"
    frame = dialog.find_element(By.TAG_NAME, "iframe")
    browser.switch_to.frame(frame)
    heading = wait_for(lambda: browser.find_elements(By.TAG_NAME, "h1"), "the page inside")[0]
    assert "Saraa Ink" in browser.page_source, heading.text
    browser.switch_to.default_content()
    shoot(browser, size, "embed-open")
    accessible(browser, "the artist's site with the dialog open")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
    wait_for(lambda: not browser.find_elements(By.CSS_SELECTOR, '[role="dialog"]'), "closed")
    assert browser.switch_to.active_element == button
    framed = [e for e in browser.get_log("browser") if "frame-ancestors" in e["message"]]
    assert framed == [], framed

    # A site the artist did not list: the browser refuses to show the page in the frame.
    browser.get(f"https://{UNLISTED}:{port}/")
    wait_for(
        lambda: browser.find_elements(By.XPATH, "//button[normalize-space()='Book a session']"),
        "the booking button elsewhere",
    )[0].click()
    refused = wait_for(
        lambda: [e for e in browser.get_log("browser") if "frame-ancestors" in e["message"]],
        "the browser's refusal to frame the page",
    )
    assert any(listed in e["message"] for e in refused), refused
