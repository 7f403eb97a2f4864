"""The TypeScript client (clients/typescript) against a real ``inkslot serve`` with the demo
data: its own suite (``npm test``: tsc, then node's test runner over test/walk.test.ts) is
given the server's origin and the demo artist's sign-in by environment. Without Node or npm
it is skipped, saying why; ``npm ci`` runs first when node_modules is not the lockfile's
(scripts/clients.py), and an install that fails is an error."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from scripts.clients import TYPESCRIPT, NodeMissingError, ensure_node_modules

from tests.clients.conftest import DemoApi

pytestmark = pytest.mark.serial


def test_the_typescript_client_walks_the_booking_and_reads_problems(
    clients_server: DemoApi,
) -> None:
    try:
        ensure_node_modules()
    except NodeMissingError as missing:
        pytest.skip(f"the TypeScript client's suite cannot run: {missing}")
    npm = shutil.which("npm")
    assert npm is not None
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")},
        "INKSLOT_URL": clients_server.url,
        "INKSLOT_ARTIST_EMAIL": clients_server.artist_email,
        "INKSLOT_ARTIST_PASSWORD": clients_server.artist_password,
        "NO_COLOR": "1",
    }
    run = subprocess.run(
        [npm, "test", "--silent"],
        cwd=TYPESCRIPT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    # node's runner closes with its counts (TAP when its output is not a terminal).
    counts = dict(re.findall(r"^# (pass|fail|skipped|todo) (\d+)$", run.stdout, re.M))
    assert counts.get("fail") == "0" and counts.get("skipped") == "0", output
    assert int(counts.get("pass", "0")) >= 2, output
