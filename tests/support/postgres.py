"""PostgreSQL for tests: one server per test session (per xdist worker), one migrated
template, and a database of its own for each test, cloned from the template.

The server is the embedded one (throwaway, fsync off) unless ``TEST_DATABASE_URL`` names
another, e.g. the machine's PostgreSQL on CI. Its data lives in memory (``/dev/shm`` where
the machine has it) in a directory of its own, for two reasons:

- speed: cloning the 13 MB template (``STRATEGY FILE_COPY``, a few hundred small files)
  takes about 25 ms there, and 250-450 ms on these machines' disks, where every file created
  costs a millisecond; a drop takes about 11 ms;
- isolation: not under pytest's ``basetemp``, whose per-user root pytest makes private again
  at every start; a server running as another user under it (the embedded server does,
  under root) would lose its data directory to the next pytest run beside it.

Each test's database is dropped after it (in memory, the session's 1,300 clones would hold
16 GB). Nothing is cloned or dropped ahead in the background: both take a transaction id,
and any transaction still open anywhere on the server holds back the outbox feed's
visibility horizon (``pg_snapshot_xmin``), so a feed test would see nothing of what it just
committed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
from psycopg import sql

from adapters.postgres import migrate
from adapters.postgres.embedded import UNSAFE_FAST_SETTINGS, EmbeddedPostgres

IN_MEMORY = Path("/dev/shm")  # noqa: S108 - a directory of our own is made inside it
# The documented walks run at once, each a server with its pools and its worker's listener:
# PostgreSQL's default of 100 connections would refuse some of them.
TEST_SERVER_SETTINGS = {**UNSAFE_FAST_SETTINGS, "max_connections": "400"}


@dataclass
class TestServer:
    __test__ = False  # not a test class, though pytest would collect it by its name

    admin_url: str  # a database we may connect to for CREATE/DROP DATABASE
    # How a test's database is cloned: FILE_COPY in memory (about 25 ms, and 11 ms to drop),
    # PostgreSQL's default WAL_LOG on a disk (FILE_COPY syncs each of the template's files).
    strategy: str = "WAL_LOG"
    _admin: psycopg.Connection[tuple[object, ...]] | None = field(default=None, repr=False)

    def url_for(self, database: str) -> str:
        return urlsplit(self.admin_url)._replace(path="/" + database).geturl()

    def execute(self, statement: sql.SQL | sql.Composed) -> None:
        """On one connection kept for the session (idle between statements, holding no
        transaction), made again if it was lost."""
        if self._admin is None or self._admin.closed:
            self._admin = psycopg.connect(self.admin_url, autocommit=True)
        self._admin.execute(statement)

    def close(self) -> None:
        if self._admin is not None:
            self._admin.close()

    def create_database(self, name: str, template: str | None = None) -> str:
        statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            statement = sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY {}").format(
                sql.Identifier(name), sql.Identifier(template), sql.SQL(self.strategy)
            )
        self.execute(statement)
        return self.url_for(name)

    def drop_database(self, name: str) -> None:
        self.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


@contextmanager
def server_home() -> Iterator[Path]:
    """A directory for an embedded server's data: in memory where the machine has
    ``/dev/shm``, outside pytest's basetemp either way, shared with no other run, and removed
    with everything in it at the end."""
    memory = IN_MEMORY if IN_MEMORY.is_dir() and os.access(IN_MEMORY, os.W_OK) else None
    home = Path(tempfile.mkdtemp(prefix="inkslot-test-postgres-", dir=memory))
    try:
        yield home
    finally:
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def test_server() -> Iterator[TestServer]:
    external = os.environ.get("TEST_DATABASE_URL")
    if external:
        test = TestServer(external)
        try:
            yield test
        finally:
            test.close()
        return
    with server_home() as home:
        server = EmbeddedPostgres(home / "pgdata", settings=TEST_SERVER_SETTINGS)
        try:
            server.start()
            test = TestServer(server.url(), strategy="FILE_COPY")
            yield test
            test.close()
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
