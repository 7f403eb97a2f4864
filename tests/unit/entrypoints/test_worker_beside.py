"""The job worker ``inkslot serve`` runs beside the API (``entrypoints.worker.beside``), with
real processes: started again whenever it ends by itself, stopped (then killed if it will
not stop) when the server stops, and gone with a server that was killed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from entrypoints.cli import main
from entrypoints.worker.beside import STOP_WITHIN, WorkerBeside, exit_with_parent, worker_command
from entrypoints.worker.runner import GRACE


def _until(condition: Callable[[], bool], limit_s: float = 60.0) -> None:
    """Polls ``condition`` (another process's progress, not the passing of time)."""
    deadline = time.monotonic() + limit_s
    while not condition():
        assert time.monotonic() < deadline, "the condition did not come true in time"
        time.sleep(0.02)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_a_worker_that_ends_by_itself_is_started_again_until_stopped(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    command = _python(f"open({str(runs)!r}, 'a').write('x')")
    worker = WorkerBeside(command, os.environ, restart_after=0)
    worker.start()
    _until(lambda: runs.exists() and len(runs.read_text()) >= 3)
    worker.stop()
    count = len(runs.read_text())
    assert worker.starts == count or worker.starts == count + 1  # one may be ending
    assert worker.pid is None


def test_stopping_asks_the_worker_to_stop_and_waits_for_it(tmp_path: Path) -> None:
    stopped, ready = tmp_path / "stopped", tmp_path / "ready"
    code = (
        "import signal, sys, time\n"
        f"def stop(*_): open({str(stopped)!r}, 'w').write('graceful'); sys.exit(0)\n"
        "signal.signal(signal.SIGTERM, stop)\n"
        f"open({str(ready)!r}, 'w').write('ready')\n"
        "while True: time.sleep(1)\n"
    )
    worker = WorkerBeside(_python(code), os.environ)
    worker.start()
    _until(ready.exists)
    pid = worker.pid
    assert pid is not None
    worker.stop()
    assert stopped.read_text() == "graceful"
    assert not _alive(pid)
    assert worker.starts == 1  # stopping is no reason to start it again


def test_a_worker_that_will_not_stop_is_killed_after_its_time(tmp_path: Path) -> None:
    ready = tmp_path / "ready"
    code = (
        "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        f"open({str(ready)!r}, 'w').write('ready')\ntime.sleep(60)"
    )
    worker = WorkerBeside(_python(code), os.environ, stop_within=0.5)
    worker.start()
    _until(ready.exists)
    pid = worker.pid
    assert pid is not None
    worker.stop()
    assert not _alive(pid)


def test_the_worker_gets_its_own_graceful_stop_before_it_is_killed() -> None:
    assert STOP_WITHIN > GRACE


def test_the_worker_is_inkslot_worker_at_a_lower_priority_tied_to_the_server() -> None:
    command = worker_command(4242, niceness=7)
    assert command[:4] == [sys.executable, "-m", "entrypoints.cli", "worker"]
    assert command[4:] == ["--nice", "7", "--with-parent", "4242"]


def test_a_worker_whose_server_was_killed_stops(tmp_path: Path) -> None:
    """The server (here a stand-in that starts the watched child, as serve does) dies by
    SIGKILL; its worker notices within its look interval and stops through SIGTERM."""
    pid_file = tmp_path / "worker.pid"
    child = (
        "import os, signal, sys, time\n"
        "from entrypoints.worker.beside import exit_with_parent\n"
        f"open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n"
        "signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))\n"
        "exit_with_parent(int(sys.argv[1]), every=0.05)\n"
        "while True: time.sleep(1)\n"
    )
    server = (
        "import os, subprocess, sys, time\n"
        f"subprocess.Popen([sys.executable, '-c', {child!r}, str(os.getpid())])\n"
        "time.sleep(60)\n"
    )
    stand_in = subprocess.Popen(_python(server))
    try:
        _until(lambda: pid_file.exists() and pid_file.read_text() != "")
        worker_pid = int(pid_file.read_text())
        assert _alive(worker_pid)
        stand_in.send_signal(signal.SIGKILL)
        stand_in.wait(timeout=10)
        _until(lambda: not _alive(worker_pid) or _zombie(worker_pid))
    finally:
        if stand_in.poll() is None:
            stand_in.kill()


def _zombie(pid: int) -> bool:
    """A child reparented to an init that has not reaped it yet is gone all the same."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (FileNotFoundError, IndexError):
        return True


def test_a_parent_already_gone_is_noticed_at_the_first_look() -> None:
    """``exit_with_parent`` with a pid that is not the parent SIGTERMs at once."""
    received: list[int] = []
    previous = signal.signal(signal.SIGTERM, lambda signum, _: received.append(signum))
    try:
        exit_with_parent(os.getppid() + 1_000_000, every=0.01).join(timeout=10)
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert received == [signal.SIGTERM]


@pytest.mark.parametrize("nice", ["-1", "20"])
def test_a_niceness_out_of_range_is_refused(nice: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["worker", "--nice", nice]) == 2
    assert "--nice must be between 0 and 19" in capsys.readouterr().err
