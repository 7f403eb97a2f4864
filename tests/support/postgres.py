"""PostgreSQL for tests: one server per test session (per xdist worker), one migrated
template, and a database of its own for each test, cloned from the template.

The server is the embedded one (throwaway, fsync off) unless ``TEST_DATABASE_URL`` names
another; ``INKSLOT_TEST_POSTGRES_BIN`` runs it with another installation's binaries (CI's
pass on the machine's PostgreSQL 15). Its data lives in memory (``/dev/shm`` where
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
import signal
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
# Another installation's binaries for the session's server (a machine's own PostgreSQL, e.g.
# /usr/lib/postgresql/15/bin): CI's pass on a second server version, in memory as the
# first pass.
OTHER_BINARIES = "INKSLOT_TEST_POSTGRES_BIN"


def settings_for(major_version: int) -> dict[str, str]:
    """The test server's settings that its version knows (``scram_iterations`` came in 16:
    before it, every login pays PostgreSQL's 4096 iterations)."""
    if major_version < 16:
        return {k: v for k, v in TEST_SERVER_SETTINGS.items() if k != "scram_iterations"}
    return TEST_SERVER_SETTINGS


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


_HOME_PREFIX = "inkslot-test-postgres-"
_OWNER = "owner.pid"


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sweep_homes_of_dead_runs(parent: Path) -> None:
    """Remove the server homes whose test process was killed before it could (SIGKILL, a
    machine's OOM killer): in memory they would hold their data until the next reboot. A
    server still running over one is stopped first; a home whose owner lives is left."""
    for home in parent.glob(f"{_HOME_PREFIX}*"):
        try:
            owner = int((home / _OWNER).read_text())
        except (OSError, ValueError):
            continue  # being made, or not ours
        if _is_alive(owner):
            continue
        for pid_file in home.glob("**/postmaster.pid"):
            try:
                postmaster = int(pid_file.read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue
            if _is_alive(postmaster):
                os.kill(postmaster, signal.SIGQUIT)  # immediate stop: nobody uses its data
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def server_home() -> Iterator[Path]:
    """A directory for an embedded server's data: in memory where the machine has
    ``/dev/shm``, outside pytest's basetemp either way, shared with no other run, and removed
    with everything in it at the end."""
    memory = IN_MEMORY if IN_MEMORY.is_dir() and os.access(IN_MEMORY, os.W_OK) else None
    _sweep_homes_of_dead_runs(Path(memory or tempfile.gettempdir()))
    home = Path(tempfile.mkdtemp(prefix=_HOME_PREFIX, dir=memory))
    (home / _OWNER).write_text(str(os.getpid()))
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
        binaries = os.environ.get(OTHER_BINARIES)
        server = EmbeddedPostgres(home / "pgdata", bin_dir=Path(binaries) if binaries else None)
        server.settings = settings_for(server.major_version())
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
