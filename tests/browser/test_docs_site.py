"""The documentation site as readers see it, in headless Chromium on a desktop and a phone:
axe-core finds nothing to fix (WCAG 2 A and AA, best practices) on the pages readers land on,
and no page is wider than a phone's screen (code blocks and tables scroll inside
themselves, and take the keyboard to do so)."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.support import accessibility_violations
from tests.support.docs_site import CONFIG, mkdocs_build

pytestmark = [pytest.mark.browser, pytest.mark.serial]

# The landing page, a guide with long tables, the clients' page, the library's page, one
# reference page of the library, the current figures. (The HTTP reference, 2 MB of one
# page, takes axe minutes: its markup is the same theme's.)
PAGES = ("", "api/", "clients/", "domain/", "reference/domain-scheduling/", "performance/")
SIZES = {"desktop": (1366, 900), "phone": (390, 844)}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site built as ``make docs-build`` builds it, served on a free port of 127.0.0.1."""
    root = tmp_path_factory.mktemp("site")
    built = mkdocs_build(CONFIG, root)
    assert built.returncode == 0, built.stderr[-4000:]
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_pages_readers_land_on_pass_axe_and_fit_the_screen(
    browser: Any, site: str, size: str, tmp_path: Path
) -> None:
    browser.set_window_size(*SIZES[size])
    browser.set_script_timeout(120)
    found: dict[str, list[str]] = {}
    too_wide: dict[str, int] = {}
    for page in PAGES:
        browser.get(site + page)
        found[page or "index"] = accessibility_violations(browser)
        width = browser.execute_script("return document.documentElement.scrollWidth")
        if width > browser.execute_script("return window.innerWidth"):
            too_wide[page or "index"] = width
        browser.save_screenshot(str(tmp_path / f"{size}-{(page or 'index').replace('/', '_')}.png"))
    assert {page: v for page, v in found.items() if v} == {}
    assert too_wide == {}
