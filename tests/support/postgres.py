"""PostgreSQL for tests: one server per test session, one migrated template, and a fresh
database per test cloned from the template (tens of milliseconds).

The server is the embedded one (throwaway, fsync off) unless ``TEST_DATABASE_URL`` names
another, e.g. the machine's PostgreSQL 15 on CI. Test databases are created on that server
next to the named database and dropped after each test.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

from adapters.postgres import migrate
from adapters.postgres.embedded import UNSAFE_FAST_SETTINGS, EmbeddedPostgres


@dataclass(frozen=True)
class TestServer:
    admin_url: str  # a database we may connect to for CREATE/DROP DATABASE

    def url_for(self, database: str) -> str:
        return urlsplit(self.admin_url)._replace(path="/" + database).geturl()

    def execute(self, statement: sql.SQL | sql.Composed) -> None:
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(statement)

    def create_database(self, name: str, template: str | None = None) -> str:
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement = sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)
            )
        self.execute(statement)
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        self.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@contextmanager
def test_server(base_dir: Path) -> Iterator[TestServer]:
    external = os.environ.get("TEST_DATABASE_URL")
    if external:
        yield TestServer(external)
        return
    server = EmbeddedPostgres(base_dir / "pgdata", settings=UNSAFE_FAST_SETTINGS)
    server.start()
    try:
        yield TestServer(server.url())
    finally:
        server.destroy()


@contextmanager
def migrated_template(server: TestServer) -> Iterator[str]:
    name = f"inkslot_template_{uuid.uuid4().hex[:10]}"
    url = server.create_database(name)
    try:
        migrate.upgrade(url)
        yield name
    finally:
        server.drop_database(name)


@contextmanager
def fresh_database(server: TestServer, template: str | None) -> Iterator[str]:
    name = f"inkslot_test_{uuid.uuid4().hex[:12]}"
    url = server.create_database(name, template)
    try:
        yield url
    finally:
        server.drop_database(name)
