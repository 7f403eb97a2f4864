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
forked: with ``--workers N`` uvicorn starts its workers as fresh interpreters anyway.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

# What a serving process imports before it answers (entrypoints.cli's `serve`); first, the
# main module of the test run (pytest's script), which each child would import again to
# stand in for its own ``__main__``: imported once in the forkserver, it is already there.
PRELOADED = [
    "__main__",
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
        self.args = argv

    @property
    def pid(self) -> int:
        assert self._process.pid is not None
        return self._process.pid

    @property
    def returncode(self) -> int | None:
        return self._process.exitcode

    def poll(self) -> int | None:
        return self._process.exitcode

    def send_signal(self, signum: int) -> None:
        if self._process.exitcode is None:
            os.kill(self.pid, signum)

    def wait(self, timeout: float | None = None) -> int:
        self._process.join(timeout)
        if self._process.exitcode is None:
            raise subprocess.TimeoutExpired(list(self.args), timeout or 0)
        return self._process.exitcode

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)
