"""The clients' suites: a real ``inkslot serve`` with the demo data for their walks
(docs/clients.md), one per module."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.support.demo_data import DemoSeeding, demo_passwords_in, demo_server
from tests.support.postgres import TestServer

ARTIST_EMAIL = "artist@inkslot.local"  # the demo artist, Saraa Ink (entrypoints/seed.py)


@dataclass(frozen=True)
class DemoApi:
    """A running server on a copy of the demo data, and the demo artist's sign-in."""

    url: str  # the origin: the operations' paths carry /api/v1
    artist_email: str
    artist_password: str


@pytest.fixture(scope="module")
def clients_server(
    pg_server: TestServer, demo_seed: DemoSeeding, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[DemoApi]:
    data_dir = tmp_path_factory.mktemp("clients") / "server"
    with demo_server(pg_server, demo_seed.result(), data_dir) as server:
        passwords = demo_passwords_in(server.log_path.read_text())
        assert "artist" in passwords, server.log_tail()
        yield DemoApi(server.base_url, ARTIST_EMAIL, passwords["artist"])
