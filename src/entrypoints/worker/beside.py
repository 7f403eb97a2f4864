"""The job worker of ``inkslot serve`` (``make run``): one ``inkslot worker`` process beside
the API, started and stopped with it, at a lower CPU priority.

Why a process of its own, below the API's priority: telling people about a booking (its
emails, texts, inbox items, webhooks and projections) costs several times the booking
itself. Run inside the API processes, that work took the cores from the requests that make
bookings: creation ran at 0.35-0.41 of its rate with nobody told (docs/performance.md, "The
cost of a booking"). As a process of its own at niceness ``NICENESS``, the kernel gives the
requests the cores first and the worker what they leave; it catches up as soon as the load
falls. Nothing waits in memory: what it has not done yet is in the outbox and the job queue,
as with any worker.

Rules:
- one worker for the whole server, whatever ``--workers`` says;
- started once the database is ready and migrated; stopped (SIGTERM: its graceful stop,
  then killed after ``stop_within`` seconds) before the embedded PostgreSQL stops;
- a worker that ends by itself is started again after ``restart_after`` seconds;
- it ends with the server, even a server killed with SIGKILL: the worker watches its parent
  (``inkslot worker --with-parent``, ``exit_with_parent``);
- it runs in a process group of its own, so Ctrl-C in a terminal reaches the server only,
  which stops the worker in order; but in the server's session. Where Linux groups
  processes by session for scheduling (autogroup, on by default on most distributions),
  niceness weighs only against the processes of the same session: in the server's session
  the worker yields to the API's processes, while the session as a whole keeps its fair
  share against the rest of the machine. (In a session of its own, with its group lowered
  too, it yielded to every other process on the machine: a test suite or a compiler beside
  ``make run`` starved it for minutes.)
- its statements yield too: the embedded PostgreSQL's server processes serving its
  connections take its niceness (``adapters/backend_priority.py``).
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence

NICENESS = 19
RESTART_AFTER = 5.0
# The worker's own grace for running jobs (``runner.GRACE``, 30 s) and a margin; not
# imported from there, so that the serving process does not import the job queue for it.
STOP_WITHIN = 35.0
PARENT_CHECK_EVERY = 1.0  # seconds between a worker's looks at its parent
_log = logging.getLogger("inkslot.worker")


def worker_command(parent_pid: int, niceness: int = NICENESS) -> list[str]:
    """``inkslot worker`` as this interpreter runs it, tied to ``parent_pid``."""
    return [
        sys.executable, "-m", "entrypoints.cli", "worker",
        "--nice", str(niceness), "--with-parent", str(parent_pid),
    ]  # fmt: skip


class WorkerBeside:
    """Runs ``command`` as a child process until ``stop``, starting it again when it ends
    by itself (see the module rules)."""

    def __init__(
        self,
        command: Sequence[str],
        env: Mapping[str, str],
        *,
        restart_after: float = RESTART_AFTER,
        stop_within: float = STOP_WITHIN,
    ) -> None:
        self._command = list(command)
        self._env = dict(env)
        self._restart_after = restart_after
        self._stop_within = stop_within
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._thread = threading.Thread(target=self._supervise, name="worker-beside", daemon=True)
        self.starts = 0

    @property
    def pid(self) -> int | None:
        """The running worker's process id (None between runs)."""
        with self._lock:
            process = self._process
        return process.pid if process is not None and process.poll() is None else None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """No new start; the running worker is asked to stop, then killed if it has not
        stopped within ``stop_within`` seconds. Returns once it has ended."""
        self._stopping.set()
        with self._lock:
            process = self._process
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(self._stop_within)
            except subprocess.TimeoutExpired:
                _log.warning("the job worker did not stop within %.0f s: killed", self._stop_within)
                process.kill()
                process.wait()
        self._thread.join()

    def _supervise(self) -> None:
        while True:
            with self._lock:
                if self._stopping.is_set():
                    return
                self._process = subprocess.Popen(  # noqa: S603 (our own command line)
                    self._command, env=self._env, process_group=0
                )
                self.starts += 1
            code = self._process.wait()
            if self._stopping.is_set():
                return
            _log.warning(
                "the job worker stopped by itself (exit %s); starting it again shortly", code
            )
            self._stopping.wait(self._restart_after)


def exit_with_parent(parent_pid: int, every: float = PARENT_CHECK_EVERY) -> threading.Thread:
    """Watch ``parent_pid`` from a daemon thread: once this process is no longer its child
    (the parent ended, however it ended), SIGTERM this process, which stops as on any
    SIGTERM. A parent already gone when this is called is noticed at the first look."""

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(every)  # a look at the parent, not a wait for domain time
        _log.warning("the server that started this worker is gone; stopping")
        os.kill(os.getpid(), signal.SIGTERM)

    watcher = threading.Thread(target=watch, name="parent-watch", daemon=True)
    watcher.start()
    return watcher
