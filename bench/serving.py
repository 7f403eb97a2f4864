"""Shared by the benchmarks: a revision's tree to serve, wait for a started ``inkslot serve``
to answer, and stop it."""

from __future__ import annotations

import signal
import subprocess
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def export(revision: str, into: Path) -> Path:
    """The revision's tree (``git archive``), with its own migrations."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True
    ).stdout
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def wait_until_ready(process: subprocess.Popen[bytes], port: int, limit_s: float = 90) -> None:
    """Poll ``/health/ready`` until it answers; kill the process and exit if it never does."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=2):
                return
        except OSError:
            time.sleep(0.2)  # polling a starting process
    process.kill()
    raise SystemExit("the server did not become ready")


def stop_server(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
