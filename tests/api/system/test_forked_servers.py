"""Servers forked from the preloaded interpreter (tests/support/forked.py) are processes as
the console script starts them: the environment and log they are given, the exit code the
command ends with, a stop by SIGINT that drains and exits 0, and a kill seen as one."""

from __future__ import annotations

import signal
import urllib.request
from pathlib import Path

import pytest

from tests.support.forked import ForkedProcess
from tests.support.server import running_server, server_env

pytestmark = pytest.mark.serial


def test_a_forked_command_runs_with_the_environment_and_log_it_is_given(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    log.write_text("before\n")
    env = server_env(None, tmp_path, INKSLOT_PORT="not-a-port")
    process = ForkedProcess(["serve"], env, log)
    assert process.wait(timeout=60) == 2
    written = log.read_text()
    assert written.startswith("before\n")
    assert "INKSLOT_PORT" in written, written


def test_a_forked_server_answers_and_stops_on_sigint_with_0(
    database_url: str, tmp_path: Path
) -> None:
    with running_server(database_url, tmp_path / "server", workers=1, forked=True) as server:
        with urllib.request.urlopen(server.base_url + "/health/ready", timeout=10) as ready:
            assert ready.status == 200
        assert server.process.poll() is None
    assert server.process.returncode == 0, server.log_tail()


def test_a_killed_forked_server_reports_the_signal(database_url: str, tmp_path: Path) -> None:
    with running_server(database_url, tmp_path / "server", workers=1, forked=True) as server:
        server.process.kill()
        assert server.process.wait(timeout=30) == -signal.SIGKILL
