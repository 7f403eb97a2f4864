"""A/B benchmark: the working tree against a git revision, side by side, alternating.

Both versions serve (``inkslot serve --workers 2`` each) on one embedded PostgreSQL with the
catalogue of ``bench/bookings.py``; the load alternates between them in short windows
(booking creation at 8 clients, the 31-day slot query at 32 clients), the first side
switching every round. This machine's speed drifts by tens of percent over minutes (shared
virtual CPUs), so two separate runs cannot resolve a 5 % difference; neighbouring windows
see the same drift.

    .venv/bin/python bench/ab.py [--rev HEAD] [--rounds 8] [--seconds 3]

Both versions run on this tree's migrations (the database is migrated once, by this tree,
and the revision's migration scripts are replaced by this tree's, so that its start-up
finds the database at a revision it knows): the revision must not mind tables it does not
use, which holds when this tree only adds.
``AB_ENV=NAME=VALUE,...`` adds settings to the working tree's servers only (for example
``AB_ENV=INKSLOT_EMBEDDED_WORKER=false`` to leave the job worker out of the API processes).
Prints each window and, per scenario, the median rate of each side and their ratio; never
asserts.
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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from balanced import run_balanced
from booking_setup import free_port, register_customers, seed_catalogue, start_postgres
from bookings import HOST, WORKERS, Bench
from serving import stop_server, wait_until_ready

ROOT = Path(__file__).resolve().parent.parent
SECRET = "ab-benchmark-secret-" + "x" * 32


def export(revision: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision], capture_output=True, check=True
    ).stdout
    into.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    for part in ("versions", "sql"):  # the revisions, not the revision's own env.py
        shutil.rmtree(into / "migrations" / part, ignore_errors=True)
        shutil.copytree(ROOT / "migrations" / part, into / "migrations" / part)
    return into


def serve(src: Path, data_dir: Path, database_url: str) -> tuple[subprocess.Popen[bytes], int]:
    """``inkslot serve`` from the source tree ``src`` (first on the import path)."""
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("INKSLOT_")}
    env |= {
        "PYTHONPATH": str(src),
        "INKSLOT_DATA_DIR": str(data_dir),
        "INKSLOT_DATABASE_URL": database_url,
        "INKSLOT_JWT_SECRET": SECRET,
        "INKSLOT_SEED_DEMO_DATA": "false",
        "INKSLOT_AUTH_RATE_LIMIT_PER_MINUTE": "10000000",
        "INKSLOT_SIGN_UP_RATE_LIMIT_PER_HOUR": "10000000",
        "INKSLOT_ACCESS_TOKEN_MINUTES": "240",
    }
    if src == ROOT / "src" and os.environ.get("AB_ENV"):
        env |= dict(kv.split("=", 1) for kv in os.environ["AB_ENV"].split(","))
    command = [sys.executable, "-m", "entrypoints.cli", "serve", "--port", str(port)]
    command += ["--workers", str(WORKERS)]
    with open(data_dir / "server.log", "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=log)
    wait_until_ready(process, port)
    return process, port


def window(bench: Bench, scenario: str, seconds: float) -> float:
    """One load window on one side: successful creations/s or slot responses/s."""
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
    return result.statuses[ok] / result.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", default="HEAD", help="the B side (A is the working tree)")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--customers", type=int, default=64)
    args = parser.parse_args()
    args.quick, args.no_balance = True, False

    tmp = Path(tempfile.mkdtemp(prefix="inkslot-bench-ab-"))
    postgres, database_url = start_postgres(tmp)
    servers: list[subprocess.Popen[bytes]] = []
    try:
        catalogue = seed_catalogue(database_url)
        sides: dict[str, Bench] = {}
        slot_numbers = itertools.count()  # every creation, on either side, gets its own slot
        for label, src in (
            (f"rev {args.rev}", export(args.rev, tmp / "rev") / "src"),
            ("working tree", ROOT / "src"),
        ):
            process, port = serve(src, tmp / label.replace(" ", "-"), database_url)
            servers.append(process)
            sides[label] = Bench(catalogue, port, [], args)
            sides[label].next_slot = slot_numbers
        tokens = register_customers(f"http://{HOST}:{next(iter(sides.values())).port}",
                                    args.customers)  # fmt: skip
        for bench in sides.values():
            bench.tokens = tokens
        rates: dict[tuple[str, str], list[float]] = {}
        labels = list(sides)
        for round_ in range(args.rounds):
            order = labels if round_ % 2 == 0 else labels[::-1]
            for scenario in ("creation", "slots"):
                for label in order:
                    rate = window(sides[label], scenario, args.seconds)
                    rates.setdefault((scenario, label), []).append(rate)
                    print(
                        f"round {round_ + 1} {scenario:<8} {label:<14} {rate:8.1f} /s", flush=True
                    )
        print()
        for scenario in ("creation", "slots"):
            medians = {label: statistics.median(rates[(scenario, label)]) for label in labels}
            a, b = medians[labels[1]], medians[labels[0]]
            print(
                f"{scenario:<8} median: {labels[0]} {b:8.1f} /s, {labels[1]} {a:8.1f} /s, "
                f"working tree / rev = {a / b:.3f}"
            )
    finally:
        for process in servers:
            stop_server(process)
        postgres.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
