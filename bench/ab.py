"""A/B benchmark: the working tree against a git revision, side by side, alternating, in
both topologies.

Each side serves (``inkslot serve --workers 2``) its own database on one embedded
PostgreSQL, migrated by that side's own migrations and seeded with the catalogue of
``bench/bookings.py``; the load alternates between the sides in short windows (booking
creation at 8 clients, the 31-day slot query at 32 clients), the first side switching every
round. This machine's speed drifts by tens of percent over minutes (shared virtual CPUs), so
two separate runs cannot resolve a 5 % difference; neighbouring windows see the same drift.

The topologies, each run in turn (``--topology local,apart``, the default, runs both):

- ``local``: ``make run``'s, the job worker the server starts beside the API (niceness 19);
- ``apart``: production's, the API without it and one ``inkslot worker`` per side, each on
  its own side's database (so neither side runs the other's jobs).

    .venv/bin/python bench/ab.py [--rev HEAD] [--rounds 8] [--seconds 3]
                                 [--topology local,apart]

Before each window, both sides' pipelines are drained (``bench/told.py``): a window pays
for telling its own bookings (in ``local``, as far as the low-priority worker gets to it),
never for the last window's. ``AB_ENV=NAME=VALUE,...`` adds settings to the working tree's
servers only. Prints each window and, per topology and scenario, the median rate of each
side and their ratio, with how many rounds the working tree was ahead, and each side's
median p99; never asserts.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from adapters.postgres.embedded import EmbeddedPostgres
from balanced import run_balanced
from booking_setup import Catalogue, free_port, register_customers, seed_catalogue
from bookings import HOST, WORKERS, Bench
from entrypoints.database import ensure_database
from serving import export, stop_server, wait_until_ready
from told import wait_until_told

ROOT = Path(__file__).resolve().parent.parent
SECRET = "ab-benchmark-secret-" + "x" * 32
SCENARIOS = ("creation", "slots")


@dataclass
class Side:
    label: str
    src: Path  # the tree's src/, first on the import path of its processes
    database_url: str
    data_dir: Path
    catalogue: Catalogue | None = None
    processes: tuple[subprocess.Popen[bytes], ...] = ()
    bench: Bench | None = None

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")}
        env |= {
            "PYTHONPATH": str(self.src),
            "INKSLOT_DATA_DIR": str(self.data_dir),
            "INKSLOT_DATABASE_URL": self.database_url,
            "INKSLOT_JWT_SECRET": SECRET,
            "INKSLOT_SEED_DEMO_DATA": "false",
            "INKSLOT_AUTH_RATE_LIMIT_PER_MINUTE": "10000000",
            "INKSLOT_SIGN_UP_RATE_LIMIT_PER_HOUR": "10000000",
            "INKSLOT_ACCESS_TOKEN_MINUTES": "240",
        }
        if self.src == ROOT / "src" and os.environ.get("AB_ENV"):
            env |= dict(kv.split("=", 1) for kv in os.environ["AB_ENV"].split(","))
        return env

    def run(
        self, *arguments: str, log: str, extra: dict[str, str] | None = None
    ) -> subprocess.Popen[bytes]:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "entrypoints.cli", *arguments]
        with open(self.data_dir / log, "ab") as out:
            return subprocess.Popen(
                command,
                env=self.environment() | (extra or {}),
                stdout=subprocess.DEVNULL,
                stderr=out,
            )

    def migrate(self) -> None:
        if self.run("migrate", log="migrate.log").wait() != 0:
            raise SystemExit(f"{self.label}: migrating failed ({self.data_dir / 'migrate.log'})")

    def start(self, topology: str, args: argparse.Namespace, slots: itertools.count[int]) -> None:
        port = free_port()
        apart = {"INKSLOT_EMBEDDED_WORKER": "false"} if topology == "apart" else {}
        serve = ("serve", "--port", str(port), "--workers", str(WORKERS))
        server = self.run(*serve, log="server.log", extra=apart)
        wait_until_ready(server, port)
        worker = (self.run("worker", log="worker.log"),) if topology == "apart" else ()
        self.processes = (server, *worker)
        assert self.catalogue is not None
        self.bench = Bench(self.catalogue, port, [], args)
        self.bench.next_slot = slots
        self.bench.tokens = register_customers(f"http://{HOST}:{port}", args.customers)
        # What the topology before left undone (its notifications, webhooks) is done first:
        # neither side's windows pay for the other topology's work.
        wait_until_told(self.database_url)

    def stop(self) -> None:
        for process in self.processes:
            stop_server(process)
        self.processes = ()


def window(bench: Bench, scenario: str, seconds: float) -> tuple[float, float]:
    """One load window on one side: successful creations/s or slot responses/s, and the
    window's p99 latency in ms."""
    if scenario == "creation":
        factory, clients, ok = bench.create_request, 8, 201
    else:
        factory, clients, ok = bench.slots_request, 32, 200
    run_balanced(scenario, HOST, bench.port, factory, concurrency=clients, duration=1.0,
                 workers=WORKERS)  # warm-up  # fmt: skip
    result, _ = run_balanced(
        scenario, HOST, bench.port, factory, concurrency=clients, duration=seconds,
        workers=WORKERS,
    )  # fmt: skip
    return result.statuses[ok] / result.seconds, result.percentile(99)


