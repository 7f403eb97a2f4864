"""``inkslot serve`` forked from an interpreter that has imported it already.

A test server's start is mostly imports (Litestar, SQLAlchemy, the contexts: about half of
the CPU a one-process ``inkslot serve`` spends until it answers); the browser suites and the
documented walks start some forty servers of one process each. multiprocessing's
*forkserver* imports the server's modules once, in a process of its own started by the
first such server, and forks it for each one: the child is a new process as before (its
own pid, environment, log file, signals and exit code; its own database and data
directory), which parses the command line and runs ``inkslot serve`` as the console script
would, with the imports done.

What a test needs of the process (poll, signal, wait, kill, the exit code) is what
:class:`ForkedProcess` offers, as ``subprocess.Popen`` does. Only one-process servers are
forked: with ``--workers N`` uvicorn starts its workers as fresh interpreters anyway. Where
a fork differs from a fresh interpreter, the tests keep fresh ones: ``atexit`` handlers do
not run in the child (tracing's exporter flushes there), ``TZ`` and ``PYTHON*`` variables
of its environment come too late to matter, and a SIGINT before uvicorn's handlers are in
place ends it with 1 and a traceback, not -2 (the tests about stopping start fresh ones).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path

# What a serving process imports before it answers (entrypoints.cli's `serve`); first,
# pytest: each child runs the test run's main script (pytest's) again to stand in for its
# own ``__main__`` (Python 3.11's forkserver cannot preload ``__main__`` itself), and that
# script imports pytest.
PRELOADED = [
    "pytest",
    "uvicorn",
    "uvicorn.config",
    "uvicorn.server",
    "entrypoints.cli",
    "entrypoints.app",
    "entrypoints.container",
    "entrypoints.database",
    "entrypoints.startup",
    "entrypoints.http.protocols",
]


def _serve(argv: Sequence[str], env: Mapping[str, str], log_path: str) -> None:
    """In the forked child: the environment and output of the test server, then the
    command line as ``inkslot`` would run it."""
    os.setsid()  # a session of its own, as a fresh server's (tests/support/server.py)
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    os.environ.clear()
    os.environ.update(env)
    sys.argv = ["inkslot", *argv]
    from entrypoints.cli import main

    raise SystemExit(main(list(argv)))


class ForkedProcess:
    """A forked server process, with the part of ``subprocess.Popen`` the tests use."""

    def __init__(self, argv: Sequence[str], env: Mapping[str, str], log_path: Path) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOADED)
        self._process = context.Process(
            target=_serve, args=(list(argv), dict(env), str(log_path)), name="inkslot serve"
        )
        self._process.start()
        # Each start of a multiprocessing child polls every other live child, from whichever
        # thread starts it; with a forkserver two threads polling one child race for its exit
        # code on one pipe, and the loser records 255. So no other start polls this one, and
        # its own polls take turns.
        multiprocessing.process._children.discard(self._process)  # type: ignore[attr-defined]
        self._polling = threading.Lock()
        self.args = argv

    @property
    def pid(self) -> int:
        assert self._process.pid is not None
        return self._process.pid

    @property
    def returncode(self) -> int | None:
        return self.poll()

    def poll(self) -> int | None:
        with self._polling:
            return self._process.exitcode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def wait(self, timeout: float | None = None) -> int:
        with self._polling:
            self._process.join(timeout)
            code = self._process.exitcode
        if code is None:
            raise subprocess.TimeoutExpired(list(self.args), timeout or 0)
        return code

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)
