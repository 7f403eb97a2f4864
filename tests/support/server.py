"""``inkslot serve`` as its own process, for tests that need real HTTP and real workers.

The server runs the ``local`` profile on a test database of its own (``INKSLOT_DATABASE_URL``,
so the embedded server of the test session is used and nothing is started twice), with cheap
argon2, no demo data and an auth rate limit no test reaches. Its output goes to a file in
its data directory (a pipe nobody reads would stall a busy server); :meth:`log_tail` shows
the end of it in assertion messages.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import AbstractContextManager, ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support.forked import ForkedProcess

CHEAP_ARGON2_ENV = {
    "INKSLOT_ARGON2_TIME_COST": "1",
    "INKSLOT_ARGON2_MEMORY_KIB": "64",
    "INKSLOT_ARGON2_PARALLELISM": "1",
}


_HANDED_OUT: set[int] = set()
_HANDING_OUT = threading.Lock()


def free_port() -> int:
    """A loopback port nobody listens on now, and never one this process handed out before
    (tests that start servers from several threads at once would otherwise get the same)."""
    with _HANDING_OUT:
        while True:
            with socket.socket() as s:
                s.bind(("127.0.0.1", 0))
                port = int(s.getsockname()[1])
            if port not in _HANDED_OUT:
                _HANDED_OUT.add(port)
                return port


def server_env(database_url: str | None, data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a test server: nothing inherited from the caller's ``INKSLOT_*``.
    Without ``database_url`` the local profile starts its embedded PostgreSQL under
    ``data_dir`` and migrates it, as ``make run`` does. A ``database_url`` is a test's clone of
    the migrated template: nothing to migrate (a pass of Alembic that finds nothing to do still
    costs a process a second of CPU)."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")}
    database = (
        {}
        if database_url is None
        else {"INKSLOT_DATABASE_URL": database_url, "INKSLOT_MIGRATE_ON_START": "false"}
    )
    return {
        **base,
        **CHEAP_ARGON2_ENV,
        **database,
        # The local profile keeps its JWT secret here: never in the repository's ./var.
        "INKSLOT_DATA_DIR": str(data_dir),
        "INKSLOT_SEED_DEMO_DATA": "false",
        "INKSLOT_AUTH_RATE_LIMIT_PER_MINUTE": "10000000",
        "INKSLOT_SIGN_UP_RATE_LIMIT_PER_HOUR": "10000000",
        **extra,
    }


@dataclass
class ServerProcess:
    host: str
    port: int
    database_url: str | None
    env: Mapping[str, str]
    process: subprocess.Popen[bytes] | ForkedProcess
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def cli(
        self, *args: str, stdin: str = "", timeout: float = 120
    ) -> subprocess.CompletedProcess[str]:
        """Run another ``inkslot`` command (e.g. ``expire-holds``) on the same database."""
        return subprocess.run(
            [sys.executable, "-m", "entrypoints.cli", *args],
            input=stdin,
            env=dict(self.env),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def stop(self) -> int:
        """SIGINT, as an operator's Ctrl-C; returns the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        code = self.process.poll()
        assert code is not None
        return code


def wait_until_answering(url: str, process: subprocess.Popen[bytes], limit_s: float = 30) -> None:
    """Poll ``url`` until it answers at all (any status), while ``process`` starts; raise the
    last connection error once ``limit_s`` passes or the process has exited."""
    deadline = time.monotonic() + limit_s
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise
            time.sleep(0.1)  # polling a starting process, not waiting for domain time


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (OSError, urllib.error.HTTPError):
        return False


