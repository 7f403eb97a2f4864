"""SIGTERM to ``inkslot serve``: readiness turns 503 first (a load balancer takes the
process out), requests are still served meanwhile, with ``Connection: close``, and then the
server stops gracefully."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import httpx
import pytest

from tests.support.server import running_server

pytestmark = pytest.mark.serial

DRAIN = 4.0


@pytest.mark.parametrize("workers", [1, 2])
def test_sigterm_turns_readiness_503_while_requests_are_still_served(
    database_url: str, tmp_path: Path, workers: int
) -> None:
    with (
        running_server(
            database_url,
            tmp_path / "server",
            workers=workers,
            INKSLOT_SHUTDOWN_DRAIN_SECONDS=str(DRAIN),
        ) as server,
        httpx.Client(base_url=server.base_url, timeout=10) as client,
    ):
        before = client.get("/health/ready")
        assert before.status_code == 200 and "close" not in before.headers.get("connection", "")
        server.process.send_signal(signal.SIGTERM)
        signalled = time.monotonic()
        while (ready := client.get("/health/ready")).status_code == 200:
            assert time.monotonic() - signalled < DRAIN / 2, "readiness did not turn"
        assert ready.status_code == 503, server.log_tail()
        assert ready.headers["content-type"].startswith("application/problem+json")
        served = client.get("/health/live")
        assert served.status_code == 200 and served.headers["connection"] == "close"
        assert time.monotonic() - signalled < DRAIN  # all of this inside the drain
        server.process.wait(timeout=60)
        assert time.monotonic() - signalled >= DRAIN  # it stopped only after the drain
        # A stop asked for and carried out is a success: an orchestrator reads no failure.
        assert server.process.returncode == 0, server.log_tail()
        with pytest.raises(httpx.ConnectError):
            client.get("/health/live")
