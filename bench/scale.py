"""The scale test: several API processes and job workers on one PostgreSQL (through PgBouncer
in transaction mode) and one Redis, behind HAProxy, on this machine, with real processes.

What it checks (a broken guarantee is printed as FAILED and the exit status is 1):

- **no double booking across processes**: customers race for one slot through the load
  balancer (their requests land on every process); exactly one wins, and no two active
  bookings of an artist overlap after the whole run;
- **every job exactly once**: a webhook subscription hears every event; each event's
  delivery (a job run by one of the workers) arrives once, and one per booking made;
- **every event stream hears every event, whatever process it is on**: an admin's stream is
  open on each API process directly; each hears every booking made through the balancer;
- **rate limits are shared**: sign-in attempts from one client address, spread over the
  processes, are refused after the limit counted across all of them;
- **a rolling restart loses no request**: under steady load through the balancer, each API
  process in turn gets SIGTERM (readiness turns 503 while it drains, the balancer stops
  sending to it, requests in flight finish), is started again, and rejoins; every request
  of the load must get its answer (no transport error, no 5xx).

And what it measures: the mixed load's throughput (slot reads and bookings) through the
balancer with all API processes, then with one.

    .venv/bin/python bench/scale.py [--apis 3] [--workers 2] [--clients 24] [--seconds 15]

Needs PgBouncer and HAProxy (Debian: ``apt-get install pgbouncer haproxy``) and a Redis
(``INKSLOT_REDIS_URL``, else 127.0.0.1:6379). Everything else it starts itself, under a
temporary directory, and stops at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.replication import pgbouncer, pgbouncer_binary

from booking_setup import Catalogue, free_port, iso, seed_catalogue, start_postgres
from loadgen import build_request, read_answer
from told import PASSWORD, Receiver, admin_token, hook_every_event, wait_until_told

RATE_LIMIT = 20  # sign-in attempts a minute per client address
# Seconds an API process answers 503 on readiness before it stops: longer than the balancer
# takes to see it (two failed checks, 500 ms apart).
DRAIN = 3.0


@dataclass
class Deployment:
    data_dir: Path
    direct_url: str
    pooled_url: str
    redis_url: str
    namespace: str
    api_ports: list[int]
    lb_port: int = 0
    apis: dict[int, subprocess.Popen[bytes]] = field(default_factory=dict)
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    haproxy: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.lb_port}"

    def env(self) -> dict[str, str]:
        return {
            **{k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")},
            "INKSLOT_DATA_DIR": str(self.data_dir),
            "INKSLOT_DATABASE_URL": self.pooled_url,
            "INKSLOT_DATABASE_POOLER": "transaction",
            "INKSLOT_DATABASE_DIRECT_URL": self.direct_url,
            "INKSLOT_REDIS_URL": self.redis_url,
            "INKSLOT_REDIS_NAMESPACE": self.namespace,
            "INKSLOT_EMBEDDED_WORKER": "false",
            "INKSLOT_SEED_DEMO_DATA": "false",
            "INKSLOT_SHUTDOWN_DRAIN_SECONDS": str(DRAIN),
            "INKSLOT_TRUSTED_PROXIES": "127.0.0.1",
            "INKSLOT_AUTH_RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT),
            "INKSLOT_SIGN_UP_RATE_LIMIT_PER_HOUR": "10000000",
            "INKSLOT_ACCESS_TOKEN_MINUTES": "240",
            "INKSLOT_LOG_LEVEL": "WARNING",
            "INKSLOT_ACCESS_LOG": "false",
        }

    def start_api(self, port: int) -> None:
        log = open(self.data_dir / f"api-{port}.log", "ab")  # noqa: SIM115 - lives with it
        command = [sys.executable, "-m", "entrypoints.cli", "serve", "--port", str(port)]
        self.apis[port] = subprocess.Popen(
            [*command, "--workers", "1"], env=self.env(), stdout=log, stderr=log
        )
        _wait_ready(f"http://127.0.0.1:{port}/health/ready", self.apis[port])

    def start_worker(self) -> None:
        log = open(self.data_dir / f"worker-{len(self.workers)}.log", "ab")  # noqa: SIM115
        command = [sys.executable, "-m", "entrypoints.cli", "worker"]
        self.workers.append(subprocess.Popen(command, env=self.env(), stdout=log, stderr=log))

    def stop_api(self, port: int) -> float:
        """SIGTERM, as an orchestrator does; the seconds until the process is gone."""
        began = time.monotonic()
        process = self.apis.pop(port)
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        return time.monotonic() - began

    def start_haproxy(self, binary: str) -> None:
        self.lb_port = free_port()
        servers = "\n".join(
            f"    server api{i} 127.0.0.1:{port} check" for i, port in enumerate(self.api_ports)
        )
        config = self.data_dir / "haproxy.cfg"
        config.write_text(
            f"""global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    retries 3
    option redispatch 1
    retry-on conn-failure empty-response
    option http-server-close