# A test server runs in a session of its own, as ``make run`` does in its own terminal. Linux
# schedules sessions as groups (autogroup) and weighs niceness within a session only: the
# job worker the server starts at niceness 19 (entrypoints.worker.beside) yields to its own
# API, as it would beside a developer's tests, not to the busy test run that shares the
# session otherwise (walks that wait on the worker starved for a minute in CI).
@contextmanager
def running_server(
    database_url: str | None,
    data_dir: Path,
    *,
    workers: int = 2,
    ready_within_s: float = 90,
    log_starts_with: str = "",
    forked: bool = False,
    **extra_env: str,
) -> Iterator[ServerProcess]:
    """Start ``inkslot serve --workers N`` on a free loopback port; yield once
    ``/health/ready`` answers 200; stop it with SIGINT on leaving. ``log_starts_with`` is
    written to the server's log before it starts (what the server that seeded a copied
    database printed: tests/support/demo_data.py). ``forked``: one process forked from an
    interpreter that has imported the server already (tests/support/forked.py)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    env = server_env(database_url, data_dir, **extra_env)
    log_path = data_dir / "server.log"
    with open(log_path, "wb") as log:
        log.write(log_starts_with.encode())
        log.flush()
        argv = ["serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]
        process: subprocess.Popen[bytes] | ForkedProcess
        if forked:
            assert workers == 1, "only a one-process server is forked (tests/support/forked.py)"
            process = ForkedProcess(argv, env, log_path)
        else:
            process = subprocess.Popen(
                [sys.executable, "-m", "entrypoints.cli", *argv],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # see above running_server
            )
    server = ServerProcess("127.0.0.1", port, database_url, env, process, log_path)
    try:
        deadline = time.monotonic() + ready_within_s
        while not _ready(server.base_url + "/health/ready"):
            if process.poll() is not None:
                raise RuntimeError(f"inkslot serve exited early:\n{server.log_tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"inkslot serve was not ready in time:\n{server.log_tail()}")
            time.sleep(0.2)  # polling a starting process, not waiting for domain time
        yield server
    finally:
        server.stop()


class ServersAhead:
    """Servers of one kind, each started while the test before its own runs, and stopped
    while the test after it runs.

    A browser test mostly waits for Chromium to draw and the server to answer; the server it
    needs takes seconds to start (imports, the app, the demo data) and a second to drain and
    stop, and in that time the browser idles. So :meth:`take` hands out a server started
    ahead (started now for the first test) and starts the next one at once; :meth:`give_back`
    stops a used one in the background. Each server is still a new process on a database and
    a data directory of its own, as ``start`` makes them: nothing of one test reaches the next.
    The last server started ahead is stopped unused by :meth:`close`."""

    def __init__(self, start: Callable[[], AbstractContextManager[ServerProcess]]) -> None:
        self._start = start
        self._threads = ThreadPoolExecutor(max_workers=2, thread_name_prefix="server-ahead")
        self._ahead: Future[tuple[ExitStack, ServerProcess]] | None = None
        self._stopping: list[Future[None]] = []

    def _started(self) -> tuple[ExitStack, ServerProcess]:
        with ExitStack() as stack:
            server = stack.enter_context(self._start())
            return stack.pop_all(), server
        raise AssertionError("unreachable: the with-block returns or raises")

    def take(self) -> tuple[ExitStack, ServerProcess]:
        """A running server (and what stops it), the next one already starting."""
        ready = self._ahead or self._threads.submit(self._started)
        self._ahead = self._threads.submit(self._started)
        try:
            return ready.result()
        except BaseException:  # interrupted while it starts: stopped with the others
            self._stopping.append(self._threads.submit(_stop_when_started, ready))
            raise

    def give_back(self, stops: ExitStack) -> None:
        self._stopping.append(self._threads.submit(stops.close))

    def close(self) -> None:
        """Stop the one started ahead (nobody takes it: a failure to start it fails no test)
        and wait for every stop, each database dropped, before the session's server goes."""
        if self._ahead is not None:
            self._stopping.append(self._threads.submit(_stop_when_started, self._ahead))
        wait(self._stopping)
        self._threads.shutdown()
        for stopping in self._stopping:
            stopping.result()  # the first stop that failed, once all are done


def _stop_when_started(starting: Future[tuple[ExitStack, ServerProcess]]) -> None:
    if starting.exception() is None:
        stops, _ = starting.result()
        stops.close()
