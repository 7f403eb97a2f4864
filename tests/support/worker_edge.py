"""The payment edge's Cloudflare Worker (``edge-worker/``) served offline by Miniflare, so
the payment contract suites run against it as against the Python edge.

Once per test session the Worker's npm packages are installed (``npm ci``, only when
``node_modules`` is missing or was installed from another ``package-lock.json``) and the
Worker is bundled
(``npm run build``); then :func:`serving_worker_edge` starts ``scripts/serve.mjs`` in front
of a fake QPay on 127.0.0.1 and yields its URL. One Worker serves a whole module: the fake
QPay behind it is swapped for a fresh one per test (:meth:`WorkerEdge.fresh_fake`), which
still honours the tokens the Worker was issued before, as QPay would.

Without Node 20 (or npm) the Worker's tests skip (:func:`skip_reason`); an install or a
build that fails is an error, not a skip.
"""

from __future__ import annotations

import fcntl
import functools
import hashlib
import os
import queue
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tests.support.fake_qpay import CLIENT_ID, CLIENT_SECRET, INVOICE_CODE, FakeQPay, serving

EDGE_WORKER = Path(__file__).resolve().parents[2] / "edge-worker"
MIN_NODE = (20, 18, 1)  # edge-worker/package.json "engines"
NO_NODE = "Node 20+ not found: the Cloudflare Worker edge suite is skipped"
INSTALL_STAMP = "node_modules/.inkslot-lock-sha256"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0


def node_version() -> tuple[int, int, int] | None:
    """``node --version`` as numbers, or None without a working ``node``."""
    node = shutil.which("node")
    if node is None:
        return None
    try:
        done = subprocess.run(
            [node, "--version"], capture_output=True, text=True, timeout=30, check=True
        )
    except (OSError, subprocess.SubprocessError):
        return None
    found = re.fullmatch(r"v(\d+)\.(\d+)\.(\d+)\s*", done.stdout)
    if found is None:
        return None
    major, minor, patch = (int(part) for part in found.groups())
    return major, minor, patch


def skip_reason() -> str | None:
    """Why the Worker cannot run here, or None when it can."""
    version = node_version()
    if version is None or version[0] < MIN_NODE[0]:
        return NO_NODE
    if version < MIN_NODE:
        wanted = ".".join(map(str, MIN_NODE))
        return (
            f"{NO_NODE} (Node {wanted} or newer is needed, this is {'.'.join(map(str, version))})"
        )
    if shutil.which("npm") is None:
        return "npm not found: the Cloudflare Worker edge suite is skipped"
    return None


