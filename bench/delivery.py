"""Benchmark: how fast events reach a listener, and what the job queue carries.

Starts the embedded PostgreSQL with the catalogue of ``bench/bookings.py`` and
``inkslot serve --workers 2`` on it (local profile: each API process runs its relay and an
embedded job worker), then:

1. commit-to-SSE: an admin listens on ``/api/v1/events/stream`` while bookings are created
   at a fixed rate (default 200/s, open loop: requests go out on schedule whatever the
   answers do). For each booking: the time from the event's ``occurredAt`` (the server's
   clock when the request was decided, just before its commit) to its arrival on the
   stream: an upper bound of commit-to-delivery. (The client's own receipt of the 201 is no
   lower bound here: at 200/s the load generator reads answers late, often after the event.)
2. commit-to-webhook: the same bookings' events also go to a webhook endpoint (registered
   by the admin, all event types) on a local receiver: the time from ``occurredAt`` to the
   receiver reading the request (dispatch from the outbox, the job, signing, the POST).
3. worker throughput: N no-op jobs (``inkslot:ping``) deferred at once, and the time until
   the workers have run them all.

    .venv/bin/python bench/delivery.py [--rate 200] [--seconds 10] [--jobs 2000]
                                     [--redis redis://127.0.0.1:6379/0]

With ``--redis`` the API processes share one relay and hear events through Redis pub/sub
(docs/events.md); without, each follows the outbox itself.

Client, API processes, workers and PostgreSQL share the machine's cores. Prints; never
asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from adapters.jobs.queue import job_app
from booking_setup import (
    free_port,
    iso,
    register_customers,
    seed_catalogue,
    start_postgres,
    start_server,
    stop_server,
)
from told import Receiver
from told import admin_token as told_admin_token


class WebhookReceiver(Receiver):
    """The loopback receiver of ``bench/told.py``, noting each booking's first arrival."""

    def __init__(self) -> None:
        self.arrived: dict[str, tuple[float, float]] = {}
        super().__init__(self._first_of_booking)

    def _first_of_booking(self, envelope: dict[str, Any], now: float) -> None:
        booking = envelope["data"].get("booking")
        if booking is not None and booking["id"] not in self.arrived:
            occurred = datetime.fromisoformat(envelope["occurredAt"]).timestamp()
            self.arrived[booking["id"]] = (now, occurred)


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


class Listener(threading.Thread):
    """Reads the stream; notes when each booking's first event arrived, and its occurredAt."""

    def __init__(self, base: str, token: str) -> None:
        super().__init__(daemon=True)
        self.base, self.token = base, token
        self.arrived: dict[str, tuple[float, float]] = {}  # booking id -> (arrival, occurred)
        self.ready = threading.Event()
        self.stop = False

    def run(self) -> None:
        try:
            self._listen()
        except httpx.HTTPError:
            if not self.stop:  # the server going away at the end is expected
                raise

    def _listen(self) -> None:
        headers = {"authorization": f"Bearer {self.token}"}
        timeout = httpx.Timeout(10, read=None)
        with (
            httpx.Client(base_url=self.base, timeout=timeout) as client,
            client.stream("GET", "/api/v1/events/stream", headers=headers) as response,
        ):
            self.ready.set()
            for line in response.iter_lines():
                if self.stop:
                    return
                if not line.startswith("data: "):
                    continue
                now = time.time()
                event = json.loads(line[6:])
                if event["sequence"] == 1:
                    occurred = datetime.fromisoformat(event["occurredAt"]).timestamp()
                    self.arrived[event["subject"].split("/", 1)[1]] = (now, occurred)


async def _create_at_rate(
    base: str, tokens: list[str], catalogue: object, rate: float, seconds: float
) -> tuple[dict[str, float], int]:
    answered: dict[str, float] = {}
    failures = 0
    total = int(rate * seconds)
    limits = httpx.Limits(max_connections=64, max_keepalive_connections=64)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:

        async def one(k: int) -> None:
            nonlocal failures
            artist, start = catalogue.creation_slot(k)  # type: ignore[attr-defined]
            body = {
                "artistId": str(artist.id),
                "serviceId": str(artist.service_id),
                "start": iso(start),
            }
            headers = {"authorization": f"Bearer {tokens[k % len(tokens)]}"}
            response = await client.post("/api/v1/bookings", json=body, headers=headers)
            if response.status_code == 201:
                answered[response.json()["id"]] = time.time()
            else:
                failures += 1

        began = time.monotonic()
        pending = []
        for k in range(total):
            delay = began + k / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            pending.append(asyncio.create_task(one(k)))
        await asyncio.gather(*pending)
    return answered, failures


