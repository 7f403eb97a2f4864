"""The plumbing of the fake HTTP servers the tests talk to over real loopback HTTP: an ASGI
app (the providers' fakes) served by uvicorn in a thread, or a ``http.server`` handler (the
small receivers) in a thread. Each listens on 127.0.0.1 on a port of its own and is stopped
after its block, so no test leaves a listener behind."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import uvicorn

from tests.support.server import free_port


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve an ASGI app on 127.0.0.1 in a thread of its own; yields its base URL."""
    port = free_port()
    # A request a fake holds on purpose (a scripted timeout) gets a second at the end, not
    # the ten the thread's join would wait for it.
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
        timeout_graceful_shutdown=1,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the fake server did not start")
        time.sleep(0.01)  # polling the server's thread, not waiting for time
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that keeps its access log to itself: a test's output shows what
    failed, not every request of the fake."""

    def log_message(self, format: str, *args: Any) -> None:
        return


def start_http_server(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    """``handler`` served on 127.0.0.1 (a thread per request) from a daemon thread; the
    caller shuts it down (``shutdown()``, then ``server_close()``)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@contextmanager
def http_server(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """``handler`` served for the block; yields its base URL."""
    server = start_http_server(handler)
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
