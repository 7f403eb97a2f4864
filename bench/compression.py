"""What gzip costs a request, in process (no network, in-memory adapters): CPU per request
for a 31-day slots answer and for a booking page, each asked for with and without
``Accept-Encoding: gzip``, and the bytes sent; then ``gzip.compress`` alone on the slots
body at several levels. Best of 5 runs of 300 requests each (docs/performance.md,
"Compression"). Prints; asserts nothing.

    .venv/bin/python bench/compression.py
"""

from __future__ import annotations

import asyncio
import gzip
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.support.builders import cheap_settings  # noqa: E402
from tests.support.catalog import add_bookable_artist  # noqa: E402

from booking_domain.catalog.use_cases import CatalogUseCases  # noqa: E402
from entrypoints.app import create_app  # noqa: E402
from entrypoints.container import build_container, memory_adapters  # noqa: E402

SECRET = "x" * 40
RUNS, REQUESTS = 5, 300


async def _call(app: Any, path: str, query: str, headers: list[tuple[bytes, bytes]]) -> bytes:
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": path, "raw_path": path.encode(),
        "query_string": query.encode(), "root_path": "",
        "headers": [(b"host", b"localhost"), *headers], "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }  # fmt: skip
    body = bytearray()

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: Any) -> None:
        if message["type"] == "http.response.body":
            body.extend(message.get("body", b""))

    await app(scope, receive, send)
    return bytes(body)


async def _cpu(app: Any, path: str, query: str, headers: list[tuple[bytes, bytes]]) -> float:
    for _ in range(50):
        await _call(app, path, query, headers)
    best = float("inf")
    for _ in range(RUNS):
        started = time.process_time()
        for _ in range(REQUESTS):
            await _call(app, path, query, headers)
        best = min(best, (time.process_time() - started) / REQUESTS)
    return best


async def main() -> None:
    settings = cheap_settings(access_log=False)
    core = build_container(settings, jwt_secret=SECRET, adapters=memory_adapters(settings, SECRET))
    app = create_app(settings, container=core)
    artist = await add_bookable_artist(core.adapters.uow())
    catalog: CatalogUseCases = core.contexts["catalog"].use_cases()
    (link,) = await catalog.list_booking_links(artist.actor)
    since = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    since += timedelta(days=2)
    until = since + timedelta(days=31)
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    slots_query = (
        f"serviceId={artist.service.id}&from={since.strftime(stamp)}&to={until.strftime(stamp)}"
    )
    cases = {
        "GET /artists/{id}/slots, 31 days": (f"/api/v1/artists/{artist.id}/slots", slots_query),
        "GET /book/{token}": (f"/book/{link.link.token}", ""),
    }
    slots_body = b""
    for label, (path, query) in cases.items():
        plain = await _call(app, path, query, [])
        zipped = await _call(app, path, query, [(b"accept-encoding", b"gzip")])
        slots_body = slots_body or plain
        without = await _cpu(app, path, query, [])
        with_gzip = await _cpu(app, path, query, [(b"accept-encoding", b"gzip")])
        print(
            f"{label:34s} {len(plain):7,} B -> {len(zipped):6,} B gzipped; CPU a request "
            f"{without * 1e6:6.0f} us plain, {with_gzip * 1e6:6.0f} us gzipped "
            f"(+{(with_gzip - without) * 1e6:.0f} us, rate ratio {without / with_gzip:.3f})"
        )
    for level in (1, 3, 5, 6, 9):
        started = time.process_time()
        for _ in range(REQUESTS):
            out = gzip.compress(slots_body, level, mtime=0)
        spent = (time.process_time() - started) / REQUESTS
        print(f"gzip level {level}: slots body {len(out):6,} B, {spent * 1e6:5.0f} us")


if __name__ == "__main__":
    asyncio.run(main())
