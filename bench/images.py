"""Benchmark: image variants, alone and through the API.

1. A 12-megapixel JPEG (4000x3000, quality 90, gradients and noise, EXIF with GPS) made into
   the 1600 px and 400 px WebP variants by the Pillow processor, each run in a fresh
   process: the median time to variants, and the process's peak RSS (the interpreter and
   Pillow included: ``ru_maxrss``).
2. Through the API (``inkslot serve``, one process, the local store): N uploads of that JPEG
   are requested and PUT, then completed all at once (default 8): the total time, the
   server's peak RSS meanwhile, and the latency of ``GET /health/live`` probed every 20 ms
   while they run (p50/p99/max: is the event loop free?).

    .venv/bin/python bench/images.py [--runs 7] [--concurrent 8] [--image-concurrency N]

Client, server and PostgreSQL share the machine's cores. Prints; never asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from booking_setup import free_port, register_customers, start_postgres, start_server, stop_server


def twelve_megapixels() -> bytes:
    from PIL import Image

    rng = random.Random(7)
    width, height = 4000, 3000
    image = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    noise = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    image = Image.blend(image, noise, 0.25)
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (47.0, 55.0, 0.0), 3: "E", 4: (106.0, 55.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


# Peak memory from VmHWM: ru_maxrss survives exec, so a child would report its parent's.
_ONE_RUN = """
import json, sys, time
sys.path.insert(0, "src")
from adapters.images.pillow import make_variants
from booking_domain.media import VARIANTS
data = open(sys.argv[1], "rb").read()
start = time.perf_counter()
made = make_variants(data, "image/jpeg", VARIANTS)
elapsed = time.perf_counter() - start
status = open("/proc/self/status").read().splitlines()
peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
sizes = [(m.width, m.height) for m in made]
print(json.dumps({"ms": elapsed * 1000, "peak_mb": peak, "sizes": sizes}))
"""


def variants_alone(path: Path, runs: int) -> None:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _ONE_RUN, str(path)], capture_output=True, text=True, check=True
        )
        results.append(json.loads(out.stdout))
    times = [r["ms"] for r in results]
    peaks = [r["peak_mb"] for r in results]
    print(f"12 MP JPEG ({path.stat().st_size / 1e6:.1f} MB) -> variants {results[0]['sizes']}:")
    print(
        f"  time to variants, {runs} fresh processes: median {statistics.median(times):.0f} ms"
        f" (min {min(times):.0f}, max {max(times):.0f}); target <= 400 ms"
    )
    print(
        "  peak RSS of the process (interpreter and imports included):"
        f" median {statistics.median(peaks):.0f} MB (max {max(peaks):.0f}); target <= 120 MB"
    )


class RssWatcher(threading.Thread):
    def __init__(self, pids: list[int]) -> None:
        super().__init__(daemon=True)
        self.pids, self.peak_kb, self.running = pids, 0, True

    def run(self) -> None:
        while self.running:
            total = 0
            for pid in self.pids:
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1])
                except OSError:
                    pass
            self.peak_kb = max(self.peak_kb, total)
            time.sleep(0.01)


async def through_the_api(base: str, token: str, data: bytes, count: int, server_pid: int) -> None:
    auth = {"authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        uploads = []
        for _ in range(count):
            body = {"contentType": "image/jpeg", "size": len(data), "purpose": "portfolio"}
            ticket = (await client.post("/api/v1/uploads", json=body, headers=auth)).json()
            parts = urlsplit(ticket["url"])
            put = await client.put(
                f"{parts.path}?{parts.query}", content=data, headers=ticket["headers"]
            )
            put.raise_for_status()
            uploads.append(ticket["uploadId"])
        watcher = RssWatcher([server_pid])
        watcher.start()
        probes: list[float] = []
        done = asyncio.Event()

        async def probe() -> None:
            async with httpx.AsyncClient(base_url=base, timeout=10) as prober:
                while not done.is_set():
                    start = time.perf_counter()
                    (await prober.get("/health/live")).raise_for_status()
                    probes.append((time.perf_counter() - start) * 1000)
                    await asyncio.sleep(0.02)

        prober = asyncio.create_task(probe())
        await asyncio.sleep(0.2)
        baseline_kb = watcher.peak_kb
        start = time.perf_counter()
        answers = await asyncio.gather(
            *(client.post(f"/api/v1/uploads/{u}/complete", headers=auth) for u in uploads)
        )
        total = time.perf_counter() - start
        done.set()
        await prober
        watcher.running = False
    statuses = sorted({a.status_code for a in answers})
    probes.sort()
    p99 = probes[min(len(probes) - 1, int(len(probes) * 0.99))]
    print(f"{count} concurrent completes through the API (answers {statuses}):")
    print(f"  total {total * 1000:.0f} ms ({total * 1000 / count:.0f} ms per image)")
    print(
        f"  server RSS: {baseline_kb / 1024:.0f} MB before, peak {watcher.peak_kb / 1024:.0f} MB;"
        " target <= 400 MB"
    )
    print(
        f"  GET /health/live meanwhile ({len(probes)} probes): p50 {statistics.median(probes):.1f}"
        f" / p99 {p99:.1f} / max {probes[-1]:.1f} ms; target p99 <= 20 ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--concurrent", type=int, default=8)
    parser.add_argument("--image-concurrency", help="INKSLOT_IMAGE_CONCURRENCY of the server")
    args = parser.parse_args()
    os.chdir(Path(__file__).resolve().parent.parent)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        photo = work / "photo.jpg"
        photo.write_bytes(twelve_megapixels())
        variants_alone(photo, args.runs)
        pg, url = start_postgres(work)
        port = free_port()
        extra = (
            {"INKSLOT_IMAGE_CONCURRENCY": args.image_concurrency} if args.image_concurrency else {}
        )
        server = start_server(work, url, port, 1, **extra)
        try:
            base = f"http://127.0.0.1:{port}"
            token = register_customers(base, 1)[0]
            asyncio.run(
                through_the_api(base, token, photo.read_bytes(), args.concurrent, server.pid)
            )
        finally:
            stop_server(server)
            pg.stop()


if __name__ == "__main__":
    main()
