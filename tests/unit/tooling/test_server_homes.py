"""The test servers' homes in memory: one left by a killed test run is swept away by the
next run, its server stopped; a home whose run is alive is left alone."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

from tests.support.postgres import _sweep_homes_of_dead_runs


def _home(parent: Path, name: str, owner: int) -> Path:
    home = parent / f"inkslot-test-postgres-{name}"
    (home / "pgdata").mkdir(parents=True)
    (home / "owner.pid").write_text(str(owner))
    return home


def _dead_pid() -> int:
    finished = subprocess.Popen(["true"])
    finished.wait()
    return finished.pid


def _quit_as_postgres_does() -> None:
    """A postmaster handles SIGQUIT itself (an immediate stop); the stand-in takes the
    default action, even in a run started in the background, whose shell ignores SIGQUIT
    for everything it starts (an ignored signal survives exec)."""
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)


def test_a_killed_runs_home_goes_and_its_server_is_stopped(tmp_path: Path) -> None:
    orphan = _home(tmp_path, "killed", _dead_pid())
    server = subprocess.Popen(["sleep", "60"], preexec_fn=_quit_as_postgres_does)
    (orphan / "pgdata" / "postmaster.pid").write_text(f"{server.pid}\n/some/data\n")
    living = _home(tmp_path, "living", os.getpid())
    being_made = tmp_path / "inkslot-test-postgres-new"  # no owner written yet
    being_made.mkdir()

    _sweep_homes_of_dead_runs(tmp_path)

    assert server.wait(timeout=10) != 0  # stopped by a signal
    assert not orphan.exists()
    assert living.exists() and being_made.exists()