frontend api
    bind 127.0.0.1:{self.lb_port}
    default_backend apis

backend apis
    balance roundrobin
    option httpchk GET /health/ready
    http-check expect status 200
    timeout check 2s
    default-server inter 500ms fall 2 rise 2
{servers}
"""
        )
        log = open(self.data_dir / "haproxy.log", "ab")  # noqa: SIM115 - lives with it
        self.haproxy = subprocess.Popen([binary, "-db", "-f", str(config)], stdout=log, stderr=log)
        _wait_ready(self.base + "/health/ready", self.haproxy)

    def stop_all(self) -> None:
        for process in [*self.apis.values(), *self.workers]:
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGINT)
        for process in [*self.apis.values(), *self.workers]:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=60)
        if self.haproxy is not None:
            self.haproxy.terminate()
            self.haproxy.wait(timeout=10)


def _wait_ready(url: str, process: subprocess.Popen[bytes], limit_s: float = 120) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"a process stopped while starting ({url})")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.2)  # polling a starting process
    raise SystemExit(f"not ready in time: {url}")


# --- the checks -----------------------------------------------------------------------------


@dataclass
class Verdicts:
    failed: list[str] = field(default_factory=list)

    def check(self, what: str, ok: bool, detail: str) -> None:
        print(f"  {'ok    ' if ok else 'FAILED'} {what}: {detail}", flush=True)
        if not ok:
            self.failed.append(what)


def register(base: str, count: int, tag: str) -> list[str]:
    """Customers signed up through an API process, each from a client address of its own
    (the balancer's address is trusted, so the forwarded one is the client's)."""
    tokens = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for i in range(count):
            answer = client.post(
                "/api/v1/auth/register",
                json={
                    "email": f"scale-{tag}-{i}@example.com",
                    "password": PASSWORD,
                    "name": f"Customer {i}",
                    "role": "customer",
                },
                headers={"X-Forwarded-For": f"198.51.100.{i % 250 + 1}"},
            )
            answer.raise_for_status()
            tokens.append(str(answer.json()["tokens"]["accessToken"]))
    return tokens


def booking_body(catalogue: Catalogue, k: int) -> dict[str, str]:
    artist, start = catalogue.creation_slot(k)
    return {"artistId": str(artist.id), "serviceId": str(artist.service_id), "start": iso(start)}


async def race(deployment: Deployment, catalogue: Catalogue, tokens: list[str]) -> list[int]:
    """Every customer asks for the same slot at once, through the balancer."""
    body = booking_body(catalogue, 10_000_000)
    async with httpx.AsyncClient(base_url=deployment.base, timeout=60) as client:
        answers = await asyncio.gather(
            *(client.post("/api/v1/bookings", json=body, headers=_auth(token)) for token in tokens)
        )
    return [a.status_code for a in answers]


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def hear(port: int, token: str, heard: set[str], ready: asyncio.Event) -> None:
    """An admin's event stream on one API process: the subjects of its booking events."""
    url = f"http://127.0.0.1:{port}/api/v1/events/stream"
    timeout = httpx.Timeout(10, read=None)
    async with (
        httpx.AsyncClient(timeout=timeout) as client,
        client.stream("GET", url, headers={**_auth(token), "accept": "text/event-stream"}) as r,
    ):
        ready.set()
        event = ""
        async for line in r.aiter_lines():
            if line.startswith("event:"):
                event = line.partition(":")[2].strip()
            elif line.startswith("data:") and event.startswith("booking."):
                heard.add(json.loads(line.partition(":")[2])["subject"])


