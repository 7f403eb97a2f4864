"""Race tests: ``inkslot serve --workers 2`` as its own process on a database of its own,
driven over real HTTP by many concurrent clients, judged afterwards with SQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.support.server import ServerProcess, running_server


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[ServerProcess]:
    with running_server(database_url, tmp_path / "server", workers=2) as process:
        yield process


@pytest.fixture
def db(database_url: str) -> Iterator[psycopg.Connection[Any]]:
    """A plain autocommit connection to the test's database, for seeding and judging."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        yield conn
