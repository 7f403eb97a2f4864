"""Where a console page's time goes: cProfile of the page in-process and
``pg_stat_statements`` over the same requests, on ``bench/console.py``'s data (one artist,
500 clients, 1,000 bookings over 31 days).

    .venv/bin/python bench/console_profile.py week,day,booking 150
    SORT=tottime TOP=30 .venv/bin/python bench/console_profile.py week

The app is built with ``create_app`` and asked through httpx over ASGI in this process (no
server, no sockets), so the profile holds the handler, the use cases, the adapters and the
template; each page first 20 times unmeasured. For each page: p50, p99 and CPU time a
request (under the profiler: about twice the real ones), the statements run a request
(``pg_stat_statements``) and the profile, by ``SORT`` (``cumulative`` by default). Prints;
asserts nothing.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]

import httpx  # noqa: E402
import psycopg  # noqa: E402

import console as bench  # noqa: E402
from booking_setup import _environment, start_postgres  # noqa: E402

_STATEMENTS = """
SELECT calls, total_exec_time, left(regexp_replace(query, '\\s+', ' ', 'g'), 140) AS query
  FROM pg_stat_statements WHERE query NOT ILIKE '%pg_stat_statements%'
 ORDER BY total_exec_time DESC LIMIT 15
"""


async def main(pages: list[str], n: int) -> None:
    data = Path(tempfile.mkdtemp(prefix="inkslot-console-profile-"))
    server, url = start_postgres(data, {"shared_preload_libraries": "pg_stat_statements"})
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")
        booking_id, today = bench.seed(url)
        from entrypoints.app import create_app
        from entrypoints.settings import load_settings

        app = create_app(load_settings(_environment(data, url, {})))
        paths = {
            "day": f"/console?day={today}",
            "week": f"/console/week?day={today + timedelta(days=7)}",  # a full week
            "booking": f"/console/bookings/{booking_id}",
            "book": "/console/book",
        }
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 5000))
        async with (
            app.lifespan(),
            httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client,
        ):
            form = {"email": bench.EMAIL, "password": bench.PASSWORD}
            signed = await client.post("/console/sign-in", data=form)
            assert signed.status_code in (200, 303), signed.status_code
            for name in pages:
                await _profile(client, url, name, paths[name], n)
    finally:
        server.stop()


async def _profile(client: httpx.AsyncClient, url: str, name: str, path: str, n: int) -> None:
    for _ in range(20):
        assert (await client.get(path)).status_code == 200, path
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SELECT pg_stat_statements_reset()")
    profile, times = cProfile.Profile(), []
    cpu = time.process_time()
    profile.enable()
    for _ in range(n):
        began = time.perf_counter()
        await client.get(path)
        times.append((time.perf_counter() - began) * 1000)
    profile.disable()
    cpu_ms = (time.process_time() - cpu) / n * 1000
    times.sort()
    print(f"== {name}: p50 {times[n // 2]:.2f} ms, p99 {times[int(n * 0.99)]:.2f} ms, "
          f"CPU {cpu_ms:.2f} ms a request (profiled)")  # fmt: skip
    with psycopg.connect(url, autocommit=True) as conn:
        for calls, total, query in conn.execute(_STATEMENTS).fetchall():
            print(f"  {calls / n:5.1f} a request  {float(total) / n:6.3f} ms  {query}")
    stats = pstats.Stats(profile)
    stats.sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
        int(os.environ.get("TOP", "40"))
    )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1].split(","), int(sys.argv[2]) if len(sys.argv) > 2 else 150))
