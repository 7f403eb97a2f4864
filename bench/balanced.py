"""The closed loop of ``bench/loadgen.py`` on keep-alive connections spread evenly over the
server's worker processes.

uvicorn's workers share one listening socket and the kernel hands each new connection to
whichever worker accepts first. A benchmark opens all its connections in one burst, so one
worker often gets most of them and keeps them for the whole run (8 connections: 8 to 0 was
seen), and the figure measures one process, not two. Here every connection is opened, used
once so that a worker accepts it, and looked up with ``ss`` (loopback, same machine); the
excess on a crowded worker is closed and reopened until the split is even.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import time
from collections import Counter

from loadgen import RequestFactory, Result, _read_response, build_request

try:
    import uvloop
except ImportError:  # pragma: no cover - uvloop comes with uvicorn[standard]
    uvloop = None

Connection = tuple[asyncio.StreamReader, asyncio.StreamWriter]


def _owners(port: int) -> dict[int, int]:
    """Client-side port -> pid of the server process holding the other end."""
    out = subprocess.run(
        ["ss", "-tnpH", "state", "established", f"( sport = :{port} )"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    owners = {}
    for line in out.splitlines():
        peer = re.search(r"\s\S+:(\d+)\s+users:", line)
        pid = re.search(r"pid=(\d+)", line)
        if peer and pid:
            owners[int(peer.group(1))] = int(pid.group(1))
    return owners


async def _open(host: str, port: int) -> Connection:
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(build_request("GET", "/health/live", host, {}))
    await _read_response(reader)  # answered, so a worker has accepted it
    return reader, writer


def _local_port(connection: Connection) -> int:
    return int(connection[1].get_extra_info("sockname")[1])


async def open_balanced(
    host: str, port: int, count: int, workers: int, rounds: int = 60
) -> tuple[list[Connection], Counter[int]]:
    connections = [await _open(host, port) for _ in range(count)]
    split: Counter[int] = Counter()
    for _ in range(rounds):
        owners = _owners(port)
        split = Counter(owners.get(_local_port(c), 0) for c in connections)
        fair = -(-count // workers)  # ceil
        crowded = [pid for pid, n in split.items() if n > fair]
        if len(split) >= min(workers, count) and not crowded:
            break
        for pid in crowded:
            excess = split[pid] - fair
            for c in [c for c in connections if owners.get(_local_port(c)) == pid][:excess]:
                connections.remove(c)
                c[1].close()
                connections.append(await _open(host, port))
    return connections, split


async def _loop(connection: Connection, make: RequestFactory, w: int, stop: float, r: Result):
    reader, writer = connection
    n = 0
    while time.perf_counter() < stop:
        payload = make(w * 1_000_000 + n)
        n += 1
        started = time.perf_counter()
        writer.write(payload)
        status = await _read_response(reader)
        r.latencies_ms.append((time.perf_counter() - started) * 1000)
        r.statuses[status] += 1


async def _run(
    name: str, host: str, port: int, make: RequestFactory, concurrency: int, duration: float,
    workers: int,
) -> tuple[Result, Counter[int]]:  # fmt: skip
    connections, split = await open_balanced(host, port, concurrency, workers)
    result = Result(name, concurrency, duration)
    started = time.perf_counter()
    try:
        await asyncio.gather(
            *(_loop(c, make, w, started + duration, result) for w, c in enumerate(connections))
        )
    finally:
        for _, writer in connections:
            writer.close()
    result.seconds = time.perf_counter() - started
    return result, split


def run_balanced(
    name: str,
    host: str,
    port: int,
    make: RequestFactory,
    *,
    concurrency: int,
    duration: float,
    workers: int,
) -> tuple[Result, Counter[int]]:
    """One measured run; returns the result and how many connections each worker held."""
    runner = uvloop.run if uvloop is not None else asyncio.run
    return runner(_run(name, host, port, make, concurrency, duration, workers))