@contextmanager
def _exclusive() -> Iterator[None]:
    """One install and build at a time on this machine (two test sessions may start at
    once)."""
    tag = hashlib.sha256(str(EDGE_WORKER).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"inkslot-edge-worker-{tag}.lock"
    with path.open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _npm(*args: str) -> None:
    npm = shutil.which("npm") or "npm"
    done = subprocess.run(
        [npm, *args], cwd=EDGE_WORKER, capture_output=True, text=True, timeout=600, check=False
    )
    if done.returncode != 0:
        tail = (done.stdout + done.stderr)[-4000:]
        raise RuntimeError(f"npm {' '.join(args)} failed in {EDGE_WORKER}:\n{tail}")


def _lock_digest() -> str:
    return hashlib.sha256((EDGE_WORKER / "package-lock.json").read_bytes()).hexdigest()


@functools.cache
def built_worker() -> Path:
    """The bundled Worker, after ``npm ci`` if ``node_modules`` does not match the lock
    file; once per session."""
    with _exclusive():
        stamp = EDGE_WORKER / INSTALL_STAMP
        digest = _lock_digest()
        if not stamp.is_file() or stamp.read_text().strip() != digest:
            _npm("ci", "--no-audit", "--no-fund")
            stamp.write_text(digest + "\n")
        _npm("run", "build")
    return EDGE_WORKER / "dist" / "worker.js"


def _first_line(stream: IO[bytes], timeout: float) -> str | None:
    """The first line the process prints, or None when it prints none in time."""
    lines: queue.Queue[bytes] = queue.Queue()
    threading.Thread(target=lambda: lines.put(stream.readline()), daemon=True).start()
    try:
        return lines.get(timeout=timeout).decode().strip() or None
    except queue.Empty:
        return None


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Close its standard input (serve.mjs stops Miniflare and workerd then), then signal
    its process group if it lingers."""
    if process.stdin is not None:
        process.stdin.close()
    try:
        process.wait(timeout=STOP_TIMEOUT)
        return
    except subprocess.TimeoutExpired:
        pass
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=STOP_TIMEOUT)
            return
        except subprocess.TimeoutExpired:
            continue


@dataclass
class WorkerProcess:
    urls: list[str]  # one per isolate; the first is the Worker's main address
    log: Path

    @property
    def url(self) -> str:
        return self.urls[0]

    def log_tail(self, size: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-size:]


@contextmanager
def serving_worker(
    qpay_url: str, edge_secret: str, isolates: int = 1, forward_url: str | None = None
) -> Iterator[WorkerProcess]:
    """The built Worker under Miniflare with the fake QPay's credentials at ``qpay_url``;
    ``isolates`` copies of it, each on its own port, sharing the Durable Objects. With
    ``forward_url`` (its ``API_CALLBACK_URL``) it passes QPay's callbacks on to that URL;
    without, it has no callback route."""
    script = built_worker()
    env = {
        **os.environ,
        "EDGE_SECRET": edge_secret,
        "QPAY_BASE_URL": qpay_url,
        "QPAY_CLIENT_ID": CLIENT_ID,
        "QPAY_CLIENT_SECRET": CLIENT_SECRET,
        "QPAY_INVOICE_CODE": INVOICE_CODE,
    }
    env.pop("API_CALLBACK_URL", None)  # never one from the test run's own environment
    if forward_url is not None:
        env["API_CALLBACK_URL"] = forward_url
    handle, name = tempfile.mkstemp(prefix="inkslot-edge-worker-", suffix=".log")
    log = Path(name)
    command = [
        shutil.which("node") or "node",
        "scripts/serve.mjs",
        "--script",
        str(script),
        "--isolates",
        str(isolates),
        "--until-stdin-closes",
    ]
    with os.fdopen(handle, "wb") as log_file:
        process = subprocess.Popen(
            command,
            cwd=EDGE_WORKER,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log_file,
            start_new_session=True,
        )
    try:
        assert process.stdout is not None
        line = _first_line(process.stdout, START_TIMEOUT)
        urls = (line or "").split()
        if len(urls) != isolates or not all(url.startswith("http://") for url in urls):
            raise RuntimeError(f"the Worker did not start:\n{log.read_text(errors='replace')}")
        yield WorkerProcess(urls, log)
    finally:
        _stop(process)
        if process.stdout is not None:
            process.stdout.close()
        log.unlink(missing_ok=True)


class QPaySwitch:
    """The fake QPay behind a long-lived edge, an ASGI app: each test swaps in a fresh
    :class:`FakeQPay` (no invoices, no calls, no logins counted) that still accepts the
    tokens issued before it."""

    def __init__(self) -> None:
        self.fake = FakeQPay()

    def fresh(self) -> FakeQPay:
        issued = self.fake
        self.fake = FakeQPay(tokens=dict(issued.tokens), refresh_tokens=dict(issued.refresh_tokens))
        return self.fake

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.fake(scope, receive, send)


@dataclass
class WorkerEdge:
    """The Worker's URL (and each isolate's) and the fake QPay it reaches."""

    switch: QPaySwitch
    process: WorkerProcess

    @property
    def url(self) -> str:
        return self.process.url

    @property
    def urls(self) -> list[str]:
        return self.process.urls

    def fresh_fake(self) -> FakeQPay:
        return self.switch.fresh()


@contextmanager
def serving_worker_edge(
    edge_secret: str, isolates: int = 1, forward_url: str | None = None
) -> Iterator[WorkerEdge]:
    """A fake QPay on 127.0.0.1 and the Worker in front of it (``isolates`` copies),
    signing with ``edge_secret``; passing QPay's callbacks on to ``forward_url`` when it is
    given (the Python edge's ``INKSLOT_PAYMENT_EDGE_FORWARD_URL``)."""
    switch = QPaySwitch()
    with (
        serving(switch) as qpay_url,
        serving_worker(qpay_url, edge_secret, isolates, forward_url) as process,
    ):
        yield WorkerEdge(switch, process)
