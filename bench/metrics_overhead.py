"""What counting requests for /metrics costs a request, in process (no network, in-memory
adapters): CPU per request for a trivial route and a 404 through the domain, with the
middleware Inkslot uses (``LeanPrometheusMiddleware``), with the plugin's stock one, and
with none (every path excluded). Best of 5 runs of 3,000 requests each. Prints; asserts
nothing.

    .venv/bin/python bench/metrics_overhead.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from litestar.plugins.prometheus import PrometheusMiddleware  # noqa: E402
from tests.support.builders import cheap_settings  # noqa: E402

import entrypoints.http.app as http_app  # noqa: E402
from entrypoints.app import create_app  # noqa: E402
from entrypoints.container import build_container, memory_adapters  # noqa: E402
from entrypoints.http.metrics import prometheus_config  # noqa: E402

PATHS = ("/health/live", "/api/v1/bookings/00000000-0000-0000-0000-000000000000")
SECRET = "x" * 40


async def _call(app: Any, path: str) -> None:
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": [(b"host", b"localhost")], "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }  # fmt: skip

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        return None

    await app(scope, receive, send)


async def _measure(label: str) -> None:
    settings = cheap_settings(access_log=False)
    core = build_container(settings, jwt_secret=SECRET, adapters=memory_adapters(settings, SECRET))
    app = create_app(settings, container=core)
    for path in PATHS:
        for _ in range(500):
            await _call(app, path)
        best = float("inf")
        for _ in range(5):
            started = time.process_time()
            for _ in range(3000):
                await _call(app, path)
            best = min(best, (time.process_time() - started) / 3000)
        print(f"{label:24s} {path[:40]:42s} {best * 1e6:6.0f} us CPU a request")


def main() -> None:
    variants = {
        "lean (Inkslot's)": prometheus_config(),
        "the plugin's stock one": replace(
            prometheus_config(), middleware_class=PrometheusMiddleware
        ),
        "none (all excluded)": replace(prometheus_config(), exclude=[".*"]),
    }
    for label, config in variants.items():
        http_app.prometheus_config = lambda config=config: config  # type: ignore[misc]
        asyncio.run(_measure(label))


if __name__ == "__main__":
    main()