async def streams_and_bookings(
    deployment: Deployment, catalogue: Catalogue, admin: str, tokens: list[str], count: int
) -> tuple[set[str], list[set[str]]]:
    heard: list[set[str]] = [set() for _ in deployment.api_ports]
    readies = [asyncio.Event() for _ in deployment.api_ports]
    listeners = [
        asyncio.create_task(hear(port, admin, heard[i], readies[i]))
        for i, port in enumerate(deployment.api_ports)
    ]
    await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readies)), timeout=30)
    made: set[str] = set()
    async with httpx.AsyncClient(base_url=deployment.base, timeout=60) as client:
        for k in range(count):
            answer = await client.post(
                "/api/v1/bookings",
                json=booking_body(catalogue, 20_000_000 + k),
                headers=_auth(tokens[k % len(tokens)]),
            )
            answer.raise_for_status()
            made.add(f"booking/{answer.json()['id']}")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not all(made <= h for h in heard):  # noqa: ASYNC110
        await asyncio.sleep(0.1)  # the listeners fill the sets; a deadline bounds the wait
    for listener in listeners:
        listener.cancel()
    await asyncio.gather(*listeners, return_exceptions=True)
    return made, heard


async def sign_ins(deployment: Deployment, email: str) -> Counter[int]:
    """Twice the limit of wrong-password sign-ins from one address, round-robin over the
    processes directly."""
    statuses: Counter[int] = Counter()
    async with httpx.AsyncClient(timeout=60) as client:
        for i in range(2 * RATE_LIMIT):
            port = deployment.api_ports[i % len(deployment.api_ports)]
            answer = await client.post(
                f"http://127.0.0.1:{port}/api/v1/auth/login",
                json={"email": email, "password": "not-the-password"},
                headers={"X-Forwarded-For": "203.0.113.77"},
            )
            statuses[answer.status_code] += 1
    return statuses


# --- the load ---------------------------------------------------------------------------------


@dataclass
class Load:
    answered: Counter[int] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    requests: int = 0
    failures: dict[int, bytes] = field(default_factory=dict)  # a body of each 5xx status


async def steady_load(
    lb_port: int,
    catalogue: Catalogue,
    tokens: list[str],
    clients: int,
    stop: asyncio.Event,
    slots: Iterator[int],
) -> Load:
    """``clients`` keep-alive connections to the balancer, each sending a slot read (four
    times in five) or a booking of a slot nobody had (once in five) and reading the whole
    answer, until ``stop``. Raw HTTP/1.1 on asyncio streams (``loadgen.py``): an HTTP client
    library would cost the shared cores more than the servers it measures. A connection
    that fails is counted (its request is lost) and opened again."""
    load = Load()
    rng = random.Random(5)
    since, until = iso(catalogue.start(2, 0)), iso(catalogue.start(33, 0))
    host = f"127.0.0.1:{lb_port}"

    def request(c: int) -> bytes:
        if rng.random() < 0.2:
            body = json.dumps(booking_body(catalogue, next(slots))).encode()
            headers = {**_auth(tokens[c % len(tokens)]), "Content-Type": "application/json"}
            return build_request("POST", "/api/v1/bookings", host, headers, body)
        artist = catalogue.artists[rng.randrange(len(catalogue.artists))]
        path = (
            f"/api/v1/artists/{artist.id}/slots?serviceId={artist.service_id}"
            f"&from={since}&to={until}"
        )
        return build_request("GET", path, host, {})

    async def one(c: int) -> None:
        connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        while not stop.is_set():
            load.requests += 1
            try:
                if connection is None:
                    connection = await asyncio.open_connection("127.0.0.1", lb_port)
                reader, writer = connection
                writer.write(request(c))
                status, body = await read_answer(reader)
                load.answered[status] += 1
                if status >= 500:
                    load.failures.setdefault(status, body[:300])
            except (OSError, asyncio.IncompleteReadError) as error:
                load.errors[type(error).__name__] += 1
                connection = None
        if connection is not None:
            connection[1].close()

    await asyncio.gather(*(one(c) for c in range(clients)))
    return load


