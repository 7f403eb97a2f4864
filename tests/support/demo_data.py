"""The local profile's demo data, seeded once per test session and copied for every server
that wants it.

Seeding (three accounts, a dozen approved artists with their hours, services and generated
pictures, one booking) goes through the use cases and costs a starting server about two
seconds of CPU: the browser suites and the documented walks start some forty such servers.
So one ``inkslot serve`` seeds a database of its own at the session's start, as ``make run``
seeds a fresh clone, and is stopped; that database becomes a template, and each demo server
gets a clone of it (tens of milliseconds in memory) and a copy of the seeding server's data
directory (its local secrets, which the sealed columns and the signed links need, the
pictures in its store, the mail its worker sent).

A copy keeps what the seeding server printed of the demo accounts (the passwords exist in
clear only there): its server's log starts with those lines, so a test or a walk reads the
passwords off the log as a reader of ``make run`` does.
"""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.postgres import TestServer, fresh_database
from tests.support.server import ServerProcess, running_server

# The demo accounts as ``inkslot serve`` prints them when it seeds: role, email, password.
DEMO_ACCOUNT = re.compile(r"^\s+(admin|artist|customer)\s+\S+@inkslot\.local\s+(\S+)\s*$", re.M)
_NOT_COPIED = shutil.ignore_patterns("server.log", "metrics")


@dataclass(frozen=True)
class SeededDemo:
    """The demo data of a session: a template database and the data directory beside it."""

    template: str  # a database of the session's test server, used only as a template
    data_dir: Path
    printed: str  # what the seeding server printed of the demo accounts, passwords included

    @contextmanager
    def copy(self, server: TestServer, data_dir: Path) -> Iterator[str]:
        """A database of its own cloned from the seeded one, and ``data_dir`` made a copy of
        the seeding server's files; yields the database's URL and drops it on leaving."""
        shutil.copytree(self.data_dir, data_dir, ignore=_NOT_COPIED, dirs_exist_ok=True)
        with fresh_database(server, self.template) as database_url:
            yield database_url


@contextmanager
def seeded_demo(server: TestServer, migrated: str, home: Path) -> Iterator[SeededDemo]:
    """Seed the demo data once through ``inkslot serve`` (on a clone of ``migrated``, its
    files under ``home``), stop the server, and keep its database as the template."""
    name = f"inkslot_demo_{uuid.uuid4().hex[:12]}"
    database_url = server.create_database(name, migrated)
    try:
        data_dir = home / "seeded"
        # Seeding on a busy machine (the walks' and browsers' first servers) takes a while.
        with running_server(
            database_url, data_dir, workers=1, ready_within_s=300, INKSLOT_SEED_DEMO_DATA="true"
        ) as seeding:
            printed = _accounts_printed(seeding)
        yield SeededDemo(name, data_dir, printed)
    finally:
        server.drop_database(name)


def demo_passwords_in(log: str) -> dict[str, str]:
    """The demo accounts' passwords by role (``admin``, ``artist``, ``customer``) in a
    server's log."""
    return dict(DEMO_ACCOUNT.findall(log))


def _accounts_printed(seeding: ServerProcess) -> str:
    """The lines of the log that list the demo accounts (printed before the server is
    ready, so they are there once it is)."""
    found = list(DEMO_ACCOUNT.finditer(seeding.log_path.read_text()))
    if sorted(line.group(1) for line in found) != ["admin", "artist", "customer"]:
        raise RuntimeError(f"the seeding server printed no demo accounts:\n{seeding.log_tail()}")
    return "Demo accounts (passwords are shown this once):\n" + "".join(
        line.group(0).rstrip() + "\n" for line in found
    )


@contextmanager
def demo_server(
    server: TestServer,
    seeded: SeededDemo,
    data_dir: Path,
    ready_within_s: float = 90,
    **extra_env: str,
) -> Iterator[ServerProcess]:
    """``inkslot serve`` (one process) on a copy of the session's demo data, its log
    starting with the demo accounts the seeding printed."""
    with (
        seeded.copy(server, data_dir) as database_url,
        running_server(
            database_url,
            data_dir,
            workers=1,
            ready_within_s=ready_within_s,
            log_starts_with=seeded.printed,
            forked=True,
            **extra_env,
        ) as running,
    ):
        yield running


class DemoSeeding:
    """The session's demo data, seeded in a thread of its own from the moment this is made
    (the session's first tests go on meanwhile); :meth:`result` waits for it."""

    def __init__(self, server: TestServer, migrated: str, home: Path) -> None:
        self._kept = ExitStack()
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-seed")
        self._seeded = self._thread.submit(
            self._kept.enter_context, seeded_demo(server, migrated, home)
        )

    def result(self) -> SeededDemo:
        return self._seeded.result()

    def close(self) -> None:
        """Drop the template (every copy of it is gone by now: its users close first)."""
        self._thread.shutdown(wait=True)
        self._kept.close()
