"""The documented walks: the shell blocks of README.md and docs/*.md marked
``<!-- walk: NAME STEP -->`` (a block may belong to several walks: ``<!-- walk: a 1, b 1
-->``), put together by walk in step order, and run with bash (``-euo pipefail``) against a
real ``inkslot serve`` of the local profile with its demo data, as ``make run`` serves a
fresh clone (a copy of the session's seeded demo data: tests/support/demo_data.py). A walk
is given what a reader has: ``$B`` (the base URL), the demo passwords ``make run`` printed,
and its log (``$LOG``: the text messages of the local profile are log lines).

Most of a walk's time is spent waiting for the wall clock (an appointment to start, the
worker to send), so every walk of a session runs at once, each in a thread of its own and
against a server of its own (``Walks``): they start when the session's first test does, the
session goes on with its other tests meanwhile, and tests/api/system/test_documented_walks.py
reports each walk at the end of the session.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.cli import cli_env
from tests.support.demo_data import DemoSeeding, demo_passwords_in
from tests.support.postgres import TestServer
from tests.support.server import ServerProcess, free_port, running_server, wait_until_answering
from tests.support.walk_scripts import ROOT, WALKS, run_in_bash

SCRIPT_TIMEOUT = 300  # seconds a walk's script may take once its server is up


@dataclass(frozen=True)
class WalkRun:
    returncode: int
    output: str  # the walk's stdout and stderr, then the end of the server's log
    passwords_shown: bool  # the server printed the demo accounts' passwords


def run_walk(name: str, server: TestServer, seeding: DemoSeeding, home: Path) -> WalkRun:
    """One walk on a server of its own, on a copy of the demo data of its own, in ``home``:
    ``var/`` beside the walk's working directory is the server's data directory, as it is
    beside the clone for ``make run`` (emails land in var/mail)."""
    seeded = seeding.result()
    # Fifteen servers start at once with the session: that takes a while on a busy machine.
    with (
        seeded.copy(server, home / "var") as database_url,
        _walk_services(name, home) as extra,
        running_server(
            database_url,
            home / "var",
            workers=1,
            ready_within_s=300,
            log_starts_with=seeded.printed,
            forked=True,
            **{k: v for k, v in extra.items() if k.startswith("INKSLOT_")},
        ) as running,
    ):
        return _walk(name, home, running, extra)


def _walk(name: str, home: Path, running: ServerProcess, extra: dict[str, str]) -> WalkRun:
    passwords = demo_passwords_in(running.log_path.read_text())
    if not {"customer", "artist", "admin"} <= passwords.keys():
        return WalkRun(-1, running.log_tail(), passwords_shown=False)
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(home),
        "B": running.base_url + "/api/v1",
        "LOG": str(running.log_path),  # what `make run` prints, as a reader sees it
        "CUSTOMER_PASSWORD": passwords["customer"],
        "ARTIST_PASSWORD": passwords["artist"],
        "ADMIN_PASSWORD": passwords["admin"],
        **extra,
    }
    run = run_in_bash(WALKS[name], cwd=home, env=env, timeout=SCRIPT_TIMEOUT)
    output = f"{run.stdout}\n{run.stderr}\n{running.log_tail()}"
    return WalkRun(run.returncode, output, passwords_shown=True)


WALK_TEST = "test_the_documented_walk_runs"  # tests/api/system/test_documented_walks.py


def is_walk(item: object) -> bool:
    return getattr(item, "originalname", None) == WALK_TEST


def walks_of(items: list[pytest.Item]) -> list[str]:
    """The walks these test items report."""
    return sorted(str(item.callspec.params["name"]) for item in items if is_walk(item))  # type: ignore[attr-defined]


class Walks:
    """The walks of a session, running: started together, each in a thread of its own."""

    def __init__(
        self, names: list[str], server: TestServer, seeding: DemoSeeding, base: Path
    ) -> None:
        self._pool = ThreadPoolExecutor(max_workers=max(1, len(names)), thread_name_prefix="walk")
        for name in names:
            (base / name).mkdir(parents=True, exist_ok=True)
        self.runs: dict[str, Future[WalkRun]] = {
            name: self._pool.submit(run_walk, name, server, seeding, base / name) for name in names
        }

    def close(self) -> None:
        self._pool.shutdown(wait=True)


# docs/telegram.md, "Trying it locally": the fake Bot API its reader starts first, and what
# they export for `make run` and for the walk's own `.venv/bin/inkslot telegram set-webhook`.
LOCAL_BOT = {
    "INKSLOT_TELEGRAM_BOT_TOKEN": "123456:local-fake-token-for-make-run",
    "INKSLOT_TELEGRAM_BOT_USERNAME": "InkslotLocalBot",
}


# docs/payments.md, "Trying Stripe locally": how its reader starts `make run`.
STRIPE_RUN = {"INKSLOT_STRIPE_FAKE": "1", "INKSLOT_PLATFORM_FEE_PERCENT": "10"}


@contextmanager
def _walk_services(name: str, home: Path) -> Iterator[dict[str, str]]:
    """What a walk's reader has running besides ``make run``, and the variables they
    exported (none for most walks)."""
    if name == "stripe":  # docs/payments.md, "Trying Stripe locally"
        yield dict(STRIPE_RUN)
        return
    if name != "telegram":
        yield {}
        return
    port = free_port()
    fake = f"http://127.0.0.1:{port}"
    env = {**LOCAL_BOT, "INKSLOT_TELEGRAM_API_URL": fake}
    command = [sys.executable, "-m", "entrypoints.cli", "telegram", "fake-api", "--port", str(port)]
    process = subprocess.Popen(command, env=cli_env(**env), stdout=subprocess.DEVNULL)
    (home / ".venv").symlink_to(ROOT / ".venv")  # the walk runs from the clone
    try:
        wait_until_answering(fake + "/", process)
        yield {**env, "FAKE": fake}
    finally:
        process.terminate()
        process.wait(timeout=10)
