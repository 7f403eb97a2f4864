"""Benchmark: booking creation, a hot-slot storm, the slots query, a 90/10 mix, and the
database's own insert ceiling (pgbench) for comparison.

It starts the embedded PostgreSQL as the local profile does (same settings, in a temporary
directory), migrates it, seeds 200 approved artists with straight SQL (see
``bench/booking_setup.py``), starts ``inkslot serve --workers 2`` on it, registers customers
through the API, and drives the server with the closed-loop keep-alive client of
``bench/loadgen.py``. Client, server and PostgreSQL share this 2-core machine.

    .venv/bin/python bench/bookings.py [--seconds 10] [--mix-seconds 60] [--quick]
        [--topology local|apart|none] [--only creation,floor,storm,slots,mix,told,pgbench]
        [--told-seconds 30] [--worker-processes 1] [--statements] [--rates-json PATH]
        [--py-spy /tmp/probe/bin/py-spy --profile-dir /tmp/profiles]

``--topology local`` (the default) is ``make run``'s: the job worker the server starts beside
the API processes (niceness 19); ``apart`` is production's: the API without it, and one
``inkslot worker`` process (``--worker-processes N``: N of them, as a deployment runs one or
more); ``none`` runs no worker at all, so a creation costs only what
the API and PostgreSQL spend on it (nobody is told: the cost of the booking alone).

``floor`` drives ``GET /api/v1/me`` at 8 clients: the cheapest signed-in request, what any
request pays before its own work; no creation can be faster than it on the same machine.

``told`` follows bookings past their 201 (``bench/told.py``): customers with phones, an
admin's webhook for every event on a loopback receiver; bookings are created at 8 clients
for ``--told-seconds``, then the bench waits until every one is fully told (every email
written, every text sent, every inbox item stored, every webhook delivered, every reader of
the outbox at its tail) and reports bookings created and fully told per second.
``--statements`` loads pg_stat_statements and prints, after ``told``, the statements
PostgreSQL ran per booking (creation and telling together).

``BENCH_ACCEPT_ENCODING=gzip`` makes every request say ``Accept-Encoding: gzip``, as
browsers and most HTTP clients do (without it the bench asks for no compression): what
compressing the answers costs (docs/performance.md, "Compression"; ``bench/ab.py`` passes
it on to both sides alike).

Prints requests/s, p50/p99 and status counts per scenario; never asserts timings.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psycopg

from balanced import run_balanced
from booking_setup import (
    Catalogue,
    free_port,
    iso,
    pgbench_rows,
    register_customers,
    seed_catalogue,
    start_postgres,
    start_server,
    start_worker,
    stop_server,
    worker_pids,
)
from cpu import CpuMeter
from loadgen import Result, build_request, run_load
from told import (
    Receiver,
    admin_token,
    backlog,
    hook_every_event,
    reset_statements,
    statements_report,
    told_counts,
    wait_until_told,
)

# What the load says it accepts (a browser says "gzip, deflate, br"); empty: nothing.
ACCEPT_ENCODING = os.environ.get("BENCH_ACCEPT_ENCODING", "")
HOST = "127.0.0.1"
WORKERS = 2
OK = {200, 201}


class Bench:
    def __init__(
        self, catalogue: Catalogue, port: int, tokens: list[str], args: argparse.Namespace
    ):
        self.catalogue = catalogue
        self.port = port
        self.tokens = tokens
        self.args = args
        self.next_slot = itertools.count()  # every creation gets a slot nobody had
        self.rng = random.Random(11)
        self.server: subprocess.Popen | None = None  # type: ignore[type-arg]
        self.workers: list[subprocess.Popen] = []  # type: ignore[type-arg]
        self.postmaster_pid = 0
        self.database_url = ""  # for --statements

    def _headers(self, i: int) -> dict[str, str]:
        token = self.tokens[(i // 1_000_000) % len(self.tokens)]
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        if ACCEPT_ENCODING:
            headers["Accept-Encoding"] = ACCEPT_ENCODING
        return headers

    def create_request(self, i: int) -> bytes:
        artist, start = self.catalogue.creation_slot(next(self.next_slot))
        body = {"artistId": str(artist.id), "serviceId": str(artist.service_id)}
        body |= {"start": iso(start), "notes": "bench"}
        return build_request(
            "POST", "/api/v1/bookings", HOST, self._headers(i), json.dumps(body).encode()
        )

    def slots_path(self, artist_index: int) -> str:
        artist = self.catalogue.artists[artist_index]
        since, until = self.catalogue.start(2, 0), self.catalogue.start(33, 0)
        return (
            f"/api/v1/artists/{artist.id}/slots?serviceId={artist.service_id}"
            f"&from={iso(since)}&to={iso(until)}"
        )

    def slots_request(self, i: int) -> bytes:
        path = self.slots_path(self.rng.randrange(len(self.catalogue.artists)))
        return build_request("GET", path, HOST, self._headers(i))

    def run(self, name: str, factory: Callable[[int], bytes], clients: int, **kw: float) -> Result:
        seconds = kw.get("seconds", self.args.seconds)
        if kw.get("warmup", 1.0):
            self._load(name, factory, clients, 1.0)
        if self.args.statements and self.database_url:
            reset_statements(self.database_url)  # the window's statements only
        profiles = self._profile(name)
        others = {
            "worker" if n == 0 else f"worker {n + 1}": w.pid for n, w in enumerate(self.workers)
        }
        meter = CpuMeter(self.server.pid, self.postmaster_pid, others) if self.server else None
        before = meter.snapshot() if meter else {}
        result, split = self._load(name, factory, clients, seconds)
        after = meter.snapshot() if meter else {}
        for profile in profiles:
            profile.wait()
        print(result.line(), flush=True)
        if split:
            print(f"    connections per worker: {sorted(split.values(), reverse=True)}")
        if meter and not profiles:  # py-spy's own sampling would skew the split
            print(CpuMeter.line(before, after, len(result.latencies_ms), result.seconds))
        return result

    def _load(
        self, name: str, factory: Callable[[int], bytes], clients: int, seconds: float
    ) -> tuple[Result, Counter[int]]:
        if self.args.no_balance:
            load = run_load(
                name, HOST, self.port, factory, concurrency=clients, duration=seconds, warmup=0
            )
            return load, Counter()
        return run_balanced(
            name, HOST, self.port, factory, concurrency=clients, duration=seconds, workers=WORKERS
        )

    def _profile(self, name: str) -> list[subprocess.Popen]:  # type: ignore[type-arg]
        if not (self.args.py_spy and self.args.profile_dir and self.server):
            return []
        out = Path(self.args.profile_dir)
        out.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        return [
            subprocess.Popen(
                [
                    self.args.py_spy,
                    "record",
                    "-p",
                    str(pid),
                    "-d",
                    "5",
                    "-f",
                    "raw",
                    "-o",
                    str(out / f"{slug}-{pid}.txt"),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            for pid in [*worker_pids(self.server), *(w.pid for w in self.workers)]
        ]


def _probe(base: str, path: str, token: str) -> tuple[int, bytes]:
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _verdict(label: str, value: float, target: str) -> None:
    print(f"    {label:<44} {value:>10.1f}   target {target}")


def creation(bench: Bench) -> dict[int | str, float]:
    """Successful bookings/s per client count."""
    print("\n# booking creation on free slots over 200 artists (confirmed at once)")
    rates: dict[int | str, float] = {}
    for clients, p99_target in ((8, "<= 10 ms"), (64, "<= 150 ms")):
        result = bench.run(f"POST /bookings free c={clients}", bench.create_request, clients)
        rates[clients] = result.statuses[201] / result.seconds
        _verdict("successful bookings/s", rates[clients], ">= 1,500")
        _verdict("p99 ms", result.percentile(99), p99_target)
        if bench.args.statements and bench.database_url:
            print("\n".join(statements_report(bench.database_url, result.statuses[201])))
    return rates


def told(bench: Bench, base: str, database_url: str, data_dir: Path) -> float:
    """Bookings created and fully told per second, over a sustained creation at 8 clients
    and the drain that follows it (``bench/told.py``)."""
    print("\n# created and fully told: every message, inbox item and webhook of each booking")
    receiver = Receiver()
    hook_every_event(base, admin_token(base, database_url, data_dir), receiver)
    bench.tokens = register_customers(
        base, bench.args.customers, phones=True, database_url=database_url
    )
    wait_until_told(database_url)  # what the scenarios before left to do
    assert backlog(database_url).empty, "the pipeline had work left before the run"
    result = bench.run("POST /bookings, then told", bench.create_request, 8,
                       seconds=bench.args.told_seconds, warmup=0)  # fmt: skip
    drained = wait_until_told(database_url)
    created = result.statuses[201]
    rate = created / (result.seconds + drained)
    print(f"    {created} bookings in {result.seconds:.1f} s, all told {drained:.1f} s later")
    _verdict("bookings created and fully told /s", rate, ">= 0.25 of the ceiling")
    counts = told_counts(database_url)
    print("    " + ", ".join(f"{name}: {n}" for name, n in sorted(counts.items())))
    print(f"    webhooks received: {sum(receiver.received.values())}")
    if bench.args.statements:
        print("\n".join(statements_report(database_url, created)))
    receiver.server.shutdown()
    return rate


def storm(bench: Bench, database_url: str) -> None:
    print("\n# hot-slot storm: 64 clients on 10 slots of one artist")
    hot = bench.catalogue.hot
    bodies = [
        json.dumps(
            {"artistId": str(hot.id), "serviceId": str(hot.service_id), "start": iso(start)}
        ).encode()
        for start in (bench.catalogue.start(40, hour) for hour in range(8, 18))
    ]
    rng = random.Random(3)

    def factory(i: int) -> bytes:
        return build_request(
            "POST", "/api/v1/bookings", HOST, bench._headers(i), rng.choice(bodies)
        )

    seconds = 10.0 if not bench.args.quick else bench.args.seconds
    result = bench.run("POST /bookings hot storm", factory, 64, seconds=seconds, warmup=0)
    with psycopg.connect(database_url) as conn:
        (active,) = conn.execute(
            "SELECT count(*) FROM bookings WHERE artist_id = %s"
            " AND status IN ('pending', 'confirmed')",
            (hot.id,),
        ).fetchone() or (0,)
    server_errors = sum(n for s, n in result.statuses.items() if s >= 500)
    print(
        f"    created {result.statuses[201]} (expected exactly 10; {active} active rows), "
        f"409: {result.statuses[409]}, 5xx: {server_errors}"
    )
    _verdict("responses/s", result.rate, ">= 2,000")


def slots(bench: Bench, base: str) -> bool:
    print("\n# GET /artists/{id}/slots, 31 days, rules + 4 overrides + 200 bookings in range")
    status, body = _probe(base, bench.slots_path(0), bench.tokens[0])
    if status != 200:
        print(f"    SKIPPED: the slots endpoint answered {status}: {body[:300]!r}")
        return False
    offered = len(json.loads(body).get("items", []))
    print(f"    one response: {offered} free slots, {len(body):,} bytes")
    result = bench.run("GET /slots 31 days", bench.slots_request, 32)
    _verdict("req/s", result.rate, ">= 1,000")
    _verdict("p99 ms", result.percentile(99), "<= 60 ms")
    return True


def floor(bench: Bench) -> float:
    """The cheapest signed-in request the API serves, ``GET /api/v1/me`` (the token checked,
    the session looked up, one small read, the answer written), at 8 clients: what every
    request pays before it does any work of its own. A creation does all of it and more
    (its body decoded, the scheduling context read, the domain's check, the insert), so its
    rate cannot pass this one's on the same machine."""
    print("\n# the floor: GET /api/v1/me, the cheapest signed-in request")

    def factory(i: int) -> bytes:
        return build_request("GET", "/api/v1/me", HOST, bench._headers(i))

    result = bench.run("GET /me c=8", factory, 8)
    _verdict("req/s", result.rate, "(a ceiling for any creation)")
    return result.rate


def mix(bench: Bench) -> None:
    print("\n# mix: 90% slots, 10% bookings")
    rng = random.Random(5)

    def factory(i: int) -> bytes:
        return bench.create_request(i) if rng.random() < 0.1 else bench.slots_request(i)

    result = bench.run("mix 90/10", factory, 32, seconds=bench.args.mix_seconds)
    errors = sum(n for s, n in result.statuses.items() if s not in OK)
    _verdict("req/s", result.rate, ">= 1,000")
    print(f"    errors (not 200/201): {errors}   target 0")


PGBENCH_SCRIPT = """\\set n :n + 1
\\set k :n * 64 + :client_id
\\set a :k % 200
\\set j :k / 200
BEGIN;
WITH b AS (
  INSERT INTO bookings (id, reference, artist_id, artist_user_id, customer_id, service_id,
    starts_at, ends_at, blocked, status, payment_status, requires_approval, approved,
    currency, deposit_amount, version, status_changed_at)
  SELECT gen_random_uuid(), 'PGB-' || :k, a.artist_id, a.artist_user_id, a.customer_id,
    a.service_id, t.s, t.s + interval '1 hour', tstzrange(t.s, t.s + interval '1 hour'),
    'confirmed', 'unpaid', false, true, 'MNT', 0, 1, now()
  FROM bench_artists a,
    (SELECT timestamptz '2031-01-01 00:00+00' + :j * interval '1 hour' AS s) t
  WHERE a.n = :a
  RETURNING id, customer_id)
INSERT INTO booking_events (booking_id, version, kind, at, actor_id, actor_role, to_status)
SELECT id, 1, 'requested', now(), customer_id, 'customer', 'confirmed' FROM b;
END;
"""


def pgbench(pg_bin: Path, port: int, seconds: float, workdir: Path, passfile: Path) -> float | None:
    """Inserts of the same shape (booking + its first event, one transaction) under the same
    exclusion constraint, 8 clients, prepared statements: the database's ceiling. It signs
    in as the API does, with the embedded server's password file."""
    script = workdir / "insert_booking.sql"
    script.write_text(PGBENCH_SCRIPT)
    command = [str(pg_bin), "-h", HOST, "-p", str(port), "-U", "postgres", "-n", "-M", "prepared"]
    command += ["-c", "8", "-j", "2", "-T", str(max(1, round(seconds))), "-D", "n=0"]
    command += ["-f", str(script), "inkslot"]
    environment = os.environ | {"PGPASSFILE": str(passfile)}
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    match = re.search(r"tps = ([0-9.]+)", done.stdout)
    failed = re.search(r"number of failed transactions: (\d+)", done.stdout)
    latency = re.search(r"latency average = ([0-9.]+ ms)", done.stdout)
    if done.returncode != 0 or match is None:
        print(f"    pgbench failed ({done.returncode}): {done.stderr.strip()[-500:]}")
        return None
    tps = float(match.group(1))
    latency_text = latency.group(1) if latency else "?"
    print(
        f"    pgbench c=8: {tps:,.0f} booking inserts/s, latency {latency_text}, "
        f"failed {failed.group(1) if failed else '?'}"
    )
    return tps


def scenarios(
    bench: Bench, only: set[str], base: str, database_url: str, data_dir: Path
) -> dict[int | str, float]:
    """Runs the scenarios asked for, in order; the rates to set against the ceiling."""
    rates = creation(bench) if "creation" in only else {}
    if "floor" in only:
        rates["floor"] = floor(bench)
    if "storm" in only:
        storm(bench, database_url)
    if "slots" in only and slots(bench, base) and "mix" in only:
        mix(bench)
    if "told" in only:
        rates["told"] = told(bench, base, database_url, data_dir)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--mix-seconds", type=float, default=60)
    parser.add_argument("--quick", action="store_true", help="3 s runs, 10 s mix")
    parser.add_argument("--customers", type=int, default=64)
    parser.add_argument(
        "--no-balance",
        action="store_true",
        help="leave the connections where the kernel puts them (often all on one worker)",
    )
    parser.add_argument(
        "--only",
        default="creation,storm,slots,mix,told,pgbench",
        # also: floor (GET /me at 8 clients, the cheapest signed-in request)
        help="comma-separated scenarios to run (default: all)",
    )
    parser.add_argument(
        "--topology",
        choices=("local", "apart", "none"),
        default="local",
        help="local: a job worker in each API process; apart: `inkslot worker` processes "
        "(--worker-processes, one by default); "
        "none: no worker at all (creation alone, nobody told: the API's own cost)",
    )
    parser.add_argument("--told-seconds", type=float, default=30)
    parser.add_argument(
        "--worker-processes",
        type=int,
        default=1,
        help="apart: how many `inkslot worker` processes (production runs one or more)",
    )
    parser.add_argument("--statements", action="store_true", help="pg_stat_statements per booking")
    parser.add_argument("--rates-json", help="also write the scenarios' rates to this file")
    parser.add_argument("--py-spy", help="path to py-spy: profile each worker for 5 s per run")
    parser.add_argument("--profile-dir", help="where the py-spy raw profiles go")
    args = parser.parse_args()
    if args.worker_processes < 1:
        parser.error("--worker-processes must be at least 1")
    if args.quick:
        args.seconds, args.mix_seconds = 3.0, 10.0

    tmp = Path(tempfile.mkdtemp(prefix="inkslot-bench-bookings-"))
    preload = {"shared_preload_libraries": "pg_stat_statements"} if args.statements else None
    postgres, database_url = start_postgres(tmp, preload)
    server = None
    workers: list[subprocess.Popen] = []  # type: ignore[type-arg]
    try:
        catalogue = seed_catalogue(database_url)
        port = free_port()
        apart = args.topology == "apart"
        embedded = args.topology == "local"
        extra = {} if embedded else {"INKSLOT_EMBEDDED_WORKER": "false"}
        server = start_server(tmp, database_url, port, workers=WORKERS, **extra)
        count = args.worker_processes if apart else 0
        workers = [start_worker(tmp, database_url, n) for n in range(count)]
        base = f"http://{HOST}:{port}"
        tokens = register_customers(base, args.customers)
        bench = Bench(catalogue, port, tokens, args)
        bench.server, bench.workers = server, workers
        bench.database_url = database_url
        bench.postmaster_pid = int((postgres.pgdata / "postmaster.pid").read_text().split()[0])
        where = {
            "local": "the job worker serve starts beside them",
            "apart": f"{_processes(len(workers))} apart",
            "none": "no job worker at all",
        }[args.topology]
        print(
            f"server: {base}, 2 API processes, {where}; embedded PostgreSQL (local-profile "
            f"settings); client, server and PostgreSQL share {_cpus()} cores"
        )
        only = set(args.only.split(","))
        rates = scenarios(bench, only, base, database_url, tmp)
        if args.rates_json:
            Path(args.rates_json).write_text(json.dumps({str(k): v for k, v in rates.items()}))
        stop_server(server)
        server = None
        for worker in workers:
            stop_server(worker)
        workers = []
        if "pgbench" not in only:
            return
        print("\n# the database's ceiling: pgbench, same rows, same constraint")
        pgbench_rows(database_url, catalogue)
        tps = pgbench(
            postgres.bin("pgbench"), postgres.port or 0, args.seconds, tmp, postgres.password_file
        )
        _overlap_check(database_url)
        for name, rate in rates.items() if tps else ():
            what = {
                "told": "created and fully told",
                "floor": "GET /me at c=8 (the floor)",
            }.get(str(name), f"API creations/s at c={name}")
            print(f"    {what} / pgbench ceiling: {rate / tps:.2f}")
    finally:
        for process in (server, *workers):
            if process is not None:
                stop_server(process)
        postgres.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def _overlap_check(database_url: str) -> None:
    with psycopg.connect(database_url) as conn:
        (pairs,) = conn.execute(
            "SELECT count(*) FROM bookings a JOIN bookings b ON a.artist_id = b.artist_id"
            " AND a.id < b.id AND a.blocked && b.blocked"
            " WHERE a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')"
        ).fetchone() or (0,)
    print(f"    overlapping active bookings after the run: {pairs}")


def _processes(count: int) -> str:
    return "one `inkslot worker`" if count == 1 else f"{count} `inkslot worker` processes"


def _cpus() -> int:
    return os.cpu_count() or 0


if __name__ == "__main__":
    main()
