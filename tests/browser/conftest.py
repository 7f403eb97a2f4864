"""Browser tests: Selenium driving the machine's Chromium (headless) against ``inkslot
serve`` as its own process. Skipped where Chromium or its driver is missing; ``make
browser`` runs them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest

from tests.support.demo_data import DemoSeeding, demo_server
from tests.support.postgres import TestServer
from tests.support.server import ServerProcess, ServersAhead

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
HAVE_BROWSER = Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "browser: drives a real browser (Chromium)")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    skip = pytest.mark.skip(reason="Chromium and chromedriver are not installed")
    for item in items:
        if "browser" in item.keywords and not HAVE_BROWSER:
            item.add_marker(skip)


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1000,1800",
        "--lang=en-GB",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.implicitly_wait(0)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def demo_servers(
    pg_server: TestServer, demo_seed: DemoSeeding, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServersAhead]:
    """The browser suites' servers, each on a copy of the session's demo data, started while
    the test before its own runs."""

    def started() -> AbstractContextManager[ServerProcess]:
        data_dir = tmp_path_factory.mktemp("server")
        return demo_server(pg_server, demo_seed.result(), data_dir)

    servers = ServersAhead(started)
    try:
        yield servers
    finally:
        servers.close()


@pytest.fixture
def server(demo_servers: ServersAhead) -> Iterator[ServerProcess]:
    """``inkslot serve`` as its own process on a database of its own, with the demo data
    (its log shows the demo accounts' passwords and the texted codes)."""
    stops, running = demo_servers.take()
    try:
        yield running
    finally:
        demo_servers.give_back(stops)
