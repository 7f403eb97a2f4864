"""Settings and fixtures shared by every suite.

Hypothesis runs the ``ci`` profile (300 examples per property) unless HYPOTHESIS_PROFILE
says otherwise; ``dev`` is quicker for a tight edit loop.

PostgreSQL fixtures start nothing until a test asks for them, so the unit suite runs without
a database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.support import suite_times
from tests.support.demo_data import DemoSeeding
from tests.support.fuzzing import FUZZ_SUMMARY
from tests.support.pool_waits import no_long_pool_wait, pool_waits  # noqa: F401 - fixtures
from tests.support.postgres import (
    TestServer,
    fresh_database,
    migrated_template,
    server_home,
    test_server,
)
from tests.support.replication import Replicated, pgbouncer, pgbouncer_binary, primary_and_replica
from tests.support.walks import Walks, is_walk, walks_of

settings.register_profile(
    "ci",
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    """Async tests (modules marked ``pytest.mark.anyio``) run on asyncio."""
    return "asyncio"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[TestServer]:
    with test_server() as server:
        yield server


@pytest.fixture
def server_tmp_path() -> Iterator[Path]:
    """A temporary directory for a test's own embedded PostgreSQL: outside pytest's basetemp,
    which the next pytest run on the machine makes private again (the server runs as a user
    of its own under root, and would lose its data directory)."""
    with server_home() as home:
        yield home


@pytest.fixture(scope="session")
def pg_template(pg_server: TestServer) -> Iterator[str]:
    with migrated_template(pg_server) as name:
        yield name


@pytest.fixture(scope="session")
def replicated() -> Iterator[Replicated]:
    """A primary of its own and a streaming replica of it (embedded binaries), started for
    the first test that asks and shared by the session's replica tests."""
    with server_home() as home, primary_and_replica(home) as pair:
        yield pair


@pytest.fixture(scope="session")
def demo_seed(
    pg_server: TestServer, pg_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DemoSeeding]:
    """The local profile's demo data, seeded once for the session's demo servers
    (tests/support/demo_data.py)."""
    seeding = DemoSeeding(pg_server, pg_template, tmp_path_factory.mktemp("demo"))
    try:
        yield seeding
    finally:
        seeding.close()


@pytest.fixture(scope="session")
def documented_walks(
    request: pytest.FixtureRequest,
    pg_server: TestServer,
    demo_seed: DemoSeeding,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Walks]:
    """The session's documented walks, running (tests/support/walks.py)."""
    walks = Walks(
        walks_of(request.session.items), pg_server, demo_seed, tmp_path_factory.mktemp("walks")
    )
    try:
        yield walks
    finally:
        walks.close()


@pytest.fixture(scope="session", autouse=True)
def _walks_from_the_start(request: pytest.FixtureRequest) -> None:
    """Start the session's walks with its first test, when it has any."""
    if walks_of(request.session.items):
        request.getfixturevalue("documented_walks")


@pytest.fixture
def pooled(database_url: str) -> Iterator[str]:
    """This test's database through PgBouncer in transaction mode (skipped where the machine
    has no PgBouncer: Debian's ``pgbouncer`` package provides it)."""
    if pgbouncer_binary() is None:
        pytest.skip("PgBouncer is not installed (apt-get install pgbouncer): pooler test skipped")
    with pgbouncer(database_url) as url:
        yield url


@pytest.fixture
def database_url(pg_server: TestServer, pg_template: str) -> Iterator[str]:
    """A migrated database of its own for this test."""
    with fresh_database(pg_server, pg_template) as url:
        yield url


@pytest.fixture
def empty_database_url(pg_server: TestServer) -> Iterator[str]:
    """A database with no tables at all (for migration tests)."""
    with fresh_database(pg_server, None) as url:
        yield url


def pytest_addoption(parser: pytest.Parser) -> None:
    suite_times.pytest_addoption(parser)
    parser.addoption(
        "--database-only",
        action="store_true",
        help="run only the tests that use the session's PostgreSQL (the pass of CI's on a "
        "second server version, TEST_DATABASE_URL)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``--database-only``: the tests whose fixtures reach ``pg_server``, or that ask for it
    by a parameter naming it (the contract suites' ``postgres`` adapters), the others deselected
    (they ran once already, and no server version changes them). The order: see ``_order``."""
    items.sort(key=_order)  # stable: within each group, the order of collection
    if not config.getoption("database_only"):
        return
    kept = [item for item in items if _uses_the_database(item)]
    config.hook.pytest_deselected(items=[item for item in items if item not in kept])
    items[:] = kept


def pytest_configure(config: pytest.Config) -> None:
    suite_times.register(config)


def _order(item: pytest.Item) -> tuple[bool, bool, bool]:
    """The walks last (their tests only wait for what ran since the session began); first
    the fuzzing suite, the longest test by far (the others spread over the remaining test
    processes meanwhile instead of one waiting for it at the end), then the job workers'
    tests, which spend most of their time waiting for a killed worker to be taken for dead
    (20 s) while the walks start their servers."""
    first = item.nodeid.startswith("tests/api/system/test_fuzzing.py")
    return is_walk(item), not first, not item.nodeid.startswith("tests/jobs/")


def _uses_the_database(item: pytest.Item) -> bool:
    if "pg_server" in getattr(item, "fixturenames", ()):
        return True
    callspec = getattr(item, "callspec", None)
    return callspec is not None and any("postgres" in str(v) for v in callspec.params.values())


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How much the fuzzing suite (tests/api/system/test_fuzzing.py) sent, when it ran."""
    summary = terminalreporter.config.stash.get(FUZZ_SUMMARY, None)
    if summary is not None:
        terminalreporter.write_line(summary)
