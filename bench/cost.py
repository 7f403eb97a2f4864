"""The cost of a booking as same-run ratios: what a booking costs against the cheapest
signed-in request, and what telling people about it costs against the booking itself.

Rates move with this machine's speed (Python's by up to 3x between days, PostgreSQL's much
less); ratios between the project's own requests measured minutes apart move together with
it. Each round runs ``bench/bookings.py`` three times, each with its own embedded PostgreSQL,
seeded catalogue and ``inkslot serve --workers 2``, at 8 clients:

1. no job worker at all: the floor (``GET /api/v1/me``) and creation alone (nobody told);
2. ``make run``'s topology, the job worker the server starts beside the API (niceness 19):
   creation while telling;
3. production's topology, one ``inkslot worker`` apart: bookings created and fully told
   (every email, text, inbox item, webhook and projection of each) per second;
4. the same with as many ``inkslot worker`` processes as the API has (two: a deployment
   runs one or more, and the API runs a process per core here): what telling costs when
   it may use the machine as creation does.

and prints the four ratios with their targets (docs/performance.md, "The cost of a
booking"), then, over all rounds, how many met each target.

    .venv/bin/python bench/cost.py [--rounds 4] [--seconds 10] [--told-seconds 10]

Never asserts: prints.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent / "bookings.py"


@dataclass(frozen=True)
class Target:
    name: str
    numerator: str
    denominator: str
    at_least: float


TARGETS = (
    Target("creation alone / the floor", "alone", "floor", 0.40),
    Target("creation, make run's topology / creation alone", "inside", "alone", 0.70),
    Target("created and fully told / creation alone", "told", "alone", 0.25),
    Target("told, a worker per core / creation alone", "told_per_core", "alone", 0.25),
)
# As many worker processes as the API has (bench/bookings.py serves with 2, one per core
# on this 2-core machine), so telling may use the machine as creation does.
CORES = 2


def measured(
    topology: str, only: str, args: argparse.Namespace, workers: int = 1
) -> dict[str, float]:
    """One run of bench/bookings.py; its rates by scenario (``8``: creation at 8 clients)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as rates:
        command = [
            sys.executable, str(BENCH), "--topology", topology, "--only", only,
            "--seconds", str(args.seconds), "--told-seconds", str(args.told_seconds),
            "--worker-processes", str(workers), "--rates-json", rates.name,
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(
                f"bench/bookings.py failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
            )
        return {
            key: float(value) for key, value in json.loads(Path(rates.name).read_text()).items()
        }


def one_round(args: argparse.Namespace) -> dict[str, float]:
    alone = measured("none", "floor,creation", args)
    inside = measured("local", "creation", args)
    told = measured("apart", "told", args)
    per_core = measured("apart", "told", args, workers=CORES)
    return {
        "floor": alone["floor"],
        "alone": alone["8"],
        "inside": inside["8"],
        "told": told["told"],
        "told_per_core": per_core["told"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--told-seconds", type=float, default=10)
    args = parser.parse_args()
    met = dict.fromkeys((t.name for t in TARGETS), 0)
    for number in range(1, args.rounds + 1):
        rates = one_round(args)
        print(
            f"\n# round {number}: floor {rates['floor']:.0f}/s, creation alone "
            f"{rates['alone']:.0f}/s, in make run's topology {rates['inside']:.0f}/s, "
            f"created and fully told {rates['told']:.1f}/s, with {CORES} workers "
            f"{rates['told_per_core']:.1f}/s",
            flush=True,
        )
        for target in TARGETS:
            ratio = rates[target.numerator] / rates[target.denominator]
            verdict = "met" if ratio >= target.at_least else "NOT met"
            met[target.name] += ratio >= target.at_least
            print(
                f"    {target.name:<44} {ratio:5.2f}   target >= {target.at_least:.2f}  {verdict}"
            )
    print(f"\n# over {args.rounds} rounds (a target holds when met in at least 3 of 4)")
    for name, count in met.items():
        print(f"    {name:<44} met in {count} of {args.rounds}")


if __name__ == "__main__":
    main()
