"""A small closed-loop HTTP/1.1 load generator for the benchmarks.

Each of ``concurrency`` keep-alive connections sends one request, reads the whole response,
and sends the next, for ``duration`` seconds. Raw asyncio streams on uvloop keep the client's
own cost low, since it shares this 2-core machine with the server and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

try:
    import uvloop
except ImportError:  # pragma: no cover - uvloop comes with uvicorn[standard]
    uvloop = None


@dataclass
class Result:
    name: str
    concurrency: int
    seconds: float
    latencies_ms: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)

    @property
    def rate(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def line(self) -> str:
        p50 = statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")
        codes = ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses.items()))
        return (
            f"{self.name:<28} c={self.concurrency:<3} {self.rate:9.1f} req/s   "
            f"p50 {p50:7.2f} ms   p99 {self.percentile(99):7.2f} ms   [{codes}]"
        )


RequestFactory = Callable[[int], bytes]


def build_request(
    method: str, path: str, host: str, headers: dict[str, str], body: bytes = b""
) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """One whole response: its status and its body (framed by ``Content-Length``)."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line[:15].lower() == b"content-length:":
            length = int(line[15:])
    return int(head[9:12]), await reader.readexactly(length) if length else b""


async def _read_response(reader: asyncio.StreamReader) -> int:
    return (await read_answer(reader))[0]


async def _worker(
    host: str, port: int, make_request: RequestFactory, worker: int, stop_at: float, result: Result
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    n = 0
    try:
        while time.perf_counter() < stop_at:
            payload = make_request(worker * 1_000_000 + n)
            n += 1
            started = time.perf_counter()
            writer.write(payload)
            status = await _read_response(reader)
            result.latencies_ms.append((time.perf_counter() - started) * 1000)
            result.statuses[status] += 1
    finally:
        writer.close()


async def _run(
    name: str, host: str, port: int, make_request: RequestFactory, concurrency: int, duration: float
) -> Result:
    result = Result(name, concurrency, duration)
    started = time.perf_counter()
    stop_at = started + duration
    await asyncio.gather(
        *(_worker(host, port, make_request, w, stop_at, result) for w in range(concurrency))
    )
    result.seconds = time.perf_counter() - started
    return result


def run_load(
    name: str,
    host: str,
    port: int,
    make_request: RequestFactory,
    *,
    concurrency: int,
    duration: float,
    warmup: float = 1.0,
) -> Result:
    """Warm up, then measure; returns the measured run only."""
    runner = uvloop.run if uvloop is not None else asyncio.run
    if warmup:
        runner(_run(name, host, port, make_request, concurrency, warmup))
    return runner(_run(name, host, port, make_request, concurrency, duration))