async def measure(
    lb_port: int, catalogue: Catalogue, tokens: list[str], clients: int, seconds: float,
    slots: Iterator[int],
) -> tuple[float, Load]:  # fmt: skip
    stop = asyncio.Event()
    began = time.monotonic()
    task = asyncio.create_task(steady_load(lb_port, catalogue, tokens, clients, stop, slots))
    await asyncio.sleep(seconds)  # the measured window
    stop.set()
    load = await task
    return load.requests / (time.monotonic() - began), load


async def rolling_restart(
    deployment: Deployment, catalogue: Catalogue, tokens: list[str], clients: int,
    slots: Iterator[int],
) -> tuple[Load, list[float]]:  # fmt: skip
    stop = asyncio.Event()
    task = asyncio.create_task(
        steady_load(deployment.lb_port, catalogue, tokens, clients, stop, slots)
    )
    stopping: list[float] = []
    await asyncio.sleep(2)  # the load is running before the first restart
    for port in list(deployment.api_ports):
        stopping.append(await asyncio.to_thread(deployment.stop_api, port))
        await asyncio.to_thread(deployment.start_api, port)
        await asyncio.sleep(1)  # the balancer's health check sees it back (rise 2 x 200 ms)
    stop.set()
    return await task, stopping


def overlapping(database_url: str) -> int:
    with psycopg.connect(database_url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM bookings a JOIN bookings b ON a.artist_id = b.artist_id"
            " AND a.id < b.id AND a.blocked && b.blocked"
            " WHERE a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')"
        ).fetchone()
    return int(row[0]) if row else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--apis", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--clients", type=int, default=24)
    parser.add_argument("--seconds", type=float, default=15)
    args = parser.parse_args()
    haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
    if pgbouncer_binary() is None or not Path(haproxy).exists():
        raise SystemExit("needs pgbouncer and haproxy: apt-get install pgbouncer haproxy")
    redis_url = os.environ.get("INKSLOT_REDIS_URL", "redis://127.0.0.1:6379/0")
    with tempfile.TemporaryDirectory(prefix="inkslot-scale-") as tmp:
        data_dir = Path(tmp)
        server, direct_url = start_postgres(data_dir)
        try:
            catalogue = seed_catalogue(direct_url)
            with pgbouncer(direct_url, pool_size=20) as pooled_url:
                deployment = Deployment(
                    data_dir, direct_url, pooled_url, redis_url, f"scale-{os.getpid()}",
                    [free_port() for _ in range(args.apis)],
                )  # fmt: skip
                try:
                    asyncio.run(run(deployment, catalogue, args, haproxy))
                finally:
                    deployment.stop_all()
        finally:
            server.destroy()


