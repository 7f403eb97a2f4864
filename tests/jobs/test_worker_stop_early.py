"""A worker stopped while it starts (before its job queue listens for signals) exits 0."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import cli_env

pytestmark = pytest.mark.serial


def test_a_worker_stopped_while_it_starts_exits_0(tmp_path: Path) -> None:
    """``docker stop`` right after a container's start (an upgrade recreating the worker,
    then ``down``) must read as a stop carried out, not as a crash (143)."""
    with socket.socket() as silent:  # a database that accepts and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        log = tmp_path / "worker.log"
        process = subprocess.Popen(
            [sys.executable, "-m", "entrypoints.cli", "worker"],
            env=cli_env(
                INKSLOT_DATABASE_URL=f"postgresql://inkslot:secret@127.0.0.1:{port}/inkslot",
                INKSLOT_MIGRATE_ON_START="false",
                INKSLOT_SEED_DEMO_DATA="false",
            ),
            stdout=subprocess.DEVNULL,
            stderr=log.open("wb"),
        )
        try:
            # A start takes 3-5 s here; a machine still busy with the suite before may
            # starve it for much longer (run 44: a worker still importing after 20 s).
            silent.settimeout(180)
            waiting, _ = silent.accept()  # the worker is past its imports, connecting
            process.send_signal(signal.SIGTERM)
            assert process.wait(timeout=30) == 0, log.read_text()[-2000:]
            waiting.close()
        finally:
            if process.poll() is None:
                process.kill()
