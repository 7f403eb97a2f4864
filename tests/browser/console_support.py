"""What every console page is held to in a real browser, at a laptop's and a phone's size:
axe-core finds nothing serious or critical, nothing runs off the side, on a phone every
link and button is thumb-sized; screenshots of whole pages kept as artefacts."""

from __future__ import annotations

from typing import Any

from tests.browser.support import SCREENSHOTS, accessibility_violations

SIZES = {"laptop": (1280, 900), "phone": (390, 844)}
THUMB = 44  # px: the console's controls on a phone (console.css)
# What the console's pages may not have (axe-core's impacts); minor and moderate ones are
# reported in the test's output.
BLOCKING = ("serious", "critical")


def accessible(browser: Any, page: str) -> None:
    """axe-core's violations on the page: none serious or critical; the others printed."""
    found = accessibility_violations(browser)
    print(f"axe on the {page}: {found or 'nothing'}")
    assert [v for v in found if any(f"({impact})" in v for impact in BLOCKING)] == [], page


def viewport(browser: Any, size: str, height: int | None = None) -> None:
    """The page's viewport exactly ``size`` (a window's size would include its frame); a
    phone's is a mobile one (its viewport meta tag followed, no scrollbar's width taken)."""
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


def fits(browser: Any, size: str, page: str) -> None:
    """Nothing runs off the side and no booking's time breaks over two lines; on a phone
    every link and button is thumb-sized, and a booking's actions share the width."""
    width = SIZES[size][0]
    assert browser.execute_script("return document.documentElement.scrollWidth") <= width, page
    broken = browser.execute_script(
        "return [...document.querySelectorAll('.booking .when')].filter((e) => {"
        " const range = document.createRange(); range.selectNodeContents(e);"
        " return range.getClientRects().length > 1; }).map((e) => e.textContent)"
    )
    assert broken == [], (page, broken)
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
    narrow = browser.execute_script(
        "return [...document.querySelectorAll('.actions button, .actions .button')]"
        ".filter((e) => e.getBoundingClientRect().width < 0.4 * e.closest('.actions').clientWidth)"
        ".map((e) => e.textContent.trim())"
    )
    assert narrow == [], (page, narrow)  # a booking's actions: half the width each, or all


def shoot(browser: Any, size: str, page: str) -> None:
    """A screenshot of the whole page (console-<size>-<page>.png)."""
    height = browser.execute_script("return document.documentElement.scrollHeight")
    viewport(browser, size, max(SIZES[size][1], height))
    browser.save_screenshot(str(SCREENSHOTS / f"console-{size}-{page}.png"))
    viewport(browser, size)


def press(browser: Any, *keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(browser).send_keys(*keys).perform()