async def _noop_throughput(database_url: str, count: int) -> tuple[float, float]:
    app = job_app(database_url)
    async with app.open_async():
        task = app.configure_task("inkslot:ping", queue="diagnostics")
        began = time.monotonic()
        await task.batch_defer_async(*({} for _ in range(count)))
        deferred = time.monotonic() - began
    async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
        while True:
            row = await (
                await conn.execute(
                    "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'inkslot:ping'"
                    " AND status IN ('todo', 'doing')"
                )
            ).fetchone()
            if row is not None and row[0] == 0:
                break
            await asyncio.sleep(0.05)
    return count / (time.monotonic() - began), deferred


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=200)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--jobs", type=int, default=2000)
    parser.add_argument("--redis", help="a Redis URL: one relay, events through pub/sub")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="inkslot-events-"))
    pg, url = start_postgres(workdir)
    server = None
    try:
        catalogue = seed_catalogue(url)
        port = free_port()
        redis = (
            {"INKSLOT_REDIS_URL": args.redis, "INKSLOT_REDIS_NAMESPACE": workdir.name}
            if args.redis
            else {}
        )
        server = start_server(workdir, url, port, workers=2, **redis)
        base = f"http://127.0.0.1:{port}"
        tokens = register_customers(base, 16)
        admin_token = told_admin_token(base, url, workdir)
        listener = Listener(base, admin_token)
        receiver = WebhookReceiver()
        hook = httpx.post(
            f"{base}/api/v1/webhooks", json={"url": receiver.url, "events": ["*"]},
            headers={"Authorization": f"Bearer {admin_token}"},
        )  # fmt: skip
        hook.raise_for_status()
        listener.start()
        listener.ready.wait(30)
        relays = "one relay, events through Redis" if args.redis else "a relay in each"
        print(f"server: {base}  (2 API processes, {relays}, a job worker in each; 2 cores)")

        answered, failures = asyncio.run(
            _create_at_rate(base, tokens, catalogue, args.rate, args.seconds)
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (
            set(answered) <= set(listener.arrived) and set(answered) <= set(receiver.arrived)
        ):
            time.sleep(0.05)
        listener.stop = True
        after_occurred = [(a - o) * 1000 for b, (a, o) in listener.arrived.items() if b in answered]
        missing = len(set(answered) - set(listener.arrived))
        print(
            f"bookings: {len(answered)} created at {args.rate:.0f}/s for {args.seconds:.0f} s"
            f" ({failures} refused), {missing} never seen on the stream"
        )
        if after_occurred:
            print(
                f"  occurredAt -> SSE  p50 {statistics.median(after_occurred):7.1f} ms   "
                f"p99 {_percentile(after_occurred, 0.99):7.1f} ms   "
                f"max {max(after_occurred):7.1f} ms   (target p99 <= 250 ms)"
            )
        rate, deferred = asyncio.run(_noop_throughput(url, args.jobs))
        print(
            f"no-op jobs: {args.jobs} deferred in one batch ({deferred * 1000:.0f} ms),"
            f" run at {rate:.0f} jobs/s"
        )
        hooked = [(a - o) * 1000 for b, (a, o) in receiver.arrived.items() if b in answered]
        unhooked = len(set(answered) - set(receiver.arrived))
        if hooked:
            print(
                f"  occurredAt -> webhook  p50 {statistics.median(hooked):7.1f} ms   "
                f"p99 {_percentile(hooked, 0.99):7.1f} ms   max {max(hooked):7.1f} ms"
                f"   ({unhooked} never delivered; target p99 <= 1 s)"
            )
        receiver.server.shutdown()
    finally:
        if server is not None:
            stop_server(server)
        pg.stop()


if __name__ == "__main__":
    main()
