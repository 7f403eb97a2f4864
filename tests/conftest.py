"""Settings and fixtures shared by every suite.

Hypothesis runs the ``ci`` profile (300 examples per property) unless HYPOTHESIS_PROFILE
says otherwise; ``dev`` is quicker for a tight edit loop.

PostgreSQL fixtures start nothing until a test asks for them, so the unit suite runs without
a database.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.support.fuzzing import FUZZ_SUMMARY
from tests.support.postgres import TestServer, fresh_database, migrated_template, test_server
from tests.support.replication import Replicated, pgbouncer, pgbouncer_binary, primary_and_replica

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
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestServer]:
    with test_server(tmp_path_factory.mktemp("postgres")) as server:
        yield server


@pytest.fixture(scope="session")
def pg_template(pg_server: TestServer) -> Iterator[str]:
    with migrated_template(pg_server) as name:
        yield name


@pytest.fixture(scope="session")
def replicated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Replicated]:
    """A primary of its own and a streaming replica of it (embedded binaries), started for
    the first test that asks and shared by the session's replica tests."""
    with primary_and_replica(tmp_path_factory.mktemp("replication")) as pair:
        yield pair


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How much the fuzzing suite (tests/api/system/test_fuzzing.py) sent, when it ran."""
    summary = terminalreporter.config.stash.get(FUZZ_SUMMARY, None)
    if summary is not None:
        terminalreporter.write_line(summary)
