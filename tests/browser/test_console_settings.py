"""The console's settings in a real browser against ``inkslot serve`` with the demo data, on
a laptop (1280x900) and on a phone (390x844): the demo artist opens the Settings tab and its
portfolio, chooses a picture, and watches it go straight to storage, the bar reaching 100 %
(the page's policy lets the script reach the store, and nothing else); adds it, and sees the
picture in the portfolio (loaded, not broken). axe-core finds nothing serious or critical on
any settings page, nothing runs off the side, and on a phone every link and button is
thumb-sized (console-<size>-settings.png, -portfolio-uploaded.png, -portfolio.png,
-profile.png, -language.png, -channels.png, -telegram.png)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

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
THUMB = 44  # px: the console's controls on a phone (console.css)
BLOCKING = ("serious", "critical")


def _viewport(browser: Any, size: str, height: int | None = None) -> None:
    width, tall = SIZES[size]
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height or tall, "deviceScaleFactor": 1,
         "mobile": size == "phone"},
    )  # fmt: skip


def _checked(browser: Any, size: str, page: str) -> None:
    """axe-core finds nothing serious; nothing runs off the side; on a phone every visible
    link and button is thumb-sized; and a screenshot of the whole page."""
    found = accessibility_violations(browser)
    print(f"axe on the {page}: {found or 'nothing'}")
    assert [v for v in found if any(f"({impact})" in v for impact in BLOCKING)] == [], page
    width = SIZES[size][0]
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width, page
    if size == "phone":
        small = browser.execute_script(
            "return [...document.querySelectorAll('a:not(.skip), button')]"
            ".filter((e) => e.offsetParent !== null)"
            ".map((e) => [e.textContent.trim(), e.getBoundingClientRect()])"
            ".filter(([, r]) => r.width < arguments[0] || r.height < arguments[0])"
            ".map(([t, r]) => `${t}: ${r.width}x${r.height}`)",
            THUMB,
        )
        assert small == [], (page, small)
    height = browser.execute_script("return document.documentElement.scrollHeight")
    _viewport(browser, size, max(SIZES[size][1], height))
    browser.save_screenshot(str(SCREENSHOTS / f"console-{size}-{page}.png"))
    _viewport(browser, size)


def _picture(tmp_path: Path) -> Path:
    """A JPEG big enough that its upload takes a few progress events."""
    out = io.BytesIO()
    image = Image.effect_noise((1600, 1200), 80).convert("RGB")
    image.save(out, "JPEG", quality=95)
    path = tmp_path / "koi.jpg"
    path.write_bytes(out.getvalue())
    return path


def _sign_in(server: ServerProcess, browser: Any, password: str) -> None:
    from selenium.webdriver.common.by import By

    browser.get(server.base_url + "/console/settings")
    wait_for(lambda: "/console/sign-in" in browser.current_url, "the sign-in page")
    shown(browser, "email").send_keys(DEMO_ARTIST)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "form[action='/console/sign-in'] button").click()
    wait_for(lambda: browser.current_url.endswith("/console/settings"), "the settings")


@pytest.mark.parametrize("size", SIZES)
def test_a_portfolio_picture_goes_to_storage_with_its_progress_and_is_shown(
    server: ServerProcess, browser: Any, size: str, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    _viewport(browser, size)
    _sign_in(server, browser, demo_passwords(server)["artist"])
    current = browser.find_element(By.CSS_SELECTOR, '.tabs a[aria-current="page"]')
    assert current.text == "Settings"
    sections = [a.text for a in browser.find_elements(By.CSS_SELECTOR, ".settings-index a")]
    assert sections[:5] == ["Profile", "Portfolio", "Language", "Notification channels",
                            "Telegram"]  # fmt: skip
    _checked(browser, size, "settings")

    browser.find_element(By.LINK_TEXT, "Portfolio").click()
    wait_for(lambda: browser.current_url.endswith("/console/settings/portfolio"), "the portfolio")
    before = len(browser.find_elements(By.CSS_SELECTOR, ".pictures img"))
    # Every progress event the bar shows, kept by the page for the test to read.
    browser.execute_script(
        "window.seen = []; const bar = document.getElementById('progress-portfolio');"
        "const set = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, 'value');"
        "Object.defineProperty(bar, 'value', {get() { return set.get.call(this); },"
        " set(v) { window.seen.push(v); set.set.call(this, v); }});"
    )
    browser.find_element(By.ID, "file-portfolio").send_keys(str(_picture(tmp_path)))
    status = browser.find_element(By.ID, "status-portfolio")
    wait_for(lambda: "100 %" in status.text, "the upload finished", within_s=60)
    bar = browser.find_element(By.ID, "progress-portfolio")
    assert bar.is_displayed() and bar.get_property("value") == 100
    seen = browser.execute_script("return window.seen")
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen), seen
    upload_id = browser.find_element(By.NAME, "upload_id").get_property("value")
    assert len(upload_id) == 36  # the form now carries the upload, not the file
    _checked(browser, size, "portfolio-uploaded")

    browser.find_element(By.ID, "description").send_keys("Koi, fresh")
    browser.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]").click()

    def shown_pictures() -> list[Any]:
        # Read at once, in the page: the page is replaced under a reader after the post.
        return list(browser.execute_script(
            "return [...document.querySelectorAll('.pictures img')]"
            ".filter((p) => p.complete && p.naturalWidth > 0).map((p) => p.src)"
        ))  # fmt: skip

    wait_for(lambda: len(shown_pictures()) == before + 1, "the new picture shown")
    assert "Koi, fresh" in browser.page_source
    _checked(browser, size, "portfolio")

    # The other sections fit and read well too, each under the Settings tab.
    pages = {
        "profile": "Profile",
        "language": "Language",
        "channels": "Notification channels",
        "telegram": "Telegram",
    }
    for key, heading in pages.items():
        browser.get(f"{server.base_url}/console/settings/{key}")
        assert browser.find_element(By.TAG_NAME, "h1").text == heading
        current = browser.find_element(By.CSS_SELECTOR, '.tabs a[aria-current="page"]')
        assert current.text == "Settings"
        _checked(browser, size, key)
