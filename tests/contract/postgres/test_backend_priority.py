"""A lowered process's connections are served at its priority by a PostgreSQL of this
machine; nothing else is ever lowered (``adapters/backend_priority.py``)."""

from __future__ import annotations

import ipaddress
import json
import os
import subprocess
import sys

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from adapters.backend_priority import _on_this_machine, lower_backend, share_priority
from adapters.postgres.urls import psycopg_url

# A process at niceness 7 opens the app's pool and the job queue's, as the worker beside
# `inkslot serve` does at 19, and one told it is behind a pooler, and reports the niceness
# of the server processes serving each.
_LOWERED = """
import asyncio, json, os, sys
os.nice(7)
from adapters.jobs.queue import job_app
from adapters.postgres.database import Database

def niceness(pid):
    return int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[16])

async def main(url):
    database = Database(url, min_size=1)
    await database.open()
    app = job_app(url)
    await app.open_async()
    pooled = Database(url, min_size=1, behind_pooler=True)
    await pooled.open()
    try:
        async with database.pool.connection() as conn:
            own = conn.info.backend_pid
        async with app.connector.pool.connection() as conn:
            jobs = conn.info.backend_pid
        async with pooled.pool.connection() as conn:
            shared = conn.info.backend_pid
        found = {"own": niceness(own), "jobs": niceness(jobs), "pooler": niceness(shared)}
        print(json.dumps(found))
    finally:
        await pooled.close()
        await app.close_async()
        await database.close()

asyncio.run(main(sys.argv[1]))
"""


def _niceness(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as stat:
        return int(stat.read().rsplit(")", 1)[1].split()[16])


def _may_lower_the_server(url: str) -> bool:
    """The kernel lets this user change the test database's server processes: they run as
    this user, or this is root (the embedded server then runs as a user of its own)."""
    with psycopg.connect(psycopg_url(url)) as conn:
        try:
            owner = os.stat(f"/proc/{conn.info.backend_pid}").st_uid
        except OSError:
            return False  # another machine's, or another container's
    return os.getuid() in (0, owner)


def test_a_lowered_process_is_served_at_its_priority(database_url: str) -> None:
    if not _may_lower_the_server(database_url):
        pytest.skip("the test database's server is not this user's to change")
    found = subprocess.run(
        [sys.executable, "-c", _LOWERED, psycopg_url(database_url)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    # Behind a pooler (told so) the server process is the pooler's to share: left alone.
    expected = {"own": 7, "jobs": 7, "pooler": 0}
    assert json.loads(found.stdout.strip().splitlines()[-1]) == expected


def test_a_process_at_normal_priority_changes_nothing(database_url: str) -> None:
    if os.getpriority(os.PRIO_PROCESS, 0) != 0:
        pytest.skip("the suite itself runs lowered")
    with psycopg.connect(psycopg_url(database_url)) as conn:
        before = _niceness(conn.info.backend_pid)
        assert share_priority(conn.info) is False
        assert _niceness(conn.info.backend_pid) == before


def test_no_process_but_a_postgresql_server_is_ever_lowered() -> None:
    """This test's own process (Python, not PostgreSQL) keeps its priority, as would any
    other process a foreign server's pid happens to name here."""
    before = os.getpriority(os.PRIO_PROCESS, 0)
    assert lower_backend(os.getpid(), 19) is False
    assert os.getpriority(os.PRIO_PROCESS, 0) == before
    assert lower_backend(2**22 + 1, 19) is False  # beyond any pid this kernel hands out


@given(st.ip_addresses())
def test_only_loopback_addresses_are_this_machine(
    address: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> None:
    assert _on_this_machine(str(address)) is address.is_loopback


@pytest.mark.parametrize(
    ("host", "here"),
    [
        ("", True),  # libpq's default: the Unix socket
        ("/run/postgresql", True),
        ("/work/.inkslot/postgres", True),
        ("localhost", True),
        ("db.example.com", False),
        ("postgres", False),  # compose's service name: another container
    ],
)
def test_unix_sockets_and_localhost_are_this_machine(host: str, here: bool) -> None:
    assert _on_this_machine(host) is here