async def run(
    deployment: Deployment, catalogue: Catalogue, args: argparse.Namespace, haproxy: str
) -> None:
    verdicts = Verdicts()
    began = time.monotonic()
    for port in deployment.api_ports:
        await asyncio.to_thread(deployment.start_api, port)
    for _ in range(args.workers):
        deployment.start_worker()
    deployment.start_haproxy(haproxy)
    print(
        f"{args.apis} API processes and {args.workers} workers on PostgreSQL through PgBouncer"
        f" (transaction mode) and Redis, behind HAProxy: up in {time.monotonic() - began:.1f} s",
        flush=True,
    )
    first_api = f"http://127.0.0.1:{deployment.api_ports[0]}"
    admin = admin_token(first_api, deployment.direct_url, deployment.data_dir)
    receiver = Receiver()
    hook_every_event(first_api, admin, receiver)
    tokens = await asyncio.to_thread(register, first_api, 60, str(os.getpid()))

    statuses = await race(deployment, catalogue, tokens[:30])
    won = statuses.count(201)
    verdicts.check(
        "one slot, 30 customers racing over every process",
        won == 1 and statuses.count(409) == 29,
        f"{won} booked, {statuses.count(409)} refused (409), others {sorted(set(statuses))}",
    )

    made, heard = await streams_and_bookings(deployment, catalogue, admin, tokens, 30)
    verdicts.check(
        "every stream hears every booking, whatever process it is on",
        all(made <= h for h in heard),
        ", ".join(f"process {i + 1}: {len(made & h)}/{len(made)}" for i, h in enumerate(heard)),
    )

    limited = await sign_ins(deployment, "scale-nobody@example.com")
    verdicts.check(
        f"sign-in limit of {RATE_LIMIT}/min shared by {args.apis} processes",
        limited[429] == RATE_LIMIT and sum(limited.values()) == 2 * RATE_LIMIT,
        f"{dict(sorted(limited.items()))} for {2 * RATE_LIMIT} attempts from one address",
    )

    slots = itertools.count()
    rate_all, load_all = await measure(
        deployment.lb_port, catalogue, tokens, args.clients, args.seconds, slots
    )
    print(
        f"  throughput, {args.apis} API processes: {rate_all:.0f} requests/s"
        f" {dict(sorted(load_all.answered.items()))}",
        flush=True,
    )

    load, stopping = await rolling_restart(deployment, catalogue, tokens, args.clients, slots)
    lost = sum(load.errors.values()) + sum(n for s, n in load.answered.items() if s >= 500)
    verdicts.check(
        "a rolling restart under load loses no request",
        lost == 0 and not set(load.answered) - {200, 201},
        f"{load.requests} requests: {dict(sorted(load.answered.items()))}, transport errors"
        f" {dict(load.errors)}; each process stopped {', '.join(f'{s:.1f}' for s in stopping)}"
        f" s after SIGTERM (drain {DRAIN:.0f} s) {load.failures or ''}",
    )

    for port in deployment.api_ports[1:]:
        await asyncio.to_thread(deployment.stop_api, port)
    await asyncio.sleep(1)  # the balancer marks them down
    rate_one, load_one = await measure(
        deployment.lb_port, catalogue, tokens, args.clients, args.seconds, slots
    )
    print(
        f"  throughput, 1 API process: {rate_one:.0f} requests/s"
        f" {dict(sorted(load_one.answered.items()))}"
        f" ({rate_all / rate_one:.2f}x with {args.apis}, on {os.cpu_count()} cores shared with"
        " PostgreSQL, PgBouncer, HAProxy, the workers and this load generator)",
        flush=True,
    )

    await asyncio.to_thread(wait_until_told, deployment.direct_url, limit_s=300)
    await asyncio.sleep(1)  # the last deliveries' answers reach the receiver
    with psycopg.connect(deployment.direct_url) as conn:  # the run's, not the seeded ones
        row = conn.execute(
            "SELECT count(*) FROM bookings WHERE customer_id <> %s",
            (catalogue.history_customer,),
        ).fetchone()
    bookings = int(row[0]) if row else 0
    confirmed = receiver.received.get("booking.confirmed", 0)
    ids = receiver.ids
    verdicts.check(
        "every event delivered once (webhook jobs run by the workers)",
        len(ids) == len(set(ids)) and confirmed == bookings,
        f"{len(ids)} deliveries, {len(set(ids))} distinct events, {confirmed} booking.confirmed"
        f" for {bookings} bookings",
    )
    pairs = overlapping(deployment.direct_url)
    verdicts.check("no overlapping active bookings", pairs == 0, f"{pairs} overlapping pairs")
    if verdicts.failed:
        raise SystemExit(f"FAILED: {', '.join(verdicts.failed)}")
    print("all guarantees held", flush=True)


if __name__ == "__main__":
    main()