def compare(sides: list[Side], topology: str, args: argparse.Namespace) -> list[str]:
    """Alternate windows between the sides; the summary lines of this topology."""
    rates: dict[tuple[str, str], list[float]] = {}
    tails: dict[tuple[str, str], list[float]] = {}
    for round_ in range(args.rounds):
        order = sides if round_ % 2 == 0 else sides[::-1]
        for scenario in SCENARIOS:
            for side in order:
                assert side.bench is not None
                # Each window starts with nothing left to tell on either side: a side's
                # worker telling its last window's bookings would load the next window.
                for each in sides:
                    wait_until_told(each.database_url)
                rate, p99 = window(side.bench, scenario, args.seconds)
                rates.setdefault((scenario, side.label), []).append(rate)
                tails.setdefault((scenario, side.label), []).append(p99)
                print(
                    f"{topology:<6} round {round_ + 1} {scenario:<8} {side.label:<14} "
                    f"{rate:8.1f} /s  p99 {p99:6.1f} ms",
                    flush=True,
                )
    rev, tree = sides[0].label, sides[1].label
    lines = []
    for scenario in SCENARIOS:
        b, a = rates[(scenario, rev)], rates[(scenario, tree)]
        ahead = sum(x > y for x, y in zip(a, b, strict=True))
        lines.append(
            f"{topology:<6} {scenario:<8} median: {rev} {statistics.median(b):8.1f} /s, "
            f"{tree} {statistics.median(a):8.1f} /s, working tree / rev = "
            f"{statistics.median(a) / statistics.median(b):.3f} "
            f"(ahead in {ahead} of {len(a)} rounds); median p99 {rev} "
            f"{statistics.median(tails[(scenario, rev)]):.1f} ms, {tree} "
            f"{statistics.median(tails[(scenario, tree)]):.1f} ms"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="HEAD", help="the B side (A is the working tree)")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--customers", type=int, default=64)
    parser.add_argument(
        "--topology", default="local,apart", help="local, apart, or both (local,apart)"
    )
    args = parser.parse_args()
    args.quick, args.no_balance = True, False

    tmp = Path(tempfile.mkdtemp(prefix="inkslot-bench-ab-"))
    postgres = EmbeddedPostgres(tmp / "postgres")  # the local profile's settings
    postgres.start()
    sides: list[Side] = []
    try:
        for label, name, src in (
            (f"rev {args.rev}", "ab_rev", export(args.rev, tmp / "rev") / "src"),
            ("working tree", "ab_tree", ROOT / "src"),
        ):
            ensure_database(postgres.url(), name)
            side = Side(label, src, postgres.url(name), tmp / name)
            side.migrate()
            side.catalogue = seed_catalogue(side.database_url)
            sides.append(side)
        slots = itertools.count()  # every creation, on either side, gets its own slot
        summary: list[str] = []
        for topology in _topologies(args.topology):
            for side in sides:
                side.start(topology, args, slots)
            try:
                summary += compare(sides, topology, args)
            finally:
                for side in sides:
                    side.stop()
        print()
        print("\n".join(summary))
    finally:
        for side in sides:
            side.stop()
        postgres.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def _topologies(asked: str) -> list[str]:
    """The topologies named (``both`` is ``local,apart``); an unknown name is refused, not
    run as the local one."""
    names = ["local", "apart"] if asked == "both" else asked.split(",")
    unknown = [name for name in names if name not in ("local", "apart")]
    if unknown:
        raise SystemExit(f"unknown topology: {', '.join(unknown)} (local, apart or both)")
    return names


if __name__ == "__main__":
    main()
