"""Browser tests: Selenium driving the machine's Chromium (headless) against ``inkslot
serve`` as its own process. Skipped where Chromium or its driver is missing; ``make
browser`` runs them."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.support.postgres import TestServer, fresh_database
from tests.support.server import ServerProcess, ServersAhead, running_server

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
    pg_server: TestServer, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServersAhead]:
    """The browser suites' servers, each started while the test before its own runs."""

    @contextmanager
    def demo_server() -> Iterator[ServerProcess]:
        data_dir = tmp_path_factory.mktemp("server")
        with (
            fresh_database(pg_server, pg_template) as database_url,
            running_server(database_url, data_dir, workers=1, INKSLOT_SEED_DEMO_DATA="true") as up,
        ):
            yield up

    servers = ServersAhead(demo_server)
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
