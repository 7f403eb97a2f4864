"""docs/api.md's payment walk, run line for line with bash and curl against a real
``inkslot serve`` of the local profile with its demo data: register to confirmed."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.support.demo_data import DemoSeeding, demo_passwords_in, demo_server
from tests.support.postgres import TestServer
from tests.support.walk_scripts import run_in_bash

pytestmark = pytest.mark.serial

DOCS = Path(__file__).resolve().parents[3] / "docs" / "api.md"
_BLOCK = re.compile(r"<!-- payment-walkthrough -->\s*```sh\n(.*?)```", re.S)


@pytest.mark.skipif(shutil.which("curl") is None, reason="the walkthrough uses curl")
def test_the_documented_payment_walk_works(
    pg_server: TestServer, demo_seed: DemoSeeding, tmp_path: Path
) -> None:
    script = _BLOCK.search(DOCS.read_text())
    assert script is not None, "docs/api.md lost its payment walkthrough"
    with demo_server(pg_server, demo_seed.result(), tmp_path / "server") as server:
        passwords = demo_passwords_in(server.log_path.read_text())
        assert {"customer", "artist"} <= passwords.keys(), server.log_tail()
        env = {
            "PATH": os.environ["PATH"],
            "B": server.base_url + "/api/v1",
            "CUSTOMER_PASSWORD": passwords["customer"],
            "ARTIST_PASSWORD": passwords["artist"],
        }
        run = run_in_bash(script.group(1), cwd=tmp_path, env=env, timeout=120)
        assert run.returncode == 0, run.stderr + server.log_tail()
    lines = run.stdout.strip().splitlines()
    assert lines[0] == "pending True" and lines[-1] == "confirmed paid", run.stdout
